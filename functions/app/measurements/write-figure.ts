import { planFigure } from '../../domain/figure-plan.js';
import type { Locale } from '../../domain/localized-text.js';
import type { Measurement, MeasurementInput } from '../../domain/measurement.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitAccess } from '../access.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { personActor, type Caller } from '../caller.js';
import type { UnitChanged } from '../unit-changed.js';
import { checkVersion } from '../versions.js';
import { figureRefusal, type TrackedMeasure } from './tracked-measure.js';

export type FigureRef = { unitId: string; key: string; period: string };

/**
 * Writes one figure. The same figure again is a no-op ('unchanged'); changing a stored figure needs
 * the version it was read at, as someone else may have corrected it meanwhile.
 */
export function writeFigure(deps: {
  unitFor: UnitAccess;
  trackedMeasure: TrackedMeasure;
  measurements: Pick<MeasurementRepository, 'getMeasurement' | 'writeMeasurement'>;
  unitChanged: UnitChanged;
  metrics: BusinessMetrics;
}) {
  return async (
    caller: Caller,
    ref: FigureRef,
    input: MeasurementInput,
    expectedVersion: number | undefined,
    locale: Locale,
  ): Promise<{ status: 'created' | 'updated' | 'unchanged'; measurement: Measurement }> => {
    const unit = await deps.unitFor(caller, ref.unitId, 'measurement:write');
    const measure = await deps.trackedMeasure(unit.id, ref.key);
    const existing = await deps.measurements.getMeasurement(unit.id, ref.key, ref.period);
    const plan = planFigure(measure, ref.period, input, existing, personActor(caller.person), new Date());
    if (plan.status === 'invalid') throw figureRefusal(plan.errors, locale);
    if (plan.status === 'unchanged') return plan;
    if (existing) checkVersion('figure', existing, expectedVersion);
    await deps.measurements.writeMeasurement({ existing, next: plan.measurement }, personActor(caller.person));
    deps.metrics.count('FiguresWritten');
    await deps.unitChanged(unit.id, { series: [measure] });
    return plan;
  };
}
