import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { ChangeIdeaChangesSchema, ChangeIdeaSchema, NewChangeIdeaSchema } from '../../domain/change-idea.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, UnitIdParam, idParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const Params = z.object({ unitId: UnitIdParam });
const IdeaParams = z.object({ unitId: UnitIdParam, ideaId: idParam('ideaId') });
const common = {
  400: problemResponse('Invalid request'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or change idea, or not one the person may see'),
};

export function changeIdeaRoutes(deps: ApiDeps) {
  const { changeIdeas } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/change-ideas', tags: ['PDSA'], summary: "A unit's change ideas", security: bearerSecurity,
        request: { params: Params },
        responses: { 200: json('The change ideas', z.object({ items: z.array(ChangeIdeaSchema) })), ...common },
      }),
      async (c) => c.json({ items: await changeIdeas.list(c.get('caller'), c.req.valid('param').unitId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/change-ideas', tags: ['PDSA'], summary: 'Add a change idea (supervisors and coaches of the unit)', security: bearerSecurity,
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: NewChangeIdeaSchema } } } },
        responses: { 201: json('Created', ChangeIdeaSchema), ...common, 403: problemResponse('Not a supervisor or coach of the unit') },
      }),
      async (c) => {
        const idea = await changeIdeas.add(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'));
        c.header('ETag', `"${idea.version}"`);
        return c.json(idea, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/units/{unitId}/change-ideas/{ideaId}', tags: ['PDSA'], summary: 'Change a change idea; needs If-Match', security: bearerSecurity,
        request: { params: IdeaParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: ChangeIdeaChangesSchema } } } },
        responses: {
          200: json('Changed', ChangeIdeaSchema), ...common,
          403: problemResponse('Not a supervisor or coach of the unit'),
          412: problemResponse('Someone else changed it first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const { unitId, ideaId } = c.req.valid('param');
        const idea = await changeIdeas.change(c.get('caller'), unitId, ideaId, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${idea.version}"`);
        return c.json(idea, 200);
      },
    );
}
