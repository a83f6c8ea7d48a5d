import { COMPLETENESS_PERIODS, buildAreaStatus, type AreaStatus } from '../domain/area-status.js';
import { addPeriods } from '../domain/period.js';
import { duePeriod } from '../domain/round-schedule.js';
import { buildSnapshot, type Snapshot } from '../domain/series-analysis.js';
import type { UnitMeasure } from '../domain/unit-measure.js';
import type { Unit } from '../domain/unit.js';
import type { MeasurementRepository } from './measurement-repository.js';

/**
 * Keeps the derived items current: a series' snapshot (one Query of the series and its phases,
 * one compute, one Put) and the unit's status item in its area (the leadership view). Called on
 * every write of a figure and by the measurement round.
 */
export function createSeriesRefresh(measurements: MeasurementRepository) {
  /** The snapshot of `period`, or of the series' latest period; null for a series without figures. */
  async function refreshSnapshot(measure: UnitMeasure, now: Date, period?: string): Promise<Snapshot | null> {
    const [series, phases] = await Promise.all([
      measurements.listSeries(measure.unitId, measure.key, period ? { to: period } : {}),
      measurements.listPhases(measure.unitId, measure.key),
    ]);
    const at = period ?? series.at(-1)?.period;
    if (!at) return null;
    const snapshot = buildSnapshot({ measure, measurements: series, phases, period: at, now });
    await measurements.putSnapshot(snapshot);
    return snapshot;
  }

  async function refreshUnitStatus(unit: Pick<Unit, 'id' | 'areaId' | 'name'>, now: Date): Promise<AreaStatus> {
    const measures = await measurements.listUnitMeasures(unit.id);
    const facts = await Promise.all(
      measures.map(async (measure) => {
        const due = duePeriod(measure.frequency, now);
        const [latest, recent] = await Promise.all([
          measurements.latestSnapshot(unit.id, measure.key),
          measurements.listSeries(unit.id, measure.key, { from: addPeriods(due, -(COMPLETENESS_PERIODS - 1)), to: due }),
        ]);
        return { measure, latest: latest ?? null, periodsWithFigures: recent.map((m) => m.period) };
      }),
    );
    const status = buildAreaStatus(unit, facts, now);
    await measurements.putAreaStatus(status);
    return status;
  }

  return { refreshSnapshot, refreshUnitStatus };
}
export type SeriesRefresh = ReturnType<typeof createSeriesRefresh>;
