import { createRoute, z } from '@hono/zod-openapi';
import { rolesOf } from '../../domain/access-policy.js';
import { MembershipSchema, RoleSchema } from '../../domain/membership.js';
import { PersonSchema } from '../../domain/person.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const MeSchema = z
  .object({ person: PersonSchema, memberships: z.array(MembershipSchema), roles: z.array(RoleSchema) })
  .openapi('Me');

export function meRoutes() {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      tags: ['People'],
      summary: 'The signed-in person, their memberships and roles',
      security: bearerSecurity,
      responses: {
        200: { description: 'The signed-in person', content: { 'application/json': { schema: MeSchema } } },
        401: problemResponse('Not signed in'),
      },
    }),
    (c) => {
      const principal = c.get('principal');
      return c.json(
        { person: c.get('person'), memberships: [...principal.memberships], roles: rolesOf(principal) },
        200,
      );
    },
  );
}
