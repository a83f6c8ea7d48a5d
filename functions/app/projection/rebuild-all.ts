import { markersOf } from '../../domain/cycle-marker.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { DerivedItems } from '../derived-items.js';

/**
 * Every derived item built again from the facts: each cycle's chart markers, each series' snapshot
 * and each unit's status item. A maintenance pass for a table whose changes were never projected
 * (one made before the table had a stream), never on a request path.
 */
export async function rebuildAllDerivedItems(
  deps: {
    areas: Pick<AreaRepository, 'list'>;
    units: Pick<UnitRepository, 'listAllOfArea'>;
    cycles: Pick<CycleRepository, 'listCycles'>;
    measurements: Pick<MeasurementRepository, 'listUnitMeasures' | 'putMarker'>;
    derived: Pick<DerivedItems, 'refreshSnapshot' | 'refreshUnitStatus'>;
  },
  now = new Date(),
): Promise<{ units: number }> {
  let count = 0;
  for (const area of await deps.areas.list()) {
    for (const unit of await deps.units.listAllOfArea(area.id)) {
      for (const marker of (await deps.cycles.listCycles(unit.id)).flatMap(markersOf)) await deps.measurements.putMarker(marker);
      for (const measure of await deps.measurements.listUnitMeasures(unit.id)) await deps.derived.refreshSnapshot(measure, now);
      await deps.derived.refreshUnitStatus(unit, now);
      count++;
    }
  }
  return { units: count };
}
