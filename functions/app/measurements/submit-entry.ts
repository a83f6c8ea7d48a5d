import * as z from 'zod';
import { planFigure } from '../../domain/figure-plan.js';
import type { Locale } from '../../domain/localized-text.js';
import { MeasureKeySchema } from '../../domain/measure.js';
import { MeasurementInputSchema, MeasurementSchema, localizeErrors } from '../../domain/measurement.js';
import { PeriodSchema } from '../../domain/period.js';
import { isTracked, type UnitMeasure } from '../../domain/unit-measure.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import { ConflictError as StoreConflict } from '../../store/errors.js';
import type { UnitAccess } from '../access.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { personActor, type Caller } from '../caller.js';

export const EntrySubmitSchema = z
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
export type EntrySubmit = z.infer<typeof EntrySubmitSchema>;

export const RowResultSchema = z.object({
  measureKey: z.string(),
  period: z.string(),
  status: z.enum(['created', 'updated', 'unchanged', 'invalid', 'conflict']),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  measurement: MeasurementSchema.nullable(),
});
export const EntryResultSchema = z.object({ results: z.array(RowResultSchema) }).meta({ id: 'EntryResult' });
type RowResult = z.infer<typeof RowResultSchema>;

const NOT_TRACKED = { fi: 'Yksikkö ei seuraa mittaria {key}.', sv: 'Enheten följer inte mätaren {key}.', en: 'The unit does not track {key}.' };
const CHANGED_MEANWHILE = {
  fi: 'Joku muu muutti tätä lukua juuri; lataa lomake uudelleen ja tarkista luku.',
  sv: 'Någon annan ändrade just värdet; ladda om formuläret och kontrollera det.',
  en: 'Someone else just changed this figure; reload the form and check it.',
};

/** The period form: every valid row is saved, every invalid or conflicting one reported with its fields. */
export function submitEntry(deps: {
  unitFor: UnitAccess;
  measurements: Pick<MeasurementRepository, 'listUnitMeasures' | 'getMeasurement' | 'writeMeasurement'>;
  metrics: BusinessMetrics;
}) {
  return async (caller: Caller, unitId: string, submit: EntrySubmit, locale: Locale): Promise<{ results: RowResult[] }> => {
    const unit = await deps.unitFor(caller, unitId, 'measurement:write');
    const actor = personActor(caller.person);
    const now = new Date();
    // A measure the unit stopped tracking takes no new figures: its rows are refused as untracked.
    const measures = new Map((await deps.measurements.listUnitMeasures(unit.id)).filter(isTracked).map((m) => [m.key, m]));
    const results: RowResult[] = [];
    for (const { measureKey, period, expectedVersion, ...input } of submit.rows) {
      const row = { measureKey, period };
      const measure = measures.get(measureKey);
      if (!measure) {
        results.push({ ...row, status: 'invalid', errors: [{ field: 'measureKey', message: NOT_TRACKED[locale].replace('{key}', measureKey) }], measurement: null });
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
      const conflict: RowResult = { ...row, status: 'conflict', errors: [{ field: 'expectedVersion', message: CHANGED_MEANWHILE[locale] }], measurement: existing ?? null };
      if (existing && expectedVersion !== undefined && expectedVersion !== existing.version) {
        results.push(conflict);
        continue;
      }
      try {
        await deps.measurements.writeMeasurement({ existing, next: plan.measurement }, actor);
      } catch (error) {
        if (!(error instanceof StoreConflict)) throw error;
        // The same figure written meanwhile (a double submit) is the no-op a repeat is.
        const winner = await deps.measurements.getMeasurement(unit.id, measureKey, period, { consistent: true });
        const again = planFigure(measure, period, input, winner, actor, now);
        results.push(again.status === 'unchanged' ? { ...row, status: 'unchanged', errors: [], measurement: again.measurement } : conflict);
        continue;
      }
      results.push({ ...row, status: plan.status, errors: [], measurement: plan.measurement });
    }
    deps.metrics.count('FiguresWritten', results.filter((r) => r.status === 'created' || r.status === 'updated').length);
    return { results };
  };
}
