import * as z from 'zod';
import { DriverDiagramViewSchema } from '../../app/pdsa/driver-diagrams.js';
import { ChangeIdeaSchema } from '../../domain/change-idea.js';
import { DriverChangesSchema, DriverSchema, IdeaPlacementSchema, NewDriverSchema } from '../../domain/driver-diagram.js';
import { defineRoute } from '../openapi-router.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, UnitIdParam, idParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const AimParams = z.object({ unitId: UnitIdParam, aimId: idParam('aimId') });
const DriverParams = z.object({ unitId: UnitIdParam, aimId: idParam('aimId'), driverId: idParam('driverId') });
const IdeaParams = z.object({ unitId: UnitIdParam, aimId: idParam('aimId'), ideaId: idParam('ideaId') });
const common = {
  400: problemResponse('Invalid request'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit, aim, driver or change idea, or not one the person may see'),
};
const forbidden = { 403: problemResponse('Not a supervisor or coach of the unit') };
const versioned = { 412: problemResponse('Someone else changed it first'), 428: problemResponse('If-Match is missing') };

export function driverRoutes(deps: ApiDeps) {
  const { driverDiagrams } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/aims/{aimId}/driver-diagram', tags: ['PDSA'], summary: "An aim's driver diagram: drivers, change ideas and their cycles", security: bearerSecurity,
        request: { params: AimParams },
        responses: { 200: json('The driver diagram', DriverDiagramViewSchema), ...common },
      }),
      async (c) => {
        const { unitId, aimId } = c.req.valid('param');
        return c.json(await driverDiagrams.get(c.get('caller'), unitId, aimId), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/aims/{aimId}/drivers', tags: ['PDSA'], summary: 'Add a primary or secondary driver (supervisors and coaches of the unit)', security: bearerSecurity,
        request: { params: AimParams, body: { required: true, content: { 'application/json': { schema: NewDriverSchema } } } },
        responses: { 201: json('Created; the ETag is its version', DriverSchema), ...common, ...forbidden },
      }),
      async (c) => {
        const { unitId, aimId } = c.req.valid('param');
        const driver = await driverDiagrams.add(c.get('caller'), unitId, aimId, c.req.valid('json'));
        c.header('ETag', `"${driver.version}"`);
        return c.json(driver, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/units/{unitId}/aims/{aimId}/drivers/{driverId}', tags: ['PDSA'], summary: 'Rename, reorder or move a driver; needs If-Match', security: bearerSecurity,
        request: { params: DriverParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: DriverChangesSchema } } } },
        responses: { 200: json('Changed', DriverSchema), ...common, ...forbidden, ...versioned },
      }),
      async (c) => {
        const { unitId, aimId, driverId } = c.req.valid('param');
        const driver = await driverDiagrams.change(c.get('caller'), unitId, aimId, driverId, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${driver.version}"`);
        return c.json(driver, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'delete', path: '/api/units/{unitId}/aims/{aimId}/drivers/{driverId}', tags: ['PDSA'], summary: 'Remove a driver with no secondary drivers or change ideas under it', security: bearerSecurity,
        request: { params: DriverParams },
        responses: { 204: { description: 'Removed' }, ...common, ...forbidden, 409: problemResponse('The driver still has secondary drivers or change ideas') },
      }),
      async (c) => {
        const { unitId, aimId, driverId } = c.req.valid('param');
        await driverDiagrams.remove(c.get('caller'), unitId, aimId, driverId);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'put', path: '/api/units/{unitId}/aims/{aimId}/change-ideas/{ideaId}/driver', tags: ['PDSA'], summary: "Place a change idea under one of the aim's drivers (or none); needs the idea's If-Match", security: bearerSecurity,
        request: { params: IdeaParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: IdeaPlacementSchema } } } },
        responses: { 200: json('Placed', ChangeIdeaSchema), ...common, ...forbidden, ...versioned },
      }),
      async (c) => {
        const { unitId, aimId, ideaId } = c.req.valid('param');
        const idea = await driverDiagrams.placeIdea(c.get('caller'), unitId, aimId, ideaId, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${idea.version}"`);
        return c.json(idea, 200);
      },
    );
}
