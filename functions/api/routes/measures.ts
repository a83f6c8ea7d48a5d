import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { MeasureDefinitionSchema } from '../../domain/measure.js';
import type { ApiDeps } from '../deps.js';
import { json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

export function measureRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    defineRoute({
      method: 'get', path: '/api/measures', tags: ['Measures'], security: bearerSecurity,
      summary: 'The measure catalogue: the current definition of each measure',
      responses: {
        200: json('The catalogue', z.object({ items: z.array(MeasureDefinitionSchema) })),
        401: problemResponse('Not signed in'),
        403: problemResponse('The person has no role anywhere'),
      },
    }),
    async (c) => c.json({ items: await deps.app.catalogue.list(c.get('caller')) }, 200),
  );
}
