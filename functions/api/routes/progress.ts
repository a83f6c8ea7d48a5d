import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { ProgressViewSchema } from '../../app/leadership/confirm-progress.js';
import { ProgressInputSchema } from '../../domain/progress-score.js';
import type { ApiDeps } from '../deps.js';
import { UnitIdParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

/** The unit's progress score: Sykli suggests, the coach confirms or overrides with a reason. */
export function progressRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    defineRoute({
      method: 'put', path: '/api/units/{unitId}/progress', tags: ['Leadership'], security: bearerSecurity,
      summary: "Confirm the unit's progress score (the unit's coaches and admins); a score other than Sykli's suggestion needs a reason",
      request: { params: z.object({ unitId: UnitIdParam }), body: { required: true, content: { 'application/json': { schema: ProgressInputSchema } } } },
      responses: {
        200: json('Confirmed; the unit’s status now carries it', ProgressViewSchema),
        400: problemResponse('Invalid score, or a changed score without a reason'),
        401: problemResponse('Not signed in'),
        403: problemResponse('Only the unit’s coaches confirm its score'),
        404: problemResponse('No such unit, or not one the person may see'),
        409: problemResponse('Someone confirmed a score at the same moment: reload and try again'),
      },
    }),
    async (c) => c.json(await deps.app.leadership.confirmProgress(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json')), 200),
  );
}
