import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { UnitPeopleSchema } from '../../app/organisation/unit-people.js';
import { UnitViewSchema } from '../../app/organisation/units.js';
import { UnitChangesSchema, UnitMoveSchema } from '../../domain/unit.js';
import type { Caller } from '../../app/caller.js';
import type { Unit } from '../../domain/unit.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, UnitIdParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const UnitParams = z.object({ unitId: UnitIdParam });

export function unitRoutes(deps: ApiDeps) {
  const { units, admin } = deps.app;
  const changed = (
    c: { get: (key: 'caller') => Caller; header: (name: string, value: string) => void },
    unit: Unit,
  ) => {
    c.header('ETag', `"${unit.version}"`);
    return units.view(c.get('caller'), unit);
  };
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}', tags: ['Organisation'], security: bearerSecurity,
        summary: "One unit, with what the signed-in person may do in it; its version is the ETag",
        request: { params: UnitParams },
        responses: {
          200: json('The unit', UnitViewSchema),
          400: problemResponse('Invalid unit id'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such unit, or not one the person may see'),
        },
      }),
      async (c) => {
        const unit = await units.get(c.get('caller'), c.req.valid('param').unitId);
        c.header('ETag', `"${unit.version}"`);
        return c.json(unit, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/units/{unitId}', tags: ['Organisation'], security: bearerSecurity,
        summary: "Change a unit's name, kind or municipality (admin); needs If-Match with the unit's ETag",
        request: { params: UnitParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: UnitChangesSchema } } } },
        responses: {
          200: json('Changed', UnitViewSchema),
          400: problemResponse('Invalid changes'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins change units'),
          404: problemResponse('No such unit'),
          412: problemResponse('Someone else changed the unit first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const unit = await admin.changeUnit(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'), expected);
        return c.json(await changed(c, unit), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/move', tags: ['Organisation'], security: bearerSecurity,
        summary: "Move a unit to another area (admin): its coaches' and supervisors' roles follow it; needs If-Match",
        request: { params: UnitParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: UnitMoveSchema } } } },
        responses: {
          200: json('Moved', UnitViewSchema),
          400: problemResponse('Invalid area or parent'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins move units'),
          404: problemResponse('No such unit'),
          409: problemResponse('The unit has branches to move first'),
          412: problemResponse('Someone else changed the unit first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const unit = await admin.moveUnit(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'), expected);
        return c.json(await changed(c, unit), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/close', tags: ['Organisation'], security: bearerSecurity,
        summary: 'Close a unit (admin): it keeps its history, leaves the overview and the rounds, and takes no new figures; needs If-Match',
        request: { params: UnitParams, headers: IfMatchHeader },
        responses: {
          200: json('Closed', UnitViewSchema),
          400: problemResponse('Invalid unit id'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Only admins close units'),
          404: problemResponse('No such unit'),
          409: problemResponse('Closed already, or it has open branches'),
          412: problemResponse('Someone else changed the unit first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const unit = await admin.closeUnit(c.get('caller'), c.req.valid('param').unitId, expected);
        return c.json(await changed(c, unit), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/people', tags: ['Organisation'], security: bearerSecurity,
        summary: "The unit's coaches and supervisors; to its coaches and admins also whose e-mail does not arrive",
        request: { params: UnitParams },
        responses: {
          200: json('The people, by name', UnitPeopleSchema),
          400: problemResponse('Invalid unit id'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such unit, or not one the person may see'),
        },
      }),
      async (c) => c.json(await units.people(c.get('caller'), c.req.valid('param').unitId), 200),
    );
}
