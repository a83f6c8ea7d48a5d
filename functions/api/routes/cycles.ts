import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../domain/access-policy.js';
import {
  CYCLE_PHASES,
  CycleChangesSchema,
  CyclePhaseSchema,
  CycleSchema,
  NewCycleSchema,
  emptyDo,
  emptyPlan,
  emptyStudy,
  type Cycle,
} from '../../domain/cycle.js';
import { allowedTransitions, checkEdit, editableSections, requestTransition } from '../../domain/cycle-lifecycle.js';
import { cycleExecutionName } from '../../tasks/resume-cycles.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { personActor } from './aims.js';
import { IfMatchHeader, UnitIdParam, fieldProblem, idParam, pdsaUnit } from './unit-access.js';

const Params = z.object({ unitId: UnitIdParam });
const CycleParams = z.object({ unitId: UnitIdParam, cycleId: idParam('cycleId') });
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
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

const CycleListSchema = z
  .object({
    items: z.array(CycleSchema),
    /** How many of the unit's cycles are in each phase, for the board's columns. */
    phaseCounts: z.record(CyclePhaseSchema, z.number().int()),
  })
  .openapi('CycleList');

const TransitionSchema = z
  .strictObject({
    to: CyclePhaseSchema,
    /** Why, when abandoning a planned cycle. */
    reason: z.string().max(4000).optional(),
  })
  .openapi('CycleTransition');

/** A cycle as read back, with the transitions a person may ask for next. */
const CycleViewSchema = CycleSchema.extend({
  allowedTransitions: z.array(CyclePhaseSchema),
  /** The worksheet sections open in this phase, for whoever may edit the cycle. */
  editableSections: z.array(CycleChangesSchema.keyof()),
}).meta({ id: 'CycleView' });
const view = (cycle: Cycle) => ({ ...cycle, allowedTransitions: allowedTransitions(cycle.phase), editableSections: editableSections(cycle.phase) });

export function cycleRoutes(deps: ApiDeps) {
  const unitFor = pdsaUnit(deps);

  async function cycleOf(principal: Principal, unitId: string, cycleId: string, need?: 'pdsa:edit') {
    await unitFor(principal, unitId, need);
    const cycle = await deps.cycles.getCycle(unitId, cycleId);
    if (!cycle) throw new ProblemError(404, `Unit ${unitId} has no cycle ${cycleId}.`);
    return cycle;
  }

  function checkVersion(cycle: Cycle, expected: number) {
    if (cycle.version !== expected) {
      throw new ProblemError(412, `The cycle is at version ${cycle.version}, not ${expected}: someone else changed it. Reload it and apply your change again.`);
    }
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/cycles', tags: ['PDSA'], security: bearerSecurity,
        summary: "The unit's cycles for its board, optionally of one phase",
        request: { params: Params, query: z.object({ phase: CyclePhaseSchema.optional() }) },
        responses: { 200: json('The cycles, newest first, and the count per phase', CycleListSchema), ...common },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId);
        const { phase } = c.req.valid('query');
        const all = await deps.cycles.listCycles(unit.id);
        const phaseCounts = Object.fromEntries(CYCLE_PHASES.map((p) => [p, all.filter((cy) => cy.phase === p).length])) as Record<Cycle['phase'], number>;
        const items = all.filter((cy) => !phase || cy.phase === phase).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        return c.json({ items, phaseCounts }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/cycles', tags: ['PDSA'], security: bearerSecurity,
        summary: 'Start planning a cycle (supervisors and coaches of the unit)',
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: NewCycleSchema } } } },
        responses: { 201: json('Created in planning', CycleViewSchema), ...common, 403: editErrors[403] },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId, 'pdsa:edit');
        const body = c.req.valid('json');
        if (body.changeIdeaId && !(await deps.cycles.getChangeIdea(unit.id, body.changeIdeaId))) {
          throw fieldProblem('body.changeIdeaId', `unit ${unit.id} has no change idea ${body.changeIdeaId}`);
        }
        if (body.aimId && !(await deps.cycles.getAim(unit.id, body.aimId))) throw fieldProblem('body.aimId', `unit ${unit.id} has no aim ${body.aimId}`);
        const now = new Date().toISOString();
        const cycle = CycleSchema.parse({
          ...body,
          id: randomUUID(),
          unitId: unit.id,
          plan: { ...emptyPlan(), ...body.plan },
          do: emptyDo(),
          study: emptyStudy(),
          act: null,
          previousCycleId: null,
          nextCycleId: null,
          phase: 'planning',
          flags: [],
          workflow: { attempt: 0, notified: [] },
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        await deps.cycles.write([deps.cycles.cycleWrite(null, cycle, 'create')], personActor(c.get('person')));
        c.header('ETag', `"${cycle.version}"`);
        return c.json(view(cycle), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/cycles/{cycleId}', tags: ['PDSA'], security: bearerSecurity,
        summary: 'One cycle, the worksheet through its phases; its version is the ETag',
        request: { params: CycleParams },
        responses: { 200: json('The cycle', CycleViewSchema), ...common },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        const cycle = await cycleOf(c.get('principal'), unitId, cycleId);
        c.header('ETag', `"${cycle.version}"`);
        return c.json(view(cycle), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/api/units/{unitId}/cycles/{cycleId}', tags: ['PDSA'], security: bearerSecurity,
        summary: 'Edit the worksheet sections open in the current phase; needs If-Match',
        request: { params: CycleParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: CycleChangesSchema } } } },
        responses: { 200: json('Changed', CycleViewSchema), ...common, ...editErrors },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        const before = await cycleOf(c.get('principal'), unitId, cycleId, 'pdsa:edit');
        checkVersion(before, parseIfMatch(c.req.valid('header')['if-match']));
        const changes = c.req.valid('json');
        const refusal = checkEdit(before, changes);
        if (refusal) throw new ProblemError(409, refusal);
        const after = CycleSchema.parse({ ...before, ...changes, updatedAt: new Date().toISOString(), version: before.version + 1 });
        await deps.cycles.write([deps.cycles.cycleWrite(before, after, 'update')], personActor(c.get('person')));
        c.header('ETag', `"${after.version}"`);
        return c.json(view(after), 200);
      },
    )
    .openapi(
      createRoute({
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
        const before = await cycleOf(c.get('principal'), unitId, cycleId, 'pdsa:edit');
        checkVersion(before, parseIfMatch(c.req.valid('header')['if-match']));
        const verdict = requestTransition(before, c.req.valid('json'));
        if (!verdict.ok) throw new ProblemError(409, verdict.reason);
        const after = CycleSchema.parse({ ...before, ...verdict.value, updatedAt: new Date().toISOString(), version: before.version + 1 });
        await deps.cycles.write([deps.cycles.cycleWrite(before, after, `to:${after.phase}`)], personActor(c.get('person')));
        if (after.phase === 'doing') await deps.workflows.start('pdsaCycle', cycleExecutionName(after), { unitId, cycleId });
        c.header('ETag', `"${after.version}"`);
        return c.json(view(after), 200);
      },
    );
}
