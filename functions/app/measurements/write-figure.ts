import { planFigure } from '../../domain/figure-plan.js';
import type { Locale } from '../../domain/localized-text.js';
import type { Measurement, MeasurementInput } from '../../domain/measurement.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import { allowedUnit } from '../access.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError as StoreConflict } from '../../store/errors.js';
import { StaleVersionError } from '../errors.js';
import { checkVersion } from '../versions.js';
import { figureRefusal, takingFigures, tracked } from './tracked-measure.js';

export type FigureRef = { unitId: string; key: string; period: string };

/**
 * Writes one figure. The same figure again is a no-op ('unchanged'); changing a stored figure needs
 * the version it was read at, as someone else may have corrected it meanwhile. Two requests: the
 * unit, the measure and the stored figure in one read, then the figure with its audit entry.
 */
export function writeFigure(deps: { measurements: Pick<MeasurementRepository, 'getMeasureOfUnit' | 'getMeasurement' | 'writeMeasurement'>; metrics: BusinessMetrics }) {
  return async (
    caller: Caller,
    ref: FigureRef,
    input: MeasurementInput,
    expectedVersion: number | undefined,
    locale: Locale,
  ): Promise<{ status: 'created' | 'updated' | 'unchanged'; measurement: Measurement }> => {
    const read = await deps.measurements.getMeasureOfUnit(ref.unitId, ref.key, ref.period);
    const unit = allowedUnit(caller, read.unit, ref.unitId, 'measurement:write');
    const measure = takingFigures(tracked(read.measure, unit.id, ref.key));
    const actor = personActor(caller.person);
    const existing = read.figure;
    const plan = planFigure(measure, ref.period, input, existing, actor, new Date());
    if (plan.status === 'invalid') throw figureRefusal(plan.errors, locale);
    if (plan.status === 'unchanged') return plan;
    if (existing) checkVersion('figure', existing, expectedVersion);
    try {
      await deps.measurements.writeMeasurement({ existing, next: plan.measurement }, actor);
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      // Someone wrote the figure meanwhile. The same figure is the no-op a repeat always is;
      // another one was a change this request did not know of.
      const winner = await deps.measurements.getMeasurement(unit.id, ref.key, ref.period, { consistent: true });
      const again = planFigure(measure, ref.period, input, winner, actor, new Date());
      if (again.status === 'unchanged') return again;
      throw new StaleVersionError(`Someone else wrote the figure of ${ref.key} for ${ref.period} meanwhile; read it again and apply your change.`, {
        code: 'version.stale',
        params: { what: 'figure' },
      });
    }
    deps.metrics.count('FiguresWritten');
    return plan;
  };
}
