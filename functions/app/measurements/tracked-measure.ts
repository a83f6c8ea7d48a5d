import type { Locale } from '../../domain/localized-text.js';
import { localizeErrors, type FieldError } from '../../domain/measurement.js';
import { isTracked, type UnitMeasure } from '../../domain/unit-measure.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';

/** The measure a unit tracks under `key`, or NotFound. */
export function trackedMeasure(measurements: Pick<MeasurementRepository, 'getUnitMeasure'>) {
  return async (unitId: string, key: string): Promise<UnitMeasure> => tracked(await measurements.getUnitMeasure(unitId, key), unitId, key);
}

/** The same check of a measure already read. */
export function tracked(measure: UnitMeasure | undefined, unitId: string, key: string): UnitMeasure {
  if (!measure) throw new NotFoundError(`Unit ${unitId} does not track a measure ${key}.`, { code: 'measure.notTracked', params: { unitId, key } });
  return measure;
}
export type TrackedMeasure = ReturnType<typeof trackedMeasure>;

/** A measure the unit has stopped tracking keeps its figures but takes no new ones. */
export function takingFigures(measure: UnitMeasure): UnitMeasure {
  if (!isTracked(measure)) {
    throw new ConflictError(`Unit ${measure.unitId} has stopped tracking ${measure.key}; track it again to enter figures.`, {
      code: 'measure.stopped',
      params: { key: measure.key },
    });
  }
  return measure;
}

/** A figure's validation errors as a refusal naming each field, in the person's language. */
export function figureRefusal(errors: FieldError[], locale: Locale, prefix = 'body'): InvalidInputError {
  const issues = localizeErrors(errors, locale).map((e) => ({ field: `${prefix}.${e.field}`, message: e.message }));
  return new InvalidInputError(issues.map((e) => e.message).join(' '), issues, { code: 'figure.invalid' });
}
