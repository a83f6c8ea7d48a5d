import { defineRoute } from '../openapi-router.js';
import { CoachAgendaSchema } from '../../domain/coach-agenda.js';
import type { ApiDeps } from '../deps.js';
import { json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

export function agendaRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    defineRoute({
      method: 'get', path: '/api/me/agenda', tags: ['Reviews'], security: bearerSecurity,
      summary: "The signed-in coach's agenda: reviews coming up, overdue reviews, and studies due with no review, in the units they coach",
      responses: { 200: json('The agenda (empty for someone who coaches no unit)', CoachAgendaSchema), 401: problemResponse('Not signed in') },
    }),
    async (c) => c.json(await deps.app.agenda.ofCaller(c.get('caller')), 200),
  );
}
