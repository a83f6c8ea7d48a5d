import * as z from 'zod';
import { CSV_HEADERS, decodeCsvFile, parseMeasurementCsv, type CsvFileProblem } from '../../domain/csv.js';
import { planFigure } from '../../domain/figure-plan.js';
import type { Locale } from '../../domain/localized-text.js';
import type { FieldError, Measurement } from '../../domain/measurement.js';
import { isTracked, type UnitMeasure } from '../../domain/unit-measure.js';
import { MAX_IMPORT_CHANGES, type MeasurementRepository, type MeasurementWrite } from '../../store/measurement-repository.js';
import type { UnitAccess } from '../access.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError as StoreConflict } from '../../store/errors.js';
import { InvalidInputError } from '../errors.js';

export const MAX_CSV_BYTES = 1_000_000;

const ImportRowSchema = z.object({
  line: z.number().int(),
  measureKey: z.string(),
  period: z.string(),
  status: z.enum(['create', 'update', 'unchanged', 'invalid']),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const ImportReportSchema = z
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
type ImportReport = z.infer<typeof ImportReportSchema>;

const COLUMN_OF_FIELD: Record<FieldError['field'] | 'measureKey', keyof (typeof CSV_HEADERS)['fi']> = {
  measureKey: 'measure',
  period: 'period',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  note: 'note',
};

type Deps = {
  unitFor: UnitAccess;
  measurements: Pick<MeasurementRepository, 'listUnitMeasures' | 'listSeries' | 'importMeasurements'>;
  metrics: BusinessMetrics;
};

/** A file that cannot be read at all is refused whole, saying why in the person's language. */
function unreadable(problem: CsvFileProblem, locale: Locale): InvalidInputError {
  const text = problem.message[locale];
  return new InvalidInputError(text, [{ field: 'body', message: text }], { code: problem.code, params: problem.params });
}

/** A CSV import: `dryRun` previews every row's result; otherwise every row is written, or none. */
export function importCsv(deps: Deps) {
  async function plan(unitId: string, text: string, locale: Locale, caller: Caller, now: Date, read: { consistent?: boolean } = {}) {
    const parsed = parseMeasurementCsv(text);
    if (!parsed.ok) throw unreadable(parsed, locale);
    // A measure the unit stopped tracking takes no new figures: its rows are refused as untracked.
    const measures = new Map((await deps.measurements.listUnitMeasures(unitId)).filter(isTracked).map((m) => [m.key, m]));
    const series = new Map<string, Map<string, Measurement>>();
    for (const key of new Set(parsed.rows.map((r) => r.measureKey))) {
      if (measures.has(key)) series.set(key, new Map((await deps.measurements.listSeries(unitId, key, {}, read)).map((m) => [m.period, m])));
    }
    const headers = CSV_HEADERS[locale];
    const message = (error: { field: FieldError['field'] | 'measureKey'; text: string }) => ({ field: headers[COLUMN_OF_FIELD[error.field]], message: error.text });
    const seen = new Map<string, number>();
    const writes: MeasurementWrite[] = [];
    const actor = personActor(caller.person);
    const rows: ImportRow[] = parsed.rows.map((row) => {
      const base = { line: row.line, measureKey: row.measureKey, period: row.period };
      const invalid = (errors: { field: string; message: string }[]): ImportRow => ({ ...base, status: 'invalid', errors });
      const measure = measures.get(row.measureKey);
      if (!measure) {
        const allowed = [...measures.keys()].join(', ');
        const text = {
          fi: `Yksikkö ei seuraa mittaria ”${row.measureKey}”; sallitut: ${allowed}.`,
          sv: `Enheten följer inte mätaren ”${row.measureKey}”; tillåtna: ${allowed}.`,
          en: `The unit does not track “${row.measureKey}”; allowed: ${allowed}.`,
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
      const figure = planFigure(measure, row.period, row.input, existing, actor, now);
      if (figure.status === 'invalid') return invalid(figure.errors.map((e) => message({ field: e.field, text: e.message[locale] })));
      if (figure.status !== 'unchanged') {
        writes.push({ existing, next: figure.measurement });
      }
      return { ...base, status: figure.status === 'created' ? 'create' : figure.status === 'updated' ? 'update' : 'unchanged', errors: [] };
    });
    const count = (status: ImportRow['status']) => rows.filter((r) => r.status === status).length;
    const counts = { create: count('create'), update: count('update'), unchanged: count('unchanged'), invalid: count('invalid') };
    return { rows, counts, writes };
  }

  return async (caller: Caller, unitId: string, file: Uint8Array, options: { dryRun: boolean; locale: Locale }): Promise<ImportReport> => {
    const unit = await deps.unitFor(caller, unitId, 'measurement:write');
    if (file.byteLength > MAX_CSV_BYTES) {
      throw new InvalidInputError(`The file is larger than ${MAX_CSV_BYTES / 1_000_000} MB; split it, e.g. by year.`, [{ field: 'body', message: 'at most 1 MB' }], {
        code: 'csv.tooLarge',
      });
    }
    const decoded = decodeCsvFile(file);
    if (!decoded.ok) throw unreadable(decoded, options.locale);
    const now = new Date();
    const { rows, counts, writes } = await plan(unit.id, decoded.text, options.locale, caller, now);
    const valid = counts.invalid === 0;
    if (options.dryRun) return { dryRun: true, valid, written: false, counts, rows };
    if (!valid) {
      const issues = rows.flatMap((row) => row.errors.map((e) => ({ field: `line ${row.line}: ${e.field}`, message: e.message })));
      const bad = rows.filter((r) => r.status === 'invalid').map((r) => r.line);
      throw new InvalidInputError(`Nothing was imported: line(s) ${bad.join(', ')} are not valid.`, issues, { kind: 'import', code: 'csv.invalidRows' });
    }
    if (writes.length > MAX_IMPORT_CHANGES) {
      throw new InvalidInputError(
        `Nothing was imported: one import can change at most ${MAX_IMPORT_CHANGES} figures and this file changes ${writes.length}. Split the file, e.g. by year or by measure.`,
        [{ field: 'body', message: `at most ${MAX_IMPORT_CHANGES} new or changed figures per file` }],
        { kind: 'import', code: 'csv.tooManyChanges' },
      );
    }
    try {
      await deps.measurements.importMeasurements(unit.id, writes, personActor(caller.person), now.toISOString());
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      // The same file imported meanwhile (a double submit) leaves nothing to change: the no-op a repeat is.
      const again = await plan(unit.id, decoded.text, options.locale, caller, new Date(), { consistent: true });
      if (again.writes.length > 0) throw error;
      return { dryRun: false, valid, written: false, counts: again.counts, rows: again.rows };
    }
    deps.metrics.count('FiguresWritten', writes.length);
    return { dryRun: false, valid, written: writes.length > 0, counts, rows };
  };
}
