import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { CycleListSchema, CycleViewSchema } from '../../app/pdsa/cycle-view.js';
import { CycleChangesSchema, CyclePhaseSchema, NewCycleSchema } from '../../domain/cycle.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, UnitIdParam, idParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const Params = z.object({ unitId: UnitIdParam });
const CycleParams = z.object({ unitId: UnitIdParam, cycleId: idParam('cycleId') });
const common = {
  400: problemResponse('Invalid request'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or cycle, or not one the person may see'),
};
const editErrors = {
  403: problemResponse('Not a supervisor or coach of the unit'),
  409: problemResponse('Not allowed in the cycle’s phase; the detail says why and what is allowed'),
  412: problemResponse('Someone else changed the cycle first'),
  428: problemResponse('If-Match is missing'),
};

const TransitionSchema = z
  .strictObject({
    to: CyclePhaseSchema,
    /** Why, when abandoning a planned cycle. */
    reason: z.string().max(4000).optional(),
  })
  .meta({ id: 'CycleTransition' });

export function cycleRoutes(deps: ApiDeps) {
  const { cycles } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/cycles', tags: ['PDSA'], security: bearerSecurity,
        summary: "The unit's cycles for its board, optionally of one phase",
        request: { params: Params, query: z.object({ phase: CyclePhaseSchema.optional() }) },
        responses: { 200: json('The cycles, newest first, and the count per phase', CycleListSchema), ...common },
      }),
      async (c) => c.json(await cycles.list(c.get('caller'), c.req.valid('param').unitId, c.req.valid('query').phase), 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/cycles', tags: ['PDSA'], security: bearerSecurity,
        summary: 'Start planning a cycle (supervisors and coaches of the unit)',
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: NewCycleSchema } } } },
        responses: { 201: json('Created in planning', CycleViewSchema), ...common, 403: editErrors[403] },
      }),
      async (c) => {
        const cycle = await cycles.create(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'));
        c.header('ETag', `"${cycle.version}"`);
        return c.json(cycle, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/cycles/{cycleId}', tags: ['PDSA'], security: bearerSecurity,
        summary: 'One cycle, the worksheet through its phases; its version is the ETag',
        request: { params: CycleParams },
        responses: { 200: json('The cycle', CycleViewSchema), ...common },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        const cycle = await cycles.get(c.get('caller'), unitId, cycleId);
        c.header('ETag', `"${cycle.version}"`);
        return c.json(cycle, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/units/{unitId}/cycles/{cycleId}', tags: ['PDSA'], security: bearerSecurity,
        summary: 'Edit the worksheet sections open in the current phase; needs If-Match',
        request: { params: CycleParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: CycleChangesSchema } } } },
        responses: { 200: json('Changed', CycleViewSchema), ...common, ...editErrors },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        const cycle = await cycles.edit(c.get('caller'), unitId, cycleId, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${cycle.version}"`);
        return c.json(cycle, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/cycles/{cycleId}/transitions', tags: ['PDSA'], security: bearerSecurity,
        summary: 'Move the cycle to another phase: start Do (starts its workflow), abandon a planned cycle, start embedding an adopted change. Needs If-Match.',
        description:
          'Study opens by itself at the Do end, and the Act decision is recorded with the study review’s outcome; ' +
          'any other move is refused with 409 and a sentence saying why and what is allowed.',
        request: { params: CycleParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: TransitionSchema } } } },
        responses: { 200: json('Moved', CycleViewSchema), ...common, ...editErrors },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        const cycle = await cycles.transition(c.get('caller'), unitId, cycleId, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${cycle.version}"`);
        return c.json(cycle, 200);
      },
    );
}
