import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../domain/access-policy.js';
import { UnitProgressStatusSchema } from '../../domain/area-status.js';
import { ProgressInputSchema, progressInputProblem, type ProgressConfirmation } from '../../domain/progress-score.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { personActor } from './aims.js';
import { measurementUnit } from './measurement-access.js';
import { UnitIdParam, fieldProblem } from './unit-access.js';

const ProgressViewSchema = UnitProgressStatusSchema.meta({ id: 'ProgressView' });

/** The unit's progress score: Sykli suggests, the coach confirms or overrides with a reason. */
export function progressRoutes(deps: ApiDeps) {
  const unitFor = measurementUnit(deps);
  return newRouter().openapi(
    createRoute({
      method: 'put', path: '/api/units/{unitId}/progress', tags: ['Leadership'], security: bearerSecurity,
      summary: "Confirm the unit's progress score (the unit's coaches and admins); a score other than Sykli's suggestion needs a reason",
      request: {
        params: z.object({ unitId: UnitIdParam }),
        body: { required: true, content: { 'application/json': { schema: ProgressInputSchema } } },
      },
      responses: {
        200: { description: 'Confirmed; the unit’s status now carries it', content: { 'application/json': { schema: ProgressViewSchema } } },
        400: problemResponse('Invalid score, or a changed score without a reason'),
        401: problemResponse('Not signed in'),
        403: problemResponse('Only the unit’s coaches confirm its score'),
        404: problemResponse('No such unit, or not one the person may see'),
        409: problemResponse('Someone confirmed a score at the same moment: reload and try again'),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const unit = await unitFor(principal, c.req.valid('param').unitId);
      if (!can(principal, { type: 'progress:confirm', unit })) throw new ProblemError(403, "Only the unit's coaches (and admins) confirm its progress score.");
      const input = c.req.valid('json');
      const now = new Date();
      // The suggestion as of now, from the same facts the status item is built from.
      const current = await deps.seriesRefresh.refreshUnitStatus(unit, now);
      if (progressInputProblem(input, current.progress.suggested)) {
        throw fieldProblem('body.reason', `Write why the score is ${input.score} and not Sykli's suggestion ${current.progress.suggested}.`);
      }
      const before = (await deps.cycles.getProgress(unit.id)) ?? null;
      const person = c.get('person');
      const after: ProgressConfirmation = {
        unitId: unit.id,
        score: input.score,
        suggested: current.progress.suggested,
        reason: input.reason,
        confirmedBy: { personId: person.id, name: person.name },
        confirmedAt: now.toISOString(),
        version: (before?.version ?? 0) + 1,
      };
      await deps.cycles.write([deps.cycles.progressWrite(before, after)], personActor(person));
      const status = await deps.seriesRefresh.refreshUnitStatus(unit, now);
      return c.json(status.progress, 200);
    },
  );
}
