import type { ChangeRecord } from '../../store/changes.js';
import { subjectOfKey } from '../../store/keys.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { DerivedItems } from '../derived-items.js';

export type ProjectionDeps = {
  units: Pick<UnitRepository, 'get'>;
  measurements: Pick<MeasurementRepository, 'getUnitMeasure'>;
  derived: Pick<DerivedItems, 'refreshSnapshot' | 'refreshUnitStatus'>;
  now?: () => Date;
};

/** The facts a batch of changes touched: series whose snapshot follows from them, and units whose status does. */
export function touchedBy(changes: readonly ChangeRecord[]) {
  const series = new Map<string, { unitId: string; measureKey: string }>();
  const units = new Set<string>();
  const touchSeries = (unitId: string, measureKey: string) => series.set(`${unitId}\n${measureKey}`, { unitId, measureKey });
  for (const change of changes) {
    const subject = subjectOfKey(change.key);
    const image = change.after ?? change.before ?? {};
    if (subject.of === 'series' && subject.item !== 'snapshot') {
      touchSeries(subject.unitId, subject.measureKey);
      units.add(subject.unitId);
    } else if (subject.of === 'unit' && subject.item !== 'idea') {
      // A tracked measure's target or definition changes its series' snapshot too.
      if (subject.item === 'measure' && typeof image.key === 'string') touchSeries(subject.unitId, image.key);
      units.add(subject.unitId);
    } else if (subject.of === 'cycle' && subject.item === 'review' && typeof image.unitId === 'string') {
      units.add(image.unitId);
    }
  }
  return { series: [...series.values()], unitIds: [...units] };
}

/**
 * The change stream's projection: from a batch of the table's changes, the derived items they
 * touch are built again from the stored facts — each changed series' snapshot, then each touched
 * unit's status item in its area. Derived items' own changes touch nothing, so the projection does
 * not feed itself. Rebuilding is idempotent: a batch delivered twice leaves the same items.
 */
export function projectChanges(deps: ProjectionDeps) {
  const now = deps.now ?? (() => new Date());
  return async (changes: readonly ChangeRecord[]): Promise<{ series: number; units: number }> => {
    const { series, unitIds } = touchedBy(changes);
    const at = now();
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
