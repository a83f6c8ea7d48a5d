import { planFigure } from '../../domain/figure-plan.js';
import type { Locale } from '../../domain/localized-text.js';
import type { Measurement, MeasurementInput } from '../../domain/measurement.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import { allowedUnit } from '../access.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { personActor, type Caller } from '../caller.js';
import { checkVersion } from '../versions.js';
import { figureRefusal, tracked } from './tracked-measure.js';

export type FigureRef = { unitId: string; key: string; period: string };

/**
 * Writes one figure. The same figure again is a no-op ('unchanged'); changing a stored figure needs
 * the version it was read at, as someone else may have corrected it meanwhile. Two requests: the
 * unit, the measure and the stored figure in one read, then the figure with its audit entry.
 */
export function writeFigure(deps: { measurements: Pick<MeasurementRepository, 'getMeasureOfUnit' | 'writeMeasurement'>; metrics: BusinessMetrics }) {
  return async (
    caller: Caller,
    ref: FigureRef,
    input: MeasurementInput,
    expectedVersion: number | undefined,
    locale: Locale,
  ): Promise<{ status: 'created' | 'updated' | 'unchanged'; measurement: Measurement }> => {
    const read = await deps.measurements.getMeasureOfUnit(ref.unitId, ref.key, ref.period);
    const unit = allowedUnit(caller, read.unit, ref.unitId, 'measurement:write');
    const measure = tracked(read.measure, unit.id, ref.key);
    const existing = read.figure;
    const plan = planFigure(measure, ref.period, input, existing, personActor(caller.person), new Date());
    if (plan.status === 'invalid') throw figureRefusal(plan.errors, locale);
    if (plan.status === 'unchanged') return plan;
    if (existing) checkVersion('figure', existing, expectedVersion);
    await deps.measurements.writeMeasurement({ existing, next: plan.measurement }, personActor(caller.person));
    deps.metrics.count('FiguresWritten');
    return plan;
  };
}
