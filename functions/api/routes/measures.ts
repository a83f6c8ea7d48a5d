import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../domain/access-policy.js';
import { MeasureDefinitionSchema } from '../../domain/measure.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

export function measureRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/measures',
      tags: ['Measures'],
      summary: 'The measure catalogue: the current definition of each measure',
      security: bearerSecurity,
      responses: {
        200: {
          description: 'The catalogue',
          content: { 'application/json': { schema: z.object({ items: z.array(MeasureDefinitionSchema) }) } },
        },
        401: problemResponse('Not signed in'),
        403: problemResponse('The person has no role anywhere'),
      },
    }),
    async (c) => {
      if (!can(c.get('principal'), { type: 'catalogue:read' })) {
        throw new ProblemError(403, 'You have no role in any unit yet; ask an admin to add you.');
      }
      const items = await deps.catalogue.listCurrent();
      items.sort((a, b) => a.key.localeCompare(b.key));
      return c.json({ items }, 200);
    },
  );
}
