import { COMPLETENESS_PERIODS, buildAreaStatus, type AreaStatus, type PdsaFacts, type SeriesFacts } from '../domain/area-status.js';
import { addPeriods } from '../domain/period.js';
import { duePeriod } from '../domain/round-schedule.js';
import { buildSnapshot, type Snapshot } from '../domain/series-analysis.js';
import { isTracked, type UnitMeasure } from '../domain/unit-measure.js';
import type { Unit } from '../domain/unit.js';
import type { CycleRepository } from '../store/cycle-repository.js';
import type { MeasurementRepository } from '../store/measurement-repository.js';

/** A scheduled review counts as late a day after its time, when its outcome should be in. */
const REVIEW_GRACE_MS = 86_400_000;

export type DerivedItemDeps = {
  measurements: Pick<MeasurementRepository, 'listSeries' | 'listPhases' | 'putSnapshot' | 'listUnitMeasures' | 'latestSnapshot' | 'putAreaStatus'>;
  cycles: Pick<CycleRepository, 'listAims' | 'listCycles' | 'listReviews' | 'getProgress'>;
};

/**
 * The derived items: a series' snapshot (one Query of the series and its phases, one compute, one
 * Put) and the unit's status item in its area, which leadership's overview reads. Built from the
 * stored facts only, so rebuilding one simply replaces it.
 */
export function createDerivedItems(deps: DerivedItemDeps) {
  const { measurements, cycles } = deps;

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

  /** What the unit's status is built from, as of `now`: each series' latest snapshot and recent figures, and its PDSA work. */
  async function unitFacts(unit: Pick<Unit, 'id'>, now: Date): Promise<{ series: SeriesFacts[]; pdsa: PdsaFacts }> {
    // A measure the unit stopped tracking leaves its status (and so the overview); its chart stays.
    const measures = (await measurements.listUnitMeasures(unit.id)).filter(isTracked);
    const series = await Promise.all(
      measures.map(async (measure) => {
        const due = duePeriod(measure.frequency, now);
        const [latest, recent] = await Promise.all([
          measurements.latestSnapshot(unit.id, measure.key),
          measurements.listSeries(unit.id, measure.key, { from: addPeriods(due, -(COMPLETENESS_PERIODS - 1)), to: due }),
        ]);
        return { measure, latest: latest ?? null, periodsWithFigures: recent.map((m) => m.period) };
      }),
    );
    const [aims, unitCycles, confirmation] = await Promise.all([cycles.listAims(unit.id), cycles.listCycles(unit.id), cycles.getProgress(unit.id)]);
    // Only cycles waiting on a review can have one late; finished cycles' reviews are settled.
    const waiting = unitCycles.filter((c) => c.phase === 'studying' || c.phase === 'acting' || c.phase === 'planning');
    const reviews = (await Promise.all(waiting.map((c) => cycles.listReviews(c.id)))).flat();
    const lateReviews = reviews.filter((r) => r.status === 'scheduled' && new Date(r.startsAt).getTime() + REVIEW_GRACE_MS < now.getTime()).length;
    return { series, pdsa: { aims, cycles: unitCycles, lateReviews, confirmation: confirmation ?? null } };
  }

  /**
   * A closed unit's status says only that it is closed, and the overview leaves it out (its
   * history stays on its own pages): a put, so the functions refreshing statuses need no delete.
   */
  async function refreshUnitStatus(unit: Pick<Unit, 'id' | 'areaId' | 'name' | 'closedAt'>, now: Date): Promise<AreaStatus> {
    const facts = unit.closedAt ? { series: [], pdsa: { aims: [], cycles: [], lateReviews: 0, confirmation: null } } : await unitFacts(unit, now);
    const status = { ...buildAreaStatus(unit, facts.series, facts.pdsa, now), ...(unit.closedAt ? { closed: true as const } : {}) };
    await measurements.putAreaStatus(status);
    return status;
  }

  return { refreshSnapshot, unitFacts, refreshUnitStatus };
}
export type DerivedItems = ReturnType<typeof createDerivedItems>;
