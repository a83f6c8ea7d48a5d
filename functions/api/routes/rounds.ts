import { createRoute, z } from '@hono/zod-openapi';
import { can, seesWholeArea } from '../../domain/access-policy.js';
import { AreaStatusSchema } from '../../domain/area-status.js';
import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import { IdSchema } from '../../domain/ids.js';
import { FrequencySchema } from '../../domain/measure.js';
import { roundExecutionName, roundPeriod } from '../../domain/round-schedule.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });

const RoundStartSchema = z
  .object({ executionName: z.string(), frequency: FrequencySchema, period: z.string(), result: z.enum(['started', 'already-running']) })
  .meta({ id: 'RoundStart' });

/** Running a measurement round by hand, and the leadership view the rounds keep current. */
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
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/areas/{areaId}/status', tags: ['Measurements'], security: bearerSecurity,
        summary: "Each unit's status in an area (latest figures, target, variation, assurance, completeness, late): one Query",
        request: { params: z.object({ areaId: IdSchema.meta({ param: { name: 'areaId', in: 'path' }, example: 'keski-suomi' }) }) },
        responses: {
          200: json('Status items', z.object({ items: z.array(AreaStatusSchema) })),
          400: problemResponse('Invalid area id'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such area, or not one the person may see'),
        },
      }),
      async (c) => {
        const principal = c.get('principal');
        const { areaId } = c.req.valid('param');
        if (!can(principal, { type: 'area:read', areaId })) throw new ProblemError(404, `No area ${areaId} that you can see.`);
        const items = await deps.measurements.listAreaStatus(areaId);
        const visible = seesWholeArea(principal, areaId)
          ? items
          : items.filter((item) => can(principal, { type: 'measurement:read', unit: { id: item.unitId, areaId } }));
        return c.json({ items: visible.sort((a, b) => a.unitName.fi.localeCompare(b.unitName.fi, 'fi')) }, 200);
      },
    );
}
