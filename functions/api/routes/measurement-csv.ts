import { createRoute, z } from '@hono/zod-openapi';
import { CSV_HEADERS, parseMeasurementCsv, serialiseMeasurementCsv } from '../../domain/csv.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import type { Locale } from '../../domain/localized-text.js';
import { MeasureKeySchema } from '../../domain/measure.js';
import type { FieldError, Measurement } from '../../domain/measurement.js';
import { PeriodSchema, comparePeriods, periodFrequency } from '../../domain/period.js';
import type { UnitMeasure } from '../../domain/unit-measure.js';
import { ImportTooLargeError, MAX_IMPORT_CHANGES, type MeasurementWrite } from '../../store/measurement-repository.js';
import type { ApiDeps } from '../deps.js';
import { personActor } from './aims.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { measurementUnit, planFigure, userLocale } from './measurement-access.js';
import { UnitIdParam } from './unit-access.js';

const Params = z.object({ unitId: UnitIdParam });
const MAX_CSV_BYTES = 1_000_000;

const ImportRowSchema = z.object({
  line: z.number().int(),
  measureKey: z.string(),
  period: z.string(),
  status: z.enum(['create', 'update', 'unchanged', 'invalid']),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    /** True when the whole file can be (or was) written. */
    valid: z.boolean(),
    written: z.boolean(),
    counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
    rows: z.array(ImportRowSchema),
  })
  .meta({ id: 'ImportReport' });
type ImportRow = z.infer<typeof ImportRowSchema>;

const COLUMN_OF_FIELD: Record<FieldError['field'] | 'measureKey', keyof (typeof CSV_HEADERS)['fi']> = {
  measureKey: 'measure',
  period: 'period',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  note: 'note',
};

const csvBody = {
  required: true,
  description: 'The file: UTF-8 with or without BOM, `;` or `,` separated, decimal comma or point; headers mittari;jakso;arvo;osoittaja;nimittäjä;huomio (or Swedish/English).',
  content: { 'text/csv': { schema: z.string() } },
};

/** CSV import (preview, then all or nothing) and export in the same format. */
export function measurementCsvRoutes(deps: ApiDeps) {
  const unitFor = measurementUnit(deps);

  async function planImport(unitId: string, text: string, locale: Locale, actor: ReturnType<typeof personActor>, now: Date) {
    const parsed = parseMeasurementCsv(text);
    if (!parsed.ok) throw new ProblemError(400, parsed.message[locale], { errors: [{ field: 'body', message: parsed.message[locale] }] });
    const measures = new Map((await deps.measurements.listUnitMeasures(unitId)).map((m) => [m.key, m]));
    const series = new Map<string, Map<string, Measurement>>();
    for (const key of new Set(parsed.rows.map((r) => r.measureKey))) {
      if (measures.has(key)) series.set(key, new Map((await deps.measurements.listSeries(unitId, key)).map((m) => [m.period, m])));
    }
    const headers = CSV_HEADERS[locale];
    const message = (error: { field: FieldError['field'] | 'measureKey'; text: string }) => ({ field: headers[COLUMN_OF_FIELD[error.field]], message: error.text });
    const seen = new Map<string, number>();
    const writes: MeasurementWrite[] = [];
    const touched = new Map<string, UnitMeasure>();
    const rows: ImportRow[] = parsed.rows.map((row) => {
      const base = { line: row.line, measureKey: row.measureKey, period: row.period };
      const invalid = (errors: { field: string; message: string }[]): ImportRow => ({ ...base, status: 'invalid', errors });
      const measure = measures.get(row.measureKey);
      if (!measure) {
        const text = {
          fi: `Yksikkö ei seuraa mittaria ”${row.measureKey}”; sallitut: ${[...measures.keys()].join(', ')}.`,
          sv: `Enheten följer inte mätaren ”${row.measureKey}”; tillåtna: ${[...measures.keys()].join(', ')}.`,
          en: `The unit does not track “${row.measureKey}”; allowed: ${[...measures.keys()].join(', ')}.`,
        };
        return invalid([message({ field: 'measureKey', text: text[locale] }), ...row.errors.map((e) => message({ field: e.field, text: e.message[locale] }))]);
      }
      if (row.errors.length > 0) return invalid(row.errors.map((e) => message({ field: e.field, text: e.message[locale] })));
      const id = `${row.measureKey}/${row.period}`;
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        const text = {
          fi: `Sama mittari ja jakso on jo rivillä ${earlier}.`,
          sv: `Samma mätare och period finns redan på rad ${earlier}.`,
          en: `The same measure and period are on line ${earlier} already.`,
        };
        return invalid([message({ field: 'period', text: text[locale] })]);
      }
      seen.set(id, row.line);
      const existing = series.get(row.measureKey)?.get(row.period);
      const plan = planFigure(measure, row.period, row.input, existing, actor, now);
      if (plan.status === 'invalid') return invalid(plan.errors.map((e) => message({ field: e.field, text: e.message[locale] })));
      if (plan.status !== 'unchanged') {
        writes.push({ existing, next: plan.measurement });
        touched.set(measure.key, measure);
      }
      return { ...base, status: plan.status === 'created' ? 'create' : plan.status === 'updated' ? 'update' : 'unchanged', errors: [] };
    });
    const count = (status: ImportRow['status']) => rows.filter((r) => r.status === status).length;
    const counts = { create: count('create'), update: count('update'), unchanged: count('unchanged'), invalid: count('invalid') };
    return { rows, counts, writes, touched: [...touched.values()] };
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/import', tags: ['Measurements'], security: bearerSecurity,
        summary: "Import figures from a CSV file: dryRun=true previews every row's result; otherwise all rows are written or none",
        request: { params: Params, query: z.object({ dryRun: z.enum(['true', 'false']).optional() }), body: csvBody },
        responses: {
          200: { description: 'The report: every row with its result', content: { 'application/json': { schema: ImportReportSchema } } },
          400: problemResponse('Bad rows (each listed with its line and reason), a bad header, or a file too large; nothing written'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a supervisor or coach of the unit'),
          404: problemResponse('No such unit, or not one the person may see'),
          409: problemResponse('A figure changed meanwhile; nothing written'),
        },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId, 'measurement:write');
        const dryRun = c.req.valid('query').dryRun === 'true';
        const locale = userLocale(c);
        const text = await c.req.text();
        if (Buffer.byteLength(text) > MAX_CSV_BYTES) {
          throw new ProblemError(400, `The file is larger than ${MAX_CSV_BYTES / 1_000_000} MB; split it, e.g. by year.`, { errors: [{ field: 'body', message: 'at most 1 MB' }] });
        }
        const actor = personActor(c.get('person'));
        const now = new Date();
        const plan = await planImport(unit.id, text, locale, actor, now);
        const valid = plan.counts.invalid === 0;
        if (dryRun) return c.json({ dryRun, valid, written: false, counts: plan.counts, rows: plan.rows }, 200);
        if (!valid) {
          const errors = plan.rows.flatMap((row) => row.errors.map((e) => ({ field: `line ${row.line}: ${e.field}`, message: e.message })));
          const bad = plan.rows.filter((r) => r.status === 'invalid').map((r) => r.line);
          throw new ProblemError(400, `Nothing was imported: line(s) ${bad.join(', ')} are not valid.`, { type: 'urn:sykli:problem:import', errors });
        }
        if (plan.writes.length > MAX_IMPORT_CHANGES) {
          throw new ProblemError(400, `Nothing was imported: one import can change at most ${MAX_IMPORT_CHANGES} figures and this file changes ${plan.writes.length}. Split the file, e.g. by year or by measure.`, {
            type: 'urn:sykli:problem:import',
            errors: [{ field: 'body', message: `at most ${MAX_IMPORT_CHANGES} new or changed figures per file` }],
          });
        }
        try {
          await deps.measurements.importMeasurements(unit.id, plan.writes, actor, now.toISOString());
        } catch (error) {
          if (error instanceof ImportTooLargeError) throw new ProblemError(400, error.message);
          throw error;
        }
        for (const measure of plan.touched) await deps.seriesRefresh.refreshSnapshot(measure, now);
        if (plan.touched.length > 0) await deps.seriesRefresh.refreshUnitStatus(unit, now);
        return c.json({ dryRun, valid, written: plan.writes.length > 0, counts: plan.counts, rows: plan.rows }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/export.csv', tags: ['Measurements'], security: bearerSecurity,
        summary: "The unit's figures as CSV in the import format (Finnish Excel: BOM, `;`, decimal comma)",
        request: {
          params: Params,
          query: z.object({ measure: MeasureKeySchema.optional(), from: PeriodSchema.optional(), to: PeriodSchema.optional() }),
        },
        responses: {
          200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } },
          400: problemResponse('Invalid parameters'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such unit or measure, or not one the person may see'),
        },
      }),
      async (c) => {
        const unit = await unitFor(c.get('principal'), c.req.valid('param').unitId);
        const { measure: only, from, to } = c.req.valid('query');
        const measures = (await deps.measurements.listUnitMeasures(unit.id)).filter((m) => !only || m.key === only);
        if (only && measures.length === 0) throw new ProblemError(404, `Unit ${unit.id} does not track a measure ${only}.`);
        const inRange = (period: string) =>
          (!from || periodFrequency(from) !== periodFrequency(period) || comparePeriods(period, from) >= 0) &&
          (!to || periodFrequency(to) !== periodFrequency(period) || comparePeriods(period, to) <= 0);
        const figures = (await Promise.all(measures.map((m) => deps.measurements.listSeries(unit.id, m.key)))).flat().filter((m) => inRange(m.period));
        const filename = `sykli-${unit.id}-${helsinkiDate(new Date())}.csv`;
        return c.body(serialiseMeasurementCsv(figures), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${filename}"`,
        });
      },
    );
}
