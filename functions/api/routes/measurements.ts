import { createRoute, z } from '@hono/zod-openapi';
import { ChartPhaseSchema } from '../../domain/chart-phase.js';
import { helsinkiInstant } from '../../domain/helsinki-time.js';
import { IdSchema } from '../../domain/ids.js';
import { FrequencySchema, MeasureKeySchema } from '../../domain/measure.js';
import { MeasurementInputSchema, MeasurementSchema, localizeErrors, type Measurement } from '../../domain/measurement.js';
import { PeriodSchema, addPeriods, comparePeriods, periodFrequency, periodOf } from '../../domain/period.js';
import { duePeriod } from '../../domain/round-schedule.js';
import { SeriesAnalysisSchema, SnapshotSchema, analyseSeries } from '../../domain/series-analysis.js';
import { MeasureFieldsSchema, UnitMeasureSchema, versionAt, type UnitMeasure } from '../../domain/unit-measure.js';
import type { Unit } from '../../domain/unit.js';
import type { ApiDeps } from '../deps.js';
import { personActor } from './aims.js';
import { parseIfMatch } from '../if-match.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { figureProblem, measurementUnit, planFigure, trackedMeasure, userLocale } from './measurement-access.js';
import { IfMatchHeader, UnitIdParam } from './unit-access.js';

const Params = z.object({ unitId: UnitIdParam });
const MeasureParams = z.object({ unitId: UnitIdParam, key: MeasureKeySchema.meta({ param: { name: 'key', in: 'path' }, example: 't3' }) });
const PeriodParams = MeasureParams.extend({ period: PeriodSchema.meta({ param: { name: 'period', in: 'path' }, example: '2026-W47' }) });
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
const common = {
  400: problemResponse('Invalid request; the errors name each field and say what is allowed'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or measure, or not one the person may see'),
};

/** How far back a chart reaches unless asked: two years. */
const DEFAULT_SPAN = { weekly: 104, monthly: 24 } as const;

const CycleMarkerSchema = z.object({
  cycleId: IdSchema,
  title: z.string(),
  phase: z.string(),
  doStart: z.string().nullable(),
  doStartPeriod: PeriodSchema.nullable(),
  decision: z.enum(['adopt', 'adapt', 'abandon']).nullable(),
});

const SeriesViewSchema = z
  .object({
    measure: UnitMeasureSchema,
    analysis: SeriesAnalysisSchema,
    snapshots: z.array(SnapshotSchema),
    phases: z.array(ChartPhaseSchema),
    /** PDSA cycles whose predictions name this measure: markers on the time axis. */
    cycleMarkers: z.array(CycleMarkerSchema),
  })
  .meta({ id: 'SeriesView' });

const EntryRowSchema = z.object({
  measureKey: MeasureKeySchema,
  period: PeriodSchema,
  frequency: FrequencySchema,
  fields: MeasureFieldsSchema,
  target: z.number().nullable(),
  current: MeasurementSchema.nullable(),
  /** The last figures before the period, newest first, to show beside the inputs. */
  previous: z.array(MeasurementSchema),
});
const EntryFormSchema = z.object({ rows: z.array(EntryRowSchema) }).meta({ id: 'EntryForm' });

const EntrySubmitSchema = z
  .strictObject({
    rows: z
      .array(
        MeasurementInputSchema.extend({
          measureKey: MeasureKeySchema,
          period: PeriodSchema,
          /** The version the form showed, when the row changes a stored figure. */
          expectedVersion: z.number().int().min(1).optional(),
        }),
      )
      .min(1)
      .max(100),
  })
  .meta({ id: 'EntrySubmit' });

const RowResultSchema = z.object({
  measureKey: z.string(),
  period: z.string(),
  status: z.enum(['created', 'updated', 'unchanged', 'invalid', 'conflict']),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  measurement: MeasurementSchema.nullable(),
});
const EntryResultSchema = z.object({ results: z.array(RowResultSchema) }).meta({ id: 'EntryResult' });

/** A unit's figures: the chart's data, one figure at a time, and this period's form. */
export function measurementRoutes(deps: ApiDeps) {
  const unitFor = measurementUnit(deps);

  async function afterWrite(unit: Unit, measures: UnitMeasure[]) {
    const now = new Date();
    for (const measure of measures) await deps.seriesRefresh.refreshSnapshot(measure, now);
    await deps.seriesRefresh.refreshUnitStatus(unit, now);
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/measures/{key}/series', tags: ['Measurements'], security: bearerSecurity,
        summary: "A chart's data: figures with the SPC analysis, its explained signals, snapshots, phases and PDSA cycle markers",
        request: { params: MeasureParams, query: z.object({ from: PeriodSchema.optional(), to: PeriodSchema.optional() }) },
        responses: { 200: json('The series', SeriesViewSchema), ...common },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const unit = await unitFor(c.get('principal'), unitId);
        const measure = await trackedMeasure(deps, unit.id, key);
        const query = c.req.valid('query');
        for (const [name, period] of Object.entries(query)) {
          if (period && periodFrequency(period) !== measure.frequency) {
            throw new ProblemError(400, `The measure is ${measure.frequency}.`, {
              errors: [{ field: `query.${name}`, message: measure.frequency === 'weekly' ? 'a week such as 2026-W47' : 'a month such as 2026-11' }],
            });
          }
        }
        const to = query.to ?? duePeriod(measure.frequency, new Date());
        const from = query.from ?? addPeriods(to, -(DEFAULT_SPAN[measure.frequency] - 1));
        const [figures, phases, snapshots, cycles] = await Promise.all([
          deps.measurements.listSeries(unit.id, key, { from }),
          deps.measurements.listPhases(unit.id, key),
          deps.measurements.listSnapshots(unit.id, key, { from, to }),
          deps.cycles.listCycles(unit.id),
        ]);
        // The current period shows too once it has a figure (T3 is measured on Monday morning).
        const lastFigure = figures.at(-1)?.period;
        const end = lastFigure && !query.to && comparePeriods(lastFigure, to) > 0 ? lastFigure : to;
        const first = figures[0]?.period;
        const start = query.from ?? (first && comparePeriods(first, from) > 0 ? first : from);
        const analysis = analyseSeries({ measure, measurements: figures, phases, from: figures.length > 0 ? start : undefined, to: figures.length > 0 ? end : undefined });
        const cycleMarkers = cycles
          .filter((cycle) => cycle.questions.some((q) => q.measureKey === key))
          .map((cycle) => ({
            cycleId: cycle.id,
            title: cycle.title,
            phase: cycle.phase,
            doStart: cycle.plan.doStart,
            doStartPeriod: cycle.plan.doStart ? periodOf(measure.frequency, helsinkiInstant(cycle.plan.doStart)) : null,
            decision: cycle.act?.decision ?? null,
          }));
        return c.json({ measure, analysis, snapshots, phases, cycleMarkers }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put', path: '/api/units/{unitId}/measures/{key}/periods/{period}', tags: ['Measurements'], security: bearerSecurity,
        summary: 'Write one figure; the same figure again is a no-op; changing a stored figure needs If-Match',
        request: {
          params: PeriodParams,
          headers: IfMatchHeader,
          body: { required: true, content: { 'application/json': { schema: MeasurementInputSchema } } },
        },
        responses: {
          200: json('Changed, or the same figure again (nothing written)', MeasurementSchema),
          201: json('Created', MeasurementSchema),
          ...common,
          403: problemResponse('Not a supervisor or coach of the unit'),
          412: problemResponse('Someone else changed the figure first'),
          428: problemResponse('If-Match is missing for a change of a stored figure'),
        },
      }),
      async (c) => {
        const { unitId, key, period } = c.req.valid('param');
        const unit = await unitFor(c.get('principal'), unitId, 'measurement:write');
        const measure = await trackedMeasure(deps, unit.id, key);
        const existing = await deps.measurements.getMeasurement(unit.id, key, period);
        const plan = planFigure(measure, period, c.req.valid('json'), existing, personActor(c.get('person')), new Date());
        if (plan.status === 'invalid') throw figureProblem(plan.errors, userLocale(c));
        c.header('ETag', `"${plan.measurement.version}"`);
        if (plan.status === 'unchanged') return c.json(plan.measurement, 200);
        if (existing) {
          const expected = parseIfMatch(c.req.valid('header')['if-match']);
          if (expected !== existing.version) {
            throw new ProblemError(412, `The figure is at version ${existing.version}, not ${expected}: someone else changed it.`);
          }
        }
        await deps.measurements.writeMeasurement({ existing, next: plan.measurement }, personActor(c.get('person')));
        await afterWrite(unit, [measure]);
        return c.json(plan.measurement, existing ? 200 : 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/entry', tags: ['Measurements'], security: bearerSecurity,
        summary: "The period form: the unit's due measures with their last figures; without a period, each measure's due period",
        request: { params: Params, query: z.object({ period: PeriodSchema.optional() }) },
        responses: { 200: json('The form', EntryFormSchema), ...common },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId);
        const { period } = c.req.valid('query');
        const now = new Date();
        const measures = (await deps.measurements.listUnitMeasures(unit.id)).filter((m) => !period || periodFrequency(period) === m.frequency);
        const rows = await Promise.all(
          measures.map(async (measure) => {
            const at = period ?? duePeriod(measure.frequency, now);
            const recent = await deps.measurements.listSeries(unit.id, measure.key, { from: addPeriods(at, -12), to: at });
            const current = recent.find((m) => m.period === at) ?? null;
            return {
              measureKey: measure.key,
              period: at,
              frequency: measure.frequency,
              fields: versionAt(measure, at).fields,
              target: measure.target?.value ?? null,
              current,
              previous: recent.filter((m) => m.period !== at).reverse().slice(0, 3),
            };
          }),
        );
        return c.json({ rows: rows.sort((a, b) => a.measureKey.localeCompare(b.measureKey)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/entry', tags: ['Measurements'], security: bearerSecurity,
        summary: "Submit the period form: every valid row is saved, every invalid one reported with its fields",
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: EntrySubmitSchema } } } },
        responses: { 200: json('One result per row, in order', EntryResultSchema), ...common, 403: problemResponse('Not a supervisor or coach of the unit') },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId, 'measurement:write');
        const locale = userLocale(c);
        const actor = personActor(c.get('person'));
        const now = new Date();
        const measures = new Map((await deps.measurements.listUnitMeasures(unit.id)).map((m) => [m.key, m]));
        const touched = new Map<string, UnitMeasure>();
        const results: z.infer<typeof RowResultSchema>[] = [];
        for (const { measureKey, period, expectedVersion, ...input } of c.req.valid('json').rows) {
          const row = { measureKey, period };
          const measure = measures.get(measureKey);
          if (!measure) {
            const message = { fi: `Yksikkö ei seuraa mittaria ${measureKey}.`, sv: `Enheten följer inte mätaren ${measureKey}.`, en: `The unit does not track ${measureKey}.` };
            results.push({ ...row, status: 'invalid', errors: [{ field: 'measureKey', message: message[locale] }], measurement: null });
            continue;
          }
          const existing = await deps.measurements.getMeasurement(unit.id, measureKey, period);
          const plan = planFigure(measure, period, input, existing, actor, now);
          if (plan.status === 'invalid') {
            results.push({ ...row, status: 'invalid', errors: localizeErrors(plan.errors, locale), measurement: null });
            continue;
          }
          if (plan.status === 'unchanged') {
            results.push({ ...row, status: 'unchanged', errors: [], measurement: plan.measurement });
            continue;
          }
          const stale = existing && expectedVersion !== undefined && expectedVersion !== existing.version;
          try {
            if (stale) throw new Error('stale');
            await deps.measurements.writeMeasurement({ existing, next: plan.measurement }, actor);
          } catch (error) {
            if (!stale && !(error instanceof Error && error.name === 'ConflictError')) throw error;
            const message = {
              fi: 'Joku muu muutti tätä lukua juuri; lataa lomake uudelleen ja tarkista luku.',
              sv: 'Någon annan ändrade just värdet; ladda om formuläret och kontrollera det.',
              en: 'Someone else just changed this figure; reload the form and check it.',
            };
            results.push({ ...row, status: 'conflict', errors: [{ field: 'expectedVersion', message: message[locale] }], measurement: existing ?? null });
            continue;
          }
          touched.set(measure.key, measure);
          results.push({ ...row, status: plan.status, errors: [], measurement: plan.measurement as Measurement });
        }
        if (touched.size > 0) await afterWrite(unit, [...touched.values()]);
        return c.json({ results }, 200);
      },
    );
}
