import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../domain/access-policy.js';
import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import { FrequencySchema } from '../../domain/measure.js';
import { roundExecutionName, roundPeriod } from '../../domain/round-schedule.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });

const RoundStartSchema = z
  .object({ executionName: z.string(), frequency: FrequencySchema, period: z.string(), result: z.enum(['started', 'already-running']) })
  .meta({ id: 'RoundStart' });

/** Running a measurement round by hand. */
export function roundRoutes(deps: ApiDeps) {
  return newRouter()
    .openapi(
      createRoute({
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
      async (c) => {
        if (!can(c.get('principal'), { type: 'round:run' })) throw new ProblemError(403, 'Only admins run measurement rounds by hand.');
        const { frequency } = c.req.valid('json');
        const now = new Date();
        const executionName = roundExecutionName(frequency, now);
        const result = await deps.workflows.start('measurementRound', executionName, { frequency, scheduledTime: toWorkflowTimestamp(now) });
        return c.json({ executionName, frequency, period: roundPeriod(frequency, now), result }, 202);
      },
    );
}
