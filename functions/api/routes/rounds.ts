import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { RoundStartSchema } from '../../app/measurements/run-round.js';
import { FrequencySchema } from '../../domain/measure.js';
import type { ApiDeps } from '../deps.js';
import { json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

/** Running a measurement round by hand. */
export function roundRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    defineRoute({
      method: 'post', path: '/api/rounds', tags: ['Measurements'], security: bearerSecurity,
      summary: "Run a measurement round now (admin): collects the period that has just ended; a period's round runs once",
      request: { body: { required: true, content: { 'application/json': { schema: z.strictObject({ frequency: FrequencySchema }) } } } },
      responses: {
        200: json("The period's round had started already: running, done or failed; nothing was started", RoundStartSchema),
        202: json('Started', RoundStartSchema),
        400: problemResponse('Invalid frequency'),
        401: problemResponse('Not signed in'),
        403: problemResponse('Only admins run rounds by hand'),
      },
    }),
    async (c) => {
      const answer = await deps.app.rounds.run(c.get('caller'), c.req.valid('json').frequency);
      return answer.result === 'started' ? c.json(answer, 202) : c.json(answer, 200);
    },
  );
}
