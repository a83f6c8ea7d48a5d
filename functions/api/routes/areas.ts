import { createRoute, z } from '@hono/zod-openapi';
import { can, reachableAreaIds, seesWholeArea } from '../../domain/access-policy.js';
import { AreaSchema } from '../../domain/area.js';
import { IdSchema } from '../../domain/ids.js';
import { NewUnitSchema, UnitSchema } from '../../domain/unit.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const AreaParams = z.object({ areaId: IdSchema.meta({ param: { name: 'areaId', in: 'path' }, example: 'keski-suomi' }) });
const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).optional(),
  cursor: z.string().max(2000).optional(),
});
const UnitPageSchema = z.object({ items: z.array(UnitSchema), nextCursor: z.string().nullable() }).openapi('UnitPage');

export function areaRoutes(deps: ApiDeps) {
  /** An area the person may not see is answered exactly like one that does not exist. */
  async function visibleArea(principal: Parameters<typeof can>[0], areaId: string) {
    const area = can(principal, { type: 'area:read', areaId }) ? await deps.areas.get(areaId) : undefined;
    if (!area) throw new ProblemError(404, `No area ${areaId} that you can see.`);
    return area;
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/areas',
        tags: ['Organisation'],
        summary: 'The areas (wellbeing services counties) the signed-in person works in',
        security: bearerSecurity,
        responses: {
          200: { description: 'Areas', content: { 'application/json': { schema: z.object({ items: z.array(AreaSchema) }) } } },
          401: problemResponse('Not signed in'),
        },
      }),
      async (c) => {
        const reachable = reachableAreaIds(c.get('principal'));
        const all = await deps.areas.list();
        const items = reachable === 'all' ? all : all.filter((area) => reachable.has(area.id));
        return c.json({ items }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/areas/{areaId}',
        tags: ['Organisation'],
        summary: 'One area',
        security: bearerSecurity,
        request: { params: AreaParams },
        responses: {
          200: { description: 'The area', content: { 'application/json': { schema: AreaSchema } } },
          400: problemResponse('Invalid area id'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such area, or not one the person may see'),
        },
      }),
      async (c) => {
        const area = await visibleArea(c.get('principal'), c.req.valid('param').areaId);
        return c.json(area, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/areas/{areaId}/units',
        tags: ['Organisation'],
        summary: "The area's units that the signed-in person may see, a page at a time",
        security: bearerSecurity,
        request: { params: AreaParams, query: PageQuery },
        responses: {
          200: { description: 'Units', content: { 'application/json': { schema: UnitPageSchema } } },
          400: problemResponse('Invalid parameters'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such area, or not one the person may see'),
        },
      }),
      async (c) => {
        const principal = c.get('principal');
        const { areaId } = c.req.valid('param');
        const { limit, cursor } = c.req.valid('query');
        await visibleArea(principal, areaId);
        if (seesWholeArea(principal, areaId)) {
          return c.json(await deps.units.listByArea(areaId, { limit: limit ?? 50, cursor }), 200);
        }
        // Coaches and supervisors see only their own units: a handful, fetched by id in one page.
        const ownUnitIds = principal.memberships.flatMap((m) =>
          (m.role === 'coach' || m.role === 'supervisor') && m.areaId === areaId ? [m.unitId] : [],
        );
        const items = (await deps.units.getMany(ownUnitIds)).sort((a, b) => a.name.fi.localeCompare(b.name.fi, 'fi'));
        return c.json({ items, nextCursor: null }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/areas/{areaId}/units',
        tags: ['Organisation'],
        summary: 'Add a unit to an area (admin)',
        security: bearerSecurity,
        request: {
          params: AreaParams,
          body: { required: true, content: { 'application/json': { schema: NewUnitSchema } } },
        },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: UnitSchema } } },
          400: problemResponse('Invalid unit'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins add units'),
          404: problemResponse('No such area'),
          409: problemResponse('A unit with this id exists already'),
        },
      }),
      async (c) => {
        const principal = c.get('principal');
        const { areaId } = c.req.valid('param');
        await visibleArea(principal, areaId);
        if (!can(principal, { type: 'unit:create', areaId })) throw new ProblemError(403, 'Only admins can add units.');
        const unit = await deps.units.create({ ...c.req.valid('json'), areaId });
        c.header('ETag', `"${unit.version}"`);
        c.header('Location', `/api/units/${unit.id}`);
        return c.json(unit, 201);
      },
    );
}
