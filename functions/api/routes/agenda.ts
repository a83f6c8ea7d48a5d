import { createRoute } from '@hono/zod-openapi';
import { CoachAgendaSchema, coachAgenda } from '../../domain/coach-agenda.js';
import type { ApiDeps } from '../deps.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

export function agendaRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    createRoute({
      method: 'get', path: '/api/me/agenda', tags: ['Reviews'], security: bearerSecurity,
      summary: "The signed-in coach's agenda: reviews coming up, overdue reviews, and studies due with no review, in the units they coach",
      responses: {
        200: { description: 'The agenda (empty for someone who coaches no unit)', content: { 'application/json': { schema: CoachAgendaSchema } } },
        401: problemResponse('Not signed in'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const unitIds = [...new Set(principal.memberships.flatMap((m) => (m.role === 'coach' ? [m.unitId] : [])))];
      // One Query on the coach's agenda index, and one per coached unit for its cycles.
      const [reviews, cycles] = await Promise.all([
        deps.cycles.listScheduledReviewsOfCoach(principal.personId),
        Promise.all(unitIds.map((id) => deps.cycles.listCycles(id))).then((lists) => lists.flat()),
      ]);
      const due = cycles.filter((cy) => cy.phase === 'doing' || cy.phase === 'studying');
      const studyReviews = (await Promise.all(due.map((cy) => deps.cycles.listReviews(cy.id)))).flat();
      const known = new Set(reviews.map((r) => r.id));
      const agenda = coachAgenda({
        reviews: [...reviews.filter((r) => unitIds.includes(r.unitId)), ...studyReviews.filter((r) => !known.has(r.id))],
        cycles,
        now: new Date(),
      });
      // Other coaches' reviews only count towards "has a review"; the lists show the coach's own.
      const own = (r: { coachId: string }) => r.coachId === principal.personId;
      return c.json({ ...agenda, upcoming: agenda.upcoming.filter(own), overdue: agenda.overdue.filter(own) }, 200);
    },
  );
}
