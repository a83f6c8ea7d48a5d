import { createRoute, z } from '@hono/zod-openapi';
import { ChartPhaseSchema, NewChartPhaseSchema } from '../../domain/chart-phase.js';
import { MeasureKeySchema } from '../../domain/measure.js';
import { isFuturePeriod, periodFrequency } from '../../domain/period.js';
import { duePeriod } from '../../domain/round-schedule.js';
import {
  NewDefinitionVersionSchema,
  NewUnitMeasureSchema,
  UnitMeasureChangesSchema,
  UnitMeasureSchema,
  currentVersion,
  fieldsOf,
  withNewVersion,
  type UnitMeasure,
} from '../../domain/unit-measure.js';
import type { ApiDeps } from '../deps.js';
import { personActor } from './aims.js';
import { parseIfMatch } from '../if-match.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { measurementUnit, trackedMeasure } from './measurement-access.js';
import { IfMatchHeader, UnitIdParam, fieldProblem } from './unit-access.js';

const Params = z.object({ unitId: UnitIdParam });
const MeasureParams = z.object({ unitId: UnitIdParam, key: MeasureKeySchema.meta({ param: { name: 'key', in: 'path' }, example: 't3' }) });
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
const common = {
  400: problemResponse('Invalid request; the errors name each field'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or measure, or not one the person may see'),
};
const manageErrors = {
  403: problemResponse("Not a supervisor or coach of the unit (or an admin)"),
  409: problemResponse('Conflicts with what is stored; the detail says why'),
  412: problemResponse('Someone else changed the measure first'),
  428: problemResponse('If-Match is missing'),
};

/** A unit's tracked measures: which, how often, the target, the definition versions; and its chart phases. */
export function unitMeasureRoutes(deps: ApiDeps) {
  const unitFor = measurementUnit(deps);

  async function refreshAfterChange(measure: UnitMeasure, unitId: string) {
    const unit = await deps.units.get(unitId);
    const now = new Date();
    await deps.seriesRefresh.refreshSnapshot(measure, now);
    if (unit) await deps.seriesRefresh.refreshUnitStatus(unit, now);
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/measures', tags: ['Measurements'], summary: 'The measures a unit tracks', security: bearerSecurity,
        request: { params: Params },
        responses: { 200: json('Tracked measures', z.object({ items: z.array(UnitMeasureSchema) })), ...common },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId);
        const items = await deps.measurements.listUnitMeasures(unit.id);
        return c.json({ items }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/measures', tags: ['Measurements'], security: bearerSecurity,
        summary: "Track a catalogue measure, or add the unit's own measure with its own definition",
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: NewUnitMeasureSchema } } } },
        responses: { 201: json('Tracked', UnitMeasureSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId, 'measure:manage');
        const body = c.req.valid('json');
        const catalogue = await deps.catalogue.listCurrent();
        const inCatalogue = catalogue.find((m) => m.key === body.key);
        const now = new Date().toISOString();
        let measure: UnitMeasure;
        if (body.source === 'catalogue') {
          if (!inCatalogue) throw fieldProblem('body.key', `the catalogue has no measure ${body.key}; choose one of ${catalogue.map((m) => m.key).sort().join(', ')}`);
          const frequency = body.frequency ?? inCatalogue.frequency;
          const validFrom = body.validFrom ?? duePeriod(frequency, new Date());
          if (periodFrequency(validFrom) !== frequency) throw fieldProblem('body.validFrom', `a ${frequency === 'weekly' ? 'week such as 2026-W47' : 'month such as 2026-11'}`);
          measure = {
            unitId: unit.id, key: body.key, source: 'catalogue', frequency, target: body.target,
            versions: [{ definitionVersion: 1, validFrom, catalogueVersion: inCatalogue.definitionVersion, fields: fieldsOf(inCatalogue), reason: '' }],
            createdAt: now, updatedAt: now, version: 1,
          };
        } else {
          if (inCatalogue) throw fieldProblem('body.key', `${body.key} is a catalogue measure; give your own measure another key`);
          const validFrom = body.validFrom ?? duePeriod(body.frequency, new Date());
          if (periodFrequency(validFrom) !== body.frequency) throw fieldProblem('body.validFrom', `a period of the measure's frequency (${body.frequency})`);
          measure = {
            unitId: unit.id, key: body.key, source: 'custom', frequency: body.frequency, target: body.target,
            versions: [{ definitionVersion: 1, validFrom, catalogueVersion: null, fields: body.fields, reason: '' }],
            createdAt: now, updatedAt: now, version: 1,
          };
        }
        await deps.measurements.writeUnitMeasure(null, measure, 'create', personActor(c.get('person')));
        c.header('ETag', `"${measure.version}"`);
        return c.json(measure, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/api/units/{unitId}/measures/{key}', tags: ['Measurements'], security: bearerSecurity,
        summary: "Change a tracked measure's target or frequency; needs If-Match",
        request: { params: MeasureParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: UnitMeasureChangesSchema } } } },
        responses: { 200: json('Changed', UnitMeasureSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const unit = await unitFor(c.get('principal'), unitId, 'measure:manage');
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const before = await trackedMeasure(deps, unit.id, key);
        const changes = c.req.valid('json');
        let after: UnitMeasure = { ...before };
        if (changes.target !== undefined) after.target = changes.target;
        if (changes.frequency && changes.frequency !== before.frequency) {
          const figures = await deps.measurements.listSeries(unit.id, key);
          if (figures.length > 0) {
            throw new ProblemError(409, 'The series has figures already, and weeks and months do not mix in one chart: add the measure again under another key, or keep the frequency.');
          }
          const validFrom = duePeriod(changes.frequency, new Date());
          after = { ...after, frequency: changes.frequency, versions: after.versions.map((v) => ({ ...v, validFrom })) };
        }
        if (before.version !== expected) throw new ProblemError(412, `Measure ${key} is at version ${before.version}, not ${expected}: someone else changed it.`);
        after = { ...after, updatedAt: new Date().toISOString(), version: before.version + 1 };
        await deps.measurements.writeUnitMeasure(before, after, 'update', personActor(c.get('person')));
        await refreshAfterChange(after, unit.id);
        c.header('ETag', `"${after.version}"`);
        return c.json(after, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/measures/{key}/versions', tags: ['Measurements'], security: bearerSecurity,
        summary: "A new definition version from a period on (the history is kept); a catalogue measure follows the catalogue's latest",
        request: { params: MeasureParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: NewDefinitionVersionSchema } } } },
        responses: { 201: json('The measure with its new version', UnitMeasureSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const unit = await unitFor(c.get('principal'), unitId, 'measure:manage');
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const before = await trackedMeasure(deps, unit.id, key);
        const body = c.req.valid('json');
        if (periodFrequency(body.validFrom) !== before.frequency) throw fieldProblem('body.validFrom', `a period of the measure's frequency (${before.frequency})`);
        let next: { fields: UnitMeasure['versions'][number]['fields']; catalogueVersion: number | null };
        if (before.source === 'custom') {
          if (!body.fields) throw fieldProblem('body.fields', "your own measure's new definition: name, definition, value kind, …");
          next = { fields: body.fields, catalogueVersion: null };
        } else {
          if (body.fields) throw fieldProblem('body.fields', 'a catalogue measure follows the catalogue; leave fields out');
          const latest = (await deps.catalogue.listCurrent()).find((m) => m.key === key);
          const current = currentVersion(before).catalogueVersion ?? 0;
          if (!latest || latest.definitionVersion <= current) {
            throw new ProblemError(409, `The catalogue has no newer definition of ${key} than version ${current}.`);
          }
          next = { fields: fieldsOf(latest), catalogueVersion: latest.definitionVersion };
        }
        const changed = withNewVersion(before, { validFrom: body.validFrom, reason: body.reason, ...next });
        if ('error' in changed) throw fieldProblem('body.validFrom', changed.error);
        if (before.version !== expected) throw new ProblemError(412, `Measure ${key} is at version ${before.version}, not ${expected}: someone else changed it.`);
        const after: UnitMeasure = { ...changed, updatedAt: new Date().toISOString(), version: before.version + 1 };
        await deps.measurements.writeUnitMeasure(before, after, 'newDefinitionVersion', personActor(c.get('person')));
        await refreshAfterChange(after, unit.id);
        c.header('ETag', `"${after.version}"`);
        return c.json(after, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/measures/{key}/phases', tags: ['Measurements'], security: bearerSecurity,
        summary: "A chart's phases, oldest first",
        request: { params: MeasureParams },
        responses: { 200: json('Phases', z.object({ items: z.array(ChartPhaseSchema) })), ...common },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const unit = await unitFor(c.get('principal'), unitId);
        await trackedMeasure(deps, unit.id, key);
        return c.json({ items: await deps.measurements.listPhases(unit.id, key) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/measures/{key}/phases', tags: ['Measurements'], security: bearerSecurity,
        summary: 'Start a new chart phase at a period, with the reason (normally an adopted change)',
        request: { params: MeasureParams, body: { required: true, content: { 'application/json': { schema: NewChartPhaseSchema } } } },
        responses: { 201: json('Created', ChartPhaseSchema), ...common, 403: manageErrors[403], 409: problemResponse('A phase starts at that period already') },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const unit = await unitFor(c.get('principal'), unitId, 'measurement:write');
        const measure = await trackedMeasure(deps, unit.id, key);
        const body = c.req.valid('json');
        if (periodFrequency(body.startPeriod) !== measure.frequency) {
          throw fieldProblem('body.startPeriod', `a ${measure.frequency === 'weekly' ? 'week such as 2026-W47' : 'month such as 2026-11'}, the measure's frequency`);
        }
        if (isFuturePeriod(body.startPeriod, new Date())) throw fieldProblem('body.startPeriod', 'a past or the current period');
        if (body.cycleId && !(await deps.cycles.getCycle(unit.id, body.cycleId))) throw fieldProblem('body.cycleId', `a cycle of unit ${unit.id}`);
        const phase = { unitId: unit.id, measureKey: key, ...body, createdBy: personActor(c.get('person')), createdAt: new Date().toISOString(), version: 1 };
        await deps.measurements.createPhase(phase);
        await refreshAfterChange(measure, unit.id);
        return c.json(phase, 201);
      },
    );
}
