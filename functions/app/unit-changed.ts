import type { UnitMeasure } from '../domain/unit-measure.js';
import type { UnitRepository } from '../store/unit-repository.js';
import type { DerivedItems } from './derived-items.js';

/** What a command changed in a unit: the series whose snapshots follow from it (the status item always does). */
export type UnitChange = { series?: readonly UnitMeasure[] };

/**
 * Brings a unit's derived items up to date once per command, after its write: the snapshots of the
 * series it changed, then the unit's status item. The write has succeeded by then, so a failed
 * refresh is logged rather than thrown — the person's change is kept and answered as done — and
 * the next command or measurement round refreshes the items again.
 */
export function createUnitChanged(deps: {
  units: Pick<UnitRepository, 'get'>;
  derived: Pick<DerivedItems, 'refreshSnapshot' | 'refreshUnitStatus'>;
  log: (message: string, detail?: unknown) => void;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return async function unitChanged(unitId: string, change: UnitChange = {}): Promise<void> {
    try {
      const at = now();
      for (const measure of change.series ?? []) await deps.derived.refreshSnapshot(measure, at);
      const unit = await deps.units.get(unitId);
      if (unit) await deps.derived.refreshUnitStatus(unit, at);
    } catch (error) {
      deps.log(`The derived items of unit ${unitId} were not refreshed; the next change or measurement round will.`, error);
    }
  };
}
export type UnitChanged = ReturnType<typeof createUnitChanged>;
