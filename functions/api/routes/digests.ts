import { defineRoute } from '../openapi-router.js';
import { DigestRunSchema, DigestStartSchema } from '../../app/people/weekly-digest.js';
import type { ApiDeps } from '../deps.js';
import { json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

/** Sending the weekly digest by hand. */
export function digestRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    defineRoute({
      method: 'post', path: '/api/digests', tags: ['People'], security: bearerSecurity,
      summary: "Send this week's digest now (admin): to every coach and area leader who gets it and has not had this week's yet",
      request: { body: { required: true, content: { 'application/json': { schema: DigestRunSchema } } } },
      responses: {
        202: json('Started', DigestStartSchema),
        400: problemResponse('Not this week'),
        401: problemResponse('Not signed in'),
        403: problemResponse('Only admins send the digest by hand'),
      },
    }),
    async (c) => c.json(await deps.app.digests.run(c.get('caller'), c.req.valid('json')), 202),
  );
}
