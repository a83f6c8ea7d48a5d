import { markersOf, predictedMeasures } from '../../domain/cycle-marker.js';
import { CycleSchema, type Cycle } from '../../domain/cycle.js';
import type { ChangeRecord } from '../../store/changes.js';
import { fromItem } from '../../store/items.js';
import { subjectOfKey } from '../../store/keys.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { DerivedItems } from '../derived-items.js';

export type ProjectionDeps = {
  units: Pick<UnitRepository, 'get'>;
  measurements: Pick<MeasurementRepository, 'getUnitMeasure' | 'putMarker' | 'removeMarker'>;
  derived: Pick<DerivedItems, 'refreshSnapshot' | 'refreshUnitStatus'>;
  now?: () => Date;
};

/**
 * The facts a batch of changes touched: series whose snapshot follows from them, units whose status
 * does, and cycles whose markers on their predicted measures' charts do (as each cycle is now, and
 * was before, so that a prediction dropped takes its marker along).
 */
export function touchedBy(changes: readonly ChangeRecord[]) {
  const series = new Map<string, { unitId: string; measureKey: string }>();
  const units = new Set<string>();
  const cycles = new Map<string, { before?: Cycle; after?: Cycle }>();
  const touchSeries = (unitId: string, measureKey: string) => series.set(`${unitId}\n${measureKey}`, { unitId, measureKey });
  for (const change of changes) {
    const subject = subjectOfKey(change.key);
    const image = change.after ?? change.before ?? {};
    if (subject.of === 'series' && (subject.item === 'figure' || subject.item === 'phase')) {
      touchSeries(subject.unitId, subject.measureKey);
      units.add(subject.unitId);
    } else if (subject.of === 'unit' && subject.item !== 'idea') {
      if (subject.item === 'cycle') {
        const before = change.before && fromItem(CycleSchema, change.before);
        const after = change.after && fromItem(CycleSchema, change.after);
        const id = (after ?? before)!.id;
        // Within a batch, a cycle's first image before and its last after.
        cycles.set(id, { before: cycles.get(id)?.before ?? before, after });
      }
      // A tracked measure's target or definition changes its series' snapshot too.
      if (subject.item === 'measure' && typeof image.key === 'string') touchSeries(subject.unitId, image.key);
      units.add(subject.unitId);
    } else if (subject.of === 'cycle' && subject.item === 'review' && typeof image.unitId === 'string') {
      units.add(image.unitId);
    }
  }
  return { series: [...series.values()], unitIds: [...units], cycles: [...cycles.values()] };
}

/**
 * The change stream's projection: from a batch of the table's changes, the derived items they
 * touch are built again from the stored facts — the changed cycles' chart markers, each changed
 * series' snapshot, then each touched unit's status item in its area. Derived items' own changes touch nothing, so the projection does
 * not feed itself. Rebuilding is idempotent: a batch delivered twice leaves the same items.
 */
export function projectChanges(deps: ProjectionDeps) {
  const now = deps.now ?? (() => new Date());
  return async (changes: readonly ChangeRecord[]): Promise<{ series: number; units: number }> => {
    const { series, unitIds, cycles } = touchedBy(changes);
    const at = now();
    for (const { before, after } of cycles) {
      for (const marker of after ? markersOf(after) : []) await deps.measurements.putMarker(marker);
      const kept = after ? predictedMeasures(after) : [];
      const dropped = before ? predictedMeasures(before).filter((key) => !kept.includes(key)) : [];
      for (const key of dropped) await deps.measurements.removeMarker(before!.unitId, key, before!.id);
    }
    for (const { unitId, measureKey } of series) {
      const measure = await deps.measurements.getUnitMeasure(unitId, measureKey);
      if (measure) await deps.derived.refreshSnapshot(measure, at);
    }
    for (const unitId of unitIds) {
      const unit = await deps.units.get(unitId);
      if (unit) await deps.derived.refreshUnitStatus(unit, at);
    }
    return { series: series.length, units: unitIds.length };
  };
}
export type ProjectChanges = ReturnType<typeof projectChanges>;
