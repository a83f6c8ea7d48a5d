import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { CycleViewSchema } from '../../app/pdsa/cycle-view.js';
import { AreaPracticesViewSchema, StartFromPracticeSchema } from '../../app/pdsa/good-practices.js';
import { IdSchema } from '../../domain/ids.js';
import type { ApiDeps } from '../deps.js';
import { UnitIdParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const common = { 400: problemResponse('Invalid request'), 401: problemResponse('Not signed in') };

/** Good practices across an area, and starting a unit's own cycle from one. */
export function practiceRoutes(deps: ApiDeps) {
  const { practices } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/areas/{areaId}/practices', tags: ['PDSA'], security: bearerSecurity,
        summary: "The changes the area's units have adopted, with their evidence and the cycles started from them (everyone working in the area)",
        request: { params: z.object({ areaId: IdSchema.meta({ param: { name: 'areaId', in: 'path' }, example: 'keski-suomi' }) }) },
        responses: { 200: json('The good practices, newest first', AreaPracticesViewSchema), ...common, 404: problemResponse('No such area, or not one the person may see') },
      }),
      async (c) => c.json(await practices.list(c.get('caller'), c.req.valid('param').areaId), 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/cycles/from-practice', tags: ['PDSA'], security: bearerSecurity,
        summary: "Start planning a cycle from another unit's good practice of the same area, pre-filled with its plan (supervisors and coaches of the unit)",
        request: { params: z.object({ unitId: UnitIdParam }), body: { required: true, content: { 'application/json': { schema: StartFromPracticeSchema } } } },
        responses: {
          201: json('Created in planning, linked to the practice', CycleViewSchema),
          ...common,
          403: problemResponse('Not a supervisor or coach of the unit'),
          404: problemResponse('No such unit, or not one the person may see'),
        },
      }),
      async (c) => {
        const cycle = await practices.start(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'));
        c.header('ETag', `"${cycle.version}"`);
        return c.json(cycle, 201);
      },
    );
}
