import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { ChangeIdeaChangesSchema, ChangeIdeaSchema, NewChangeIdeaSchema } from '../../domain/change-idea.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { personActor } from './aims.js';
import { IfMatchHeader, UnitIdParam, fieldProblem, idParam, pdsaUnit } from './unit-access.js';

const Params = z.object({ unitId: UnitIdParam });
const IdeaParams = z.object({ unitId: UnitIdParam, ideaId: idParam('ideaId') });
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
const common = {
  400: problemResponse('Invalid request'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or change idea, or not one the person may see'),
};

export function changeIdeaRoutes(deps: ApiDeps) {
  const unitFor = pdsaUnit(deps);
  async function checkAim(unitId: string, aimId: string | null | undefined) {
    if (aimId && !(await deps.cycles.getAim(unitId, aimId))) throw fieldProblem('body.aimId', `unit ${unitId} has no aim ${aimId}`);
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/change-ideas', tags: ['PDSA'], summary: "A unit's change ideas", security: bearerSecurity,
        request: { params: Params },
        responses: { 200: json('The change ideas', z.object({ items: z.array(ChangeIdeaSchema) })), ...common },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId);
        const items = await deps.cycles.listChangeIdeas(unit.id);
        return c.json({ items: items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/change-ideas', tags: ['PDSA'], summary: 'Add a change idea (supervisors and coaches of the unit)', security: bearerSecurity,
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: NewChangeIdeaSchema } } } },
        responses: { 201: json('Created', ChangeIdeaSchema), ...common, 403: problemResponse('Not a supervisor or coach of the unit') },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId, 'pdsa:edit');
        const body = c.req.valid('json');
        await checkAim(unit.id, body.aimId);
        const idea = ChangeIdeaSchema.parse({ ...body, id: randomUUID(), unitId: unit.id, createdAt: new Date().toISOString(), version: 1 });
        await deps.cycles.write([deps.cycles.ideaWrite(null, idea, 'create')], personActor(c.get('person')));
        c.header('ETag', `"${idea.version}"`);
        return c.json(idea, 201);
      },
    )
    .openapi(
      createRoute({
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
        await unitFor(c.get('principal'), unitId, 'pdsa:edit');
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const before = await deps.cycles.getChangeIdea(unitId, ideaId);
        if (!before) throw new ProblemError(404, `Unit ${unitId} has no change idea ${ideaId}.`);
        if (before.version !== expected) throw new ProblemError(412, `The change idea is at version ${before.version}, not ${expected}: someone else changed it.`);
        const changes = c.req.valid('json');
        await checkAim(unitId, changes.aimId);
        const after = ChangeIdeaSchema.parse({ ...before, ...changes, version: before.version + 1 });
        await deps.cycles.write([deps.cycles.ideaWrite(before, after, 'update')], personActor(c.get('person')));
        c.header('ETag', `"${after.version}"`);
        return c.json(after, 200);
      },
    );
}
