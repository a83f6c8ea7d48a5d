import { COMPLETENESS_PERIODS, buildAreaStatus, type AreaStatus } from '../domain/area-status.js';
import { addPeriods } from '../domain/period.js';
import { duePeriod } from '../domain/round-schedule.js';
import { buildSnapshot, type Snapshot } from '../domain/series-analysis.js';
import type { UnitMeasure } from '../domain/unit-measure.js';
import type { Unit } from '../domain/unit.js';
import type { CycleRepository } from './cycle-repository.js';
import type { MeasurementRepository } from './measurement-repository.js';

/** A scheduled review counts as late a day after its time, when its outcome should be in. */
const REVIEW_GRACE_MS = 86_400_000;

/**
 * Keeps the derived items current: a series' snapshot (one Query of the series and its phases,
 * one compute, one Put) and the unit's status item in its area (the leadership view). Called on
 * every write of a figure or of the unit's cycles, reviews and progress score, and by the
 * measurement round.
 */
export function createSeriesRefresh(measurements: MeasurementRepository, pdsa: Pick<CycleRepository, 'listAims' | 'listCycles' | 'listReviews' | 'getProgress'>) {
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
    const [aims, cycles, confirmation] = await Promise.all([pdsa.listAims(unit.id), pdsa.listCycles(unit.id), pdsa.getProgress(unit.id)]);
    // Only cycles waiting on a review can have one late; finished cycles' reviews are settled.
    const waiting = cycles.filter((c) => c.phase === 'studying' || c.phase === 'acting' || c.phase === 'planning');
    const reviews = (await Promise.all(waiting.map((c) => pdsa.listReviews(c.id)))).flat();
    const lateReviews = reviews.filter((r) => r.status === 'scheduled' && new Date(r.startsAt).getTime() + REVIEW_GRACE_MS < now.getTime()).length;
    const status = buildAreaStatus(unit, facts, { aimCount: aims.length, cycles, lateReviews, confirmation: confirmation ?? null }, now);
    await measurements.putAreaStatus(status);
    return status;
  }

  return { refreshSnapshot, refreshUnitStatus };
}
export type SeriesRefresh = ReturnType<typeof createSeriesRefresh>;
