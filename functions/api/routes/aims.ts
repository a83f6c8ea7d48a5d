import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { AimChangesSchema, AimSchema, NewAimSchema } from '../../domain/aim.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, UnitIdParam, idParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const Params = z.object({ unitId: UnitIdParam });
const AimParams = z.object({ unitId: UnitIdParam, aimId: idParam('aimId') });
const common = {
  400: problemResponse('Invalid request'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or aim, or not one the person may see'),
};

export function aimRoutes(deps: ApiDeps) {
  const { aims } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/aims', tags: ['PDSA'], summary: "A unit's aims", security: bearerSecurity,
        request: { params: Params },
        responses: { 200: json('The aims', z.object({ items: z.array(AimSchema) })), ...common },
      }),
      async (c) => c.json({ items: await aims.list(c.get('caller'), c.req.valid('param').unitId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/aims', tags: ['PDSA'], summary: 'Add an aim (supervisors and coaches of the unit)', security: bearerSecurity,
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: NewAimSchema } } } },
        responses: { 201: json('Created; the ETag is its version', AimSchema), ...common, 403: problemResponse('Not a supervisor or coach of the unit') },
      }),
      async (c) => {
        const aim = await aims.add(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'));
        c.header('ETag', `"${aim.version}"`);
        return c.json(aim, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/aims/{aimId}', tags: ['PDSA'], summary: 'One aim; its version is the ETag', security: bearerSecurity,
        request: { params: AimParams },
        responses: { 200: json('The aim', AimSchema), ...common },
      }),
      async (c) => {
        const { unitId, aimId } = c.req.valid('param');
        const aim = await aims.get(c.get('caller'), unitId, aimId);
        c.header('ETag', `"${aim.version}"`);
        return c.json(aim, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/units/{unitId}/aims/{aimId}', tags: ['PDSA'], summary: 'Change an aim; needs If-Match', security: bearerSecurity,
        request: { params: AimParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: AimChangesSchema } } } },
        responses: {
          200: json('Changed', AimSchema), ...common,
          403: problemResponse('Not a supervisor or coach of the unit'),
          409: problemResponse('The aim is closed'),
          412: problemResponse('Someone else changed the aim first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const { unitId, aimId } = c.req.valid('param');
        const aim = await aims.change(c.get('caller'), unitId, aimId, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${aim.version}"`);
        return c.json(aim, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/aims/{aimId}/close', tags: ['PDSA'], security: bearerSecurity,
        summary: 'Close an aim: it stays visible as closed, with its cycles; needs If-Match',
        request: { params: AimParams, headers: IfMatchHeader },
        responses: {
          200: json('Closed (closing a closed aim again changes nothing)', AimSchema), ...common,
          403: problemResponse('Not a supervisor or coach of the unit'),
          412: problemResponse('Someone else changed the aim first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const { unitId, aimId } = c.req.valid('param');
        const aim = await aims.close(c.get('caller'), unitId, aimId, parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${aim.version}"`);
        return c.json(aim, 200);
      },
    );
}
