import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { AreaChangesSchema, AreaSchema, NewAreaSchema } from '../../domain/area.js';
import { IdSchema } from '../../domain/ids.js';
import { NewUnitSchema, UnitSchema } from '../../domain/unit.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const AreaParams = z.object({ areaId: IdSchema.meta({ param: { name: 'areaId', in: 'path' }, example: 'keski-suomi' }) });
const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).optional(),
  cursor: z.string().max(2000).optional(),
});
const UnitPageSchema = z.object({ items: z.array(UnitSchema), nextCursor: z.string().nullable() }).meta({ id: 'UnitPage' });

export function areaRoutes(deps: ApiDeps) {
  const { areas, admin } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post', path: '/api/areas', tags: ['Organisation'], security: bearerSecurity,
        summary: 'Add an area (admin); recorded in the admins\' audit trail',
        request: { body: { required: true, content: { 'application/json': { schema: NewAreaSchema } } } },
        responses: {
          201: json('Created', AreaSchema),
          400: problemResponse('Invalid area'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins add areas'),
          409: problemResponse('An area with this id exists already'),
        },
      }),
      async (c) => {
        const area = await admin.createArea(c.get('caller'), c.req.valid('json'));
        c.header('ETag', `"${area.version}"`);
        c.header('Location', `/api/areas/${area.id}`);
        return c.json(area, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/areas/{areaId}', tags: ['Organisation'], security: bearerSecurity,
        summary: "Rename an area or change its official languages (admin); needs If-Match with the area's ETag; recorded in the admins' audit trail",
        request: { params: AreaParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: AreaChangesSchema } } } },
        responses: {
          200: json('Changed', AreaSchema),
          400: problemResponse('Invalid name or languages'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins change areas'),
          404: problemResponse('No such area'),
          412: problemResponse('Someone else changed the area first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const area = await admin.changeArea(c.get('caller'), c.req.valid('param').areaId, c.req.valid('json'), expected);
        c.header('ETag', `"${area.version}"`);
        return c.json(area, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/areas', tags: ['Organisation'], security: bearerSecurity,
        summary: 'The areas (wellbeing services counties) the signed-in person works in',
        responses: { 200: json('Areas', z.object({ items: z.array(AreaSchema) })), 401: problemResponse('Not signed in') },
      }),
      async (c) => c.json({ items: await areas.list(c.get('caller')) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/areas/{areaId}', tags: ['Organisation'], security: bearerSecurity,
        summary: 'One area',
        request: { params: AreaParams },
        responses: {
          200: json('The area', AreaSchema),
          400: problemResponse('Invalid area id'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such area, or not one the person may see'),
        },
      }),
      async (c) => c.json(await areas.get(c.get('caller'), c.req.valid('param').areaId), 200),
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/areas/{areaId}/units', tags: ['Organisation'], security: bearerSecurity,
        summary: "The area's units that the signed-in person may see, a page at a time",
        request: { params: AreaParams, query: PageQuery },
        responses: {
          200: json('Units', UnitPageSchema),
          400: problemResponse('Invalid parameters'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such area, or not one the person may see'),
        },
      }),
      async (c) => c.json(await areas.units(c.get('caller'), c.req.valid('param').areaId, c.req.valid('query')), 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/areas/{areaId}/units', tags: ['Organisation'], security: bearerSecurity,
        summary: "Add a unit (or a branch of one, `parentId`) to an area (admin); recorded in the admins' audit trail",
        request: { params: AreaParams, body: { required: true, content: { 'application/json': { schema: NewUnitSchema } } } },
        responses: {
          201: json('Created', UnitSchema),
          400: problemResponse('Invalid unit'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins add units'),
          404: problemResponse('No such area'),
          409: problemResponse('A unit with this id exists already'),
        },
      }),
      async (c) => {
        const unit = await admin.addUnit(c.get('caller'), c.req.valid('param').areaId, c.req.valid('json'));
        c.header('ETag', `"${unit.version}"`);
        c.header('Location', `/api/units/${unit.id}`);
        return c.json(unit, 201);
      },
    );
}
