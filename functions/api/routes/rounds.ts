import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { FrequencySchema } from '../../domain/measure.js';
import type { ApiDeps } from '../deps.js';
import { json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const RoundStartSchema = z
  .object({ executionName: z.string(), frequency: FrequencySchema, period: z.string(), result: z.enum(['started', 'already-running']) })
  .meta({ id: 'RoundStart' });

/** Running a measurement round by hand. */
export function roundRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    defineRoute({
      method: 'post', path: '/api/rounds', tags: ['Measurements'], security: bearerSecurity,
      summary: "Run a measurement round now (admin): collects the period that has just ended; a period's round runs once",
      request: { body: { required: true, content: { 'application/json': { schema: z.strictObject({ frequency: FrequencySchema }) } } } },
      responses: {
        202: json('Started', RoundStartSchema),
        400: problemResponse('Invalid frequency'),
        401: problemResponse('Not signed in'),
        403: problemResponse('Only admins run rounds by hand'),
      },
    }),
    async (c) => c.json(await deps.app.rounds.run(c.get('caller'), c.req.valid('json').frequency), 202),
  );
}
