import { defineRoute } from '../openapi-router.js';
import { MeSchema } from '../../app/organisation/me.js';
import { PersonSettingsSchema } from '../../domain/person.js';
import type { ApiDeps } from '../deps.js';
import { json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

export function meRoutes(deps: ApiDeps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/api/me',
        tags: ['People'],
        summary: 'The signed-in person: their memberships and roles, the units and areas they work in, and what they may do beyond one unit',
        security: bearerSecurity,
        responses: { 200: json('The signed-in person', MeSchema), 401: problemResponse('Not signed in') },
      }),
      async (c) => c.json(await deps.app.people.me(c.get('caller')), 200),
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/api/me/settings',
        tags: ['People'],
        summary: "Change the signed-in person's own settings: the weekly digest e-mail on or off",
        security: bearerSecurity,
        request: { body: { required: true, content: { 'application/json': { schema: PersonSettingsSchema } } } },
        responses: {
          200: json('Changed; the signed-in person as they are now', MeSchema),
          400: problemResponse('Invalid settings'),
          401: problemResponse('Not signed in'),
        },
      }),
      async (c) => c.json(await deps.app.people.changeSettings(c.get('caller'), c.req.valid('json')), 200),
    );
}
