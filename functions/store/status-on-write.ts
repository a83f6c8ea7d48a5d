import type { CycleRepository, VersionedWrite } from './cycle-repository.js';
import type { SeriesRefresh } from './series-refresh.js';
import type { UnitRepository } from './unit-repository.js';

/**
 * The cycle repository, refreshing each touched unit's status item after a write, so the
 * leadership view sees a new cycle, decision or score at once — whoever wrote it (a route or a
 * workflow task). The write itself has succeeded by then: a failed refresh is reported, not
 * thrown, and the next write or measurement round brings the status item up to date.
 */
export function refreshingStatusOnWrite(
  cycles: CycleRepository,
  deps: { units: Pick<UnitRepository, 'get'>; seriesRefresh: SeriesRefresh; onRefreshError: (unitId: string, error: unknown) => void },
): CycleRepository {
  async function write(writes: VersionedWrite[], ...rest: Parameters<CycleRepository['write']> extends [unknown, ...infer R] ? R : never) {
    await cycles.write(writes, ...rest);
    for (const unitId of new Set(writes.map((w) => w.unitId))) {
      try {
        const unit = await deps.units.get(unitId);
        if (unit) await deps.seriesRefresh.refreshUnitStatus(unit, new Date());
      } catch (error) {
        deps.onRefreshError(unitId, error);
      }
    }
  }
  return { ...cycles, write };
}
