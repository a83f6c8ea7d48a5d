import type { Actor } from './audit.js';
import { sameValues, validateMeasurement, type FieldError, type Measurement, type MeasurementInput } from './measurement.js';
import { parsePeriod } from './period-calendar.js';
import { currentVersion, versionAt, type UnitMeasure } from './unit-measure.js';

export type FigurePlan =
  | { status: 'created' | 'updated' | 'unchanged'; measurement: Measurement }
  | { status: 'invalid'; errors: FieldError[] };

/**
 * What writing a figure would do: invalid, unchanged (the same figure again is a no-op), or the
 * measurement it becomes under the definition version valid for its period. Nothing is written here.
 */
export function planFigure(
  measure: UnitMeasure,
  period: string,
  input: MeasurementInput,
  existing: Measurement | undefined,
  actor: Actor,
  now: Date,
): FigurePlan {
  // An impossible period (2026-W54) has no definition version; validation says what is allowed.
  const version = parsePeriod(period) ? versionAt(measure, period) : currentVersion(measure);
  const checked = validateMeasurement({ ...version.fields, frequency: measure.frequency }, period, input, now);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  if (existing && sameValues(existing, checked.values)) return { status: 'unchanged', measurement: existing };
  return {
    status: existing ? 'updated' : 'created',
    measurement: {
      unitId: measure.unitId,
      measureKey: measure.key,
      period,
      ...checked.values,
      definitionVersion: version.definitionVersion,
      enteredBy: actor,
      enteredAt: now.toISOString(),
      version: (existing?.version ?? 0) + 1,
    },
  };
}
