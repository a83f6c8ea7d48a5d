import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { AimChangesSchema, AimSchema, NewAimSchema, type Aim } from '../../domain/aim.js';
import type { Actor } from '../../domain/audit.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { IfMatchHeader, UnitIdParam, idParam, pdsaUnit } from './unit-access.js';

const Params = z.object({ unitId: UnitIdParam });
const AimParams = z.object({ unitId: UnitIdParam, aimId: idParam('aimId') });
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
const common = {
  400: problemResponse('Invalid request'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or aim, or not one the person may see'),
};

export const personActor = (person: { id: string; name: string }): Actor => ({ type: 'person', personId: person.id, name: person.name });

export function aimRoutes(deps: ApiDeps) {
  const unitFor = pdsaUnit(deps);
  async function aimOf(unitId: string, aimId: string): Promise<Aim> {
    const aim = await deps.cycles.getAim(unitId, aimId);
    if (!aim) throw new ProblemError(404, `Unit ${unitId} has no aim ${aimId}.`);
    return aim;
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/aims', tags: ['PDSA'], summary: "A unit's aims", security: bearerSecurity,
        request: { params: Params },
        responses: { 200: json('The aims', z.object({ items: z.array(AimSchema) })), ...common },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId);
        const items = await deps.cycles.listAims(unit.id);
        return c.json({ items: items.sort((a, b) => a.targetDate.localeCompare(b.targetDate)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/aims', tags: ['PDSA'], summary: 'Add an aim (supervisors and coaches of the unit)', security: bearerSecurity,
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: NewAimSchema } } } },
        responses: { 201: json('Created; the ETag is its version', AimSchema), ...common, 403: problemResponse('Not a supervisor or coach of the unit') },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId, 'pdsa:edit');
        const aim = AimSchema.parse({ ...c.req.valid('json'), id: randomUUID(), unitId: unit.id, createdAt: new Date().toISOString(), version: 1 });
        await deps.cycles.write([deps.cycles.aimWrite(null, aim, 'create')], personActor(c.get('person')));
        c.header('ETag', `"${aim.version}"`);
        return c.json(aim, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/aims/{aimId}', tags: ['PDSA'], summary: 'One aim; its version is the ETag', security: bearerSecurity,
        request: { params: AimParams },
        responses: { 200: json('The aim', AimSchema), ...common },
      }),
      async (c) => {
        const { unitId, aimId } = c.req.valid('param');
        await unitFor(c.get('principal'), unitId);
        const aim = await aimOf(unitId, aimId);
        c.header('ETag', `"${aim.version}"`);
        return c.json(aim, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/api/units/{unitId}/aims/{aimId}', tags: ['PDSA'], summary: 'Change an aim; needs If-Match', security: bearerSecurity,
        request: { params: AimParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: AimChangesSchema } } } },
        responses: {
          200: json('Changed', AimSchema), ...common,
          403: problemResponse('Not a supervisor or coach of the unit'),
          412: problemResponse('Someone else changed the aim first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const { unitId, aimId } = c.req.valid('param');
        await unitFor(c.get('principal'), unitId, 'pdsa:edit');
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const before = await aimOf(unitId, aimId);
        if (before.version !== expected) throw new ProblemError(412, `The aim is at version ${before.version}, not ${expected}: someone else changed it. Reload it and apply your change again.`);
        const after = AimSchema.parse({ ...before, ...c.req.valid('json'), version: before.version + 1 });
        await deps.cycles.write([deps.cycles.aimWrite(before, after, 'update')], personActor(c.get('person')));
        c.header('ETag', `"${after.version}"`);
        return c.json(after, 200);
      },
    );
}
