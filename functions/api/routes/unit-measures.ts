import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { UnitMeasureListSchema } from '../../app/measurements/unit-measures.js';
import { ChartPhaseChangesSchema, ChartPhaseRemovalSchema, ChartPhaseSchema, NewChartPhaseSchema } from '../../domain/chart-phase.js';
import { ExcludePointSchema, FrozenBaselineSchema } from '../../domain/chart-settings.js';
import { PeriodSchema } from '../../domain/period.js';
import { MeasureKeySchema } from '../../domain/measure.js';
import { NewDefinitionVersionSchema, NewUnitMeasureSchema, UnitMeasureChangesSchema, UnitMeasureSchema } from '../../domain/unit-measure.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, UnitIdParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const Params = z.object({ unitId: UnitIdParam });
const MeasureParams = z.object({ unitId: UnitIdParam, key: MeasureKeySchema.meta({ param: { name: 'key', in: 'path' }, example: 't3' }) });
const PhaseParams = MeasureParams.extend({ startPeriod: PeriodSchema.meta({ param: { name: 'startPeriod', in: 'path' }, example: '2026-W31' }) });
const PointParams = MeasureParams.extend({ period: PeriodSchema.meta({ param: { name: 'period', in: 'path' }, example: '2026-W12' }) });
const common = {
  400: problemResponse('Invalid request; the errors name each field'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or measure, or not one the person may see'),
};
const manageErrors = {
  403: problemResponse('Not a supervisor or coach of the unit (or an admin)'),
  409: problemResponse('Conflicts with what is stored; the detail says why'),
  412: problemResponse('Someone else changed the measure first'),
  428: problemResponse('If-Match is missing'),
};

/** A unit's tracked measures: which, how often, the target, the definition versions; and its chart phases. */
export function unitMeasureRoutes(deps: ApiDeps) {
  const { measures } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/measures', tags: ['Measurements'], security: bearerSecurity,
        summary: 'The measures a unit tracks, and what the signed-in person may do with them',
        request: { params: Params },
        responses: { 200: json('Tracked measures', UnitMeasureListSchema), ...common },
      }),
      async (c) => c.json(await measures.list(c.get('caller'), c.req.valid('param').unitId), 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/measures', tags: ['Measurements'], security: bearerSecurity,
        summary: "Track a catalogue measure, or add the unit's own measure with its own definition",
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: NewUnitMeasureSchema } } } },
        responses: { 201: json('Tracked', UnitMeasureSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const measure = await measures.track(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'));
        c.header('ETag', `"${measure.version}"`);
        return c.json(measure, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/units/{unitId}/measures/{key}', tags: ['Measurements'], security: bearerSecurity,
        summary: "Change a unit measure's target or frequency, or stop tracking it (its history stays) or track it again; needs If-Match",
        request: { params: MeasureParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: UnitMeasureChangesSchema } } } },
        responses: { 200: json('Changed', UnitMeasureSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const measure = await measures.change(c.get('caller'), unitId, key, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${measure.version}"`);
        return c.json(measure, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/measures/{key}/versions', tags: ['Measurements'], security: bearerSecurity,
        summary: "A new definition version of the unit's own measure from a period on (the history is kept); a catalogue measure moves with catalogue-version",
        request: { params: MeasureParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: NewDefinitionVersionSchema } } } },
        responses: { 201: json('The measure with its new version', UnitMeasureSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const measure = await measures.newDefinitionVersion(c.get('caller'), unitId, key, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${measure.version}"`);
        return c.json(measure, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/measures/{key}/phases', tags: ['Measurements'], security: bearerSecurity,
        summary: "A chart's phases, oldest first",
        request: { params: MeasureParams },
        responses: { 200: json('Phases', z.object({ items: z.array(ChartPhaseSchema) })), ...common },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        return c.json({ items: await measures.phases(c.get('caller'), unitId, key) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/measures/{key}/phases', tags: ['Measurements'], security: bearerSecurity,
        summary: 'Start a new chart phase at a period, with the reason (normally an adopted change)',
        request: { params: MeasureParams, body: { required: true, content: { 'application/json': { schema: NewChartPhaseSchema } } } },
        responses: { 201: json('Created', ChartPhaseSchema), ...common, 403: manageErrors[403], 409: problemResponse('A phase starts at that period already') },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        return c.json(await measures.addPhase(c.get('caller'), unitId, key, c.req.valid('json')), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/units/{unitId}/measures/{key}/phases/{startPeriod}', tags: ['Measurements'], security: bearerSecurity,
        summary: "Change a chart phase's start, reason or cycle, saying why; refused when a phase would be left with too few figures",
        request: { params: PhaseParams, body: { required: true, content: { 'application/json': { schema: ChartPhaseChangesSchema } } } },
        responses: {
          200: json('Changed', ChartPhaseSchema), ...common, 403: manageErrors[403],
          409: problemResponse('A phase starts at that period already, or a phase would be left with too few figures'),
          412: problemResponse('Someone else changed the phase first'),
        },
      }),
      async (c) => {
        const { unitId, key, startPeriod } = c.req.valid('param');
        return c.json(await measures.changePhase(c.get('caller'), unitId, key, startPeriod, c.req.valid('json')), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'delete', path: '/api/units/{unitId}/measures/{key}/phases/{startPeriod}', tags: ['Measurements'], security: bearerSecurity,
        summary: 'Remove a chart phase, saying why (kept in the audit trail); the chart joins it to the phase before',
        request: { params: PhaseParams, query: ChartPhaseRemovalSchema },
        responses: { 204: { description: 'Removed' }, ...common, 403: manageErrors[403], 412: problemResponse('Someone else changed the phase first') },
      }),
      async (c) => {
        const { unitId, key, startPeriod } = c.req.valid('param');
        await measures.removePhase(c.get('caller'), unitId, key, startPeriod, c.req.valid('query').why);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'put', path: '/api/units/{unitId}/measures/{key}/baseline', tags: ['Measurements'], security: bearerSecurity,
        summary: "Freeze the chart's baseline through a period (limits from its phase's start to it, carried on), or unfreeze it with null",
        request: { params: MeasureParams, body: { required: true, content: { 'application/json': { schema: FrozenBaselineSchema } } } },
        responses: {
          200: json('The measure with its chart settings', UnitMeasureSchema), ...common, 403: manageErrors[403],
          409: problemResponse('The baseline would have too few figures'), 412: problemResponse('Someone else changed the measure first'),
        },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const measure = await measures.freezeBaseline(c.get('caller'), unitId, key, c.req.valid('json'));
        c.header('ETag', `"${measure.version}"`);
        return c.json(measure, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put', path: '/api/units/{unitId}/measures/{key}/excluded/{period}', tags: ['Measurements'], security: bearerSecurity,
        summary: "Leave a figure out of the chart's centre line, limits and runs, with the reason shown beside it",
        request: { params: PointParams, body: { required: true, content: { 'application/json': { schema: ExcludePointSchema } } } },
        responses: {
          200: json('The measure with its chart settings', UnitMeasureSchema), ...common, 403: manageErrors[403],
          409: problemResponse('The chart leaves out as many figures as it may'), 412: problemResponse('Someone else changed the measure first'),
        },
      }),
      async (c) => {
        const { unitId, key, period } = c.req.valid('param');
        const measure = await measures.excludePoint(c.get('caller'), unitId, key, period, c.req.valid('json'));
        c.header('ETag', `"${measure.version}"`);
        return c.json(measure, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'delete', path: '/api/units/{unitId}/measures/{key}/excluded/{period}', tags: ['Measurements'], security: bearerSecurity,
        summary: 'Count a left-out figure in the chart again',
        request: { params: PointParams },
        responses: { 200: json('The measure with its chart settings', UnitMeasureSchema), ...common, 403: manageErrors[403], 412: problemResponse('Someone else changed the measure first') },
      }),
      async (c) => {
        const { unitId, key, period } = c.req.valid('param');
        const measure = await measures.includePoint(c.get('caller'), unitId, key, period);
        c.header('ETag', `"${measure.version}"`);
        return c.json(measure, 200);
      },
    );
}
