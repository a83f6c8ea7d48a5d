import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../domain/access-policy.js';
import { IdSchema } from '../../domain/ids.js';
import { UnitChangesSchema, UnitSchema } from '../../domain/unit.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const UnitParams = z.object({ unitId: IdSchema.meta({ param: { name: 'unitId', in: 'path' }, example: 'palokka' }) });

export function unitRoutes(deps: ApiDeps) {
  /** A unit the person may not see is answered exactly like one that does not exist. */
  async function visibleUnit(principal: Parameters<typeof can>[0], unitId: string) {
    const unit = await deps.units.get(unitId);
    if (!unit || !can(principal, { type: 'unit:read', unit })) throw new ProblemError(404, `No unit ${unitId} that you can see.`);
    return unit;
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/units/{unitId}',
        tags: ['Organisation'],
        summary: 'One unit; its version is the ETag',
        security: bearerSecurity,
        request: { params: UnitParams },
        responses: {
          200: { description: 'The unit', content: { 'application/json': { schema: UnitSchema } } },
          400: problemResponse('Invalid unit id'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such unit, or not one the person may see'),
        },
      }),
      async (c) => {
        const unit = await visibleUnit(c.get('principal'), c.req.valid('param').unitId);
        c.header('ETag', `"${unit.version}"`);
        return c.json(unit, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/api/units/{unitId}',
        tags: ['Organisation'],
        summary: "Change a unit's name, kind or municipality (admin); needs If-Match with the unit's ETag",
        security: bearerSecurity,
        request: {
          params: UnitParams,
          headers: z.object({ 'if-match': z.string().max(100).optional() }),
          body: { required: true, content: { 'application/json': { schema: UnitChangesSchema } } },
        },
        responses: {
          200: { description: 'Changed', content: { 'application/json': { schema: UnitSchema } } },
          400: problemResponse('Invalid changes'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins change units'),
          404: problemResponse('No such unit'),
          412: problemResponse('Someone else changed the unit first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const principal = c.get('principal');
        const unit = await visibleUnit(principal, c.req.valid('param').unitId);
        if (!can(principal, { type: 'unit:update', unit })) throw new ProblemError(403, 'Only admins can change units.');
        const expectedVersion = parseIfMatch(c.req.valid('header')['if-match']);
        const updated = await deps.units.update(unit.id, c.req.valid('json'), expectedVersion);
        c.header('ETag', `"${updated.version}"`);
        return c.json(updated, 200);
      },
    );
}
