import { AreaStatusSchema, type AreaStatus } from '../domain/area-status.js';
import { diffFields, type Actor } from '../domain/audit.js';
import { ChartPhaseSchema, type ChartPhase } from '../domain/chart-phase.js';
import { CycleMarkerSchema, type CycleMarker } from '../domain/cycle-marker.js';
import { MeasurementSchema, type Measurement, type MeasurementValues } from '../domain/measurement.js';
import { SnapshotSchema, type Snapshot } from '../domain/series-analysis.js';
import { UnitMeasureSchema, type UnitMeasure } from '../domain/unit-measure.js';
import { UnitSchema, type Unit } from '../domain/unit.js';
import { fromItem } from './items.js';
import type { Db } from './document-client.js';
import { keys, seriesItemOf } from './keys.js';
import { PARTITION_KEY, SORT_KEY } from './table-definition.js';
import { createTable, type AuditRecord } from './table.js';

/**
 * DynamoDB writes at most 100 items in one transaction. An import writes every changed row and one
 * audit entry listing the changes in a single transaction, so that it is all or nothing; files
 * with more changed rows are refused before anything is written (split them, e.g. by year).
 */
export const MAX_IMPORT_CHANGES = 99;

export class ImportTooLargeError extends Error {
  override readonly name = 'ImportTooLargeError';
}

/** One row of a write: the figure as stored now (if any) and the figure it becomes. */
export type MeasurementWrite = { existing: Measurement | undefined; next: Measurement };

type PeriodRange = { from?: string; to?: string };

const VALUE_FIELDS = ['value', 'numerator', 'denominator', 'note'] as const;
const valuesOf = (m: MeasurementValues) => Object.fromEntries(VALUE_FIELDS.map((f) => [f, m[f]]));
const changedMeanwhile = (what: string) => ({ message: `${what} changed or was added by someone else meanwhile; read it again.` });

export function createMeasurementRepository(db: Db) {
  const table = createTable(db);

  return {
    listUnitMeasures: (unitId: string): Promise<UnitMeasure[]> => table.queryAll(UnitMeasureSchema, keys.unitMeasures(unitId)),

    getUnitMeasure: (unitId: string, key: string): Promise<UnitMeasure | undefined> => table.get(UnitMeasureSchema, keys.unitMeasure(unitId, key)),

    /**
     * The unit, its tracked measure `key` and, given a period, that period's figure, in one
     * BatchGetItem: what a chart or a figure's write reads first.
     */
    async getMeasureOfUnit(unitId: string, key: string, period?: string): Promise<{ unit?: Unit; measure?: UnitMeasure; figure?: Measurement }> {
      const wanted = { unit: keys.unit(unitId), measure: keys.unitMeasure(unitId, key), ...(period ? { figure: keys.measurement(unitId, key, period) } : {}) };
      const items = await table.batchGetItems(Object.values(wanted));
      const find = (key: { [PARTITION_KEY]: string; [SORT_KEY]: string }) => items.find((item) => item[PARTITION_KEY] === key[PARTITION_KEY] && item[SORT_KEY] === key[SORT_KEY]);
      const unit = find(wanted.unit);
      const measure = find(wanted.measure);
      const figure = wanted.figure && find(wanted.figure);
      return {
        unit: unit && fromItem(UnitSchema, unit),
        measure: measure && fromItem(UnitMeasureSchema, measure),
        figure: figure && fromItem(MeasurementSchema, figure),
      };
    },

    /** A whole chart in one Query of its series: every figure, the phases and the cycle markers, oldest first. */
    async readSeries(unitId: string, key: string): Promise<{ figures: Measurement[]; phases: ChartPhase[]; markers: CycleMarker[] }> {
      const items = await table.queryItems(keys.chart(unitId, key));
      const of = (kind: ReturnType<typeof seriesItemOf>) => items.filter((item) => seriesItemOf(String(item[SORT_KEY])) === kind);
      return {
        figures: of('figure').map((item) => fromItem(MeasurementSchema, item)),
        phases: of('phase').map((item) => fromItem(ChartPhaseSchema, item)),
        markers: of('marker').map((item) => fromItem(CycleMarkerSchema, item)),
      };
    },

    /** A cycle's marker on a chart is derived from the cycle: writing it again simply replaces it. */
    async putMarker(marker: CycleMarker): Promise<void> {
      const stored = CycleMarkerSchema.parse(marker);
      await table.put(keys.cycleMarker(stored.unitId, stored.measureKey, stored.cycleId), stored, { unconditional: true });
    },

    removeMarker: (unitId: string, key: string, cycleId: string): Promise<void> => table.remove(keys.cycleMarker(unitId, key, cycleId)),

    /** Creates (before = null) or replaces a tracked measure, with its audit entry in the same transaction. */
    async writeUnitMeasure(before: UnitMeasure | null, after: UnitMeasure, action: string, actor: Actor): Promise<void> {
      const stored = UnitMeasureSchema.parse(after);
      const audit: AuditRecord = {
        unitId: stored.unitId,
        entity: { type: 'unitMeasure', id: stored.key },
        action,
        changes: diffFields(before ?? {}, stored, ['version', 'updatedAt', 'createdAt']),
      };
      await table.transact(
        [{ key: keys.unitMeasure(stored.unitId, stored.key), value: stored, expectedVersion: before?.version, audit }],
        { actor, at: stored.updatedAt },
        changedMeanwhile(`Measure ${stored.key}`),
      );
    },

    /** `consistent` after a failed write, to see the write that came first. */
    getMeasurement: (unitId: string, key: string, period: string, options: { consistent?: boolean } = {}): Promise<Measurement | undefined> =>
      table.get(MeasurementSchema, keys.measurement(unitId, key, period), options),

    /** A series' figures by period range, oldest first; both ends optional and included. */
    listSeries: (unitId: string, key: string, range: PeriodRange = {}, options: { consistent?: boolean } = {}): Promise<Measurement[]> =>
      table.queryAll(MeasurementSchema, { ...keys.measurements(unitId, key), range, consistent: options.consistent }),

    /**
     * Writes one figure conditional on what was read, with the previous value kept in the audit
     * trail. The caller has already left out writes of an unchanged figure.
     */
    async writeMeasurement({ existing, next }: MeasurementWrite, actor: Actor): Promise<void> {
      const stored = MeasurementSchema.parse(next);
      const audit: AuditRecord = {
        unitId: stored.unitId,
        entity: { type: 'measurement', id: `${stored.measureKey}/${stored.period}` },
        action: existing ? 'update' : 'create',
        changes: diffFields(existing ? valuesOf(existing) : {}, valuesOf(stored)),
      };
      await table.transact(
        [{ key: keys.measurement(stored.unitId, stored.measureKey, stored.period), value: stored, expectedVersion: existing?.version, audit }],
        { actor, at: stored.enteredAt },
        changedMeanwhile(`The figure of ${stored.measureKey} for ${stored.period}`),
      );
    },

    /**
     * An import: every changed row and one audit entry naming each change, in one transaction, so
     * the file is written whole or not at all (a row changed meanwhile fails the lot).
     */
    async importMeasurements(unitId: string, writes: readonly MeasurementWrite[], actor: Actor, at: string): Promise<void> {
      if (writes.length === 0) return;
      if (writes.length > MAX_IMPORT_CHANGES) {
        throw new ImportTooLargeError(`An import can change at most ${MAX_IMPORT_CHANGES} figures at once; this one changes ${writes.length}.`);
      }
      const audit: AuditRecord = {
        unitId,
        entity: { type: 'measurement', id: 'import' },
        action: 'import',
        changes: writes.map(({ existing, next }) => ({ field: `${next.measureKey}/${next.period}`, from: existing ? valuesOf(existing) : null, to: valuesOf(next) })),
      };
      await table.transact(
        // The one audit entry rides with the first row.
        writes.map(({ existing, next }, i) => ({
          key: keys.measurement(unitId, next.measureKey, next.period),
          value: MeasurementSchema.parse(next),
          expectedVersion: existing?.version,
          audit: i === 0 ? audit : undefined,
        })),
        { actor, at },
        { ...changedMeanwhile('A figure in the file'), reason: 'stale' },
      );
    },

    listSnapshots: (unitId: string, key: string, range: PeriodRange = {}): Promise<Snapshot[]> =>
      table.queryAll(SnapshotSchema, { ...keys.snapshots(unitId, key), range }),

    async latestSnapshot(unitId: string, key: string): Promise<Snapshot | undefined> {
      const { items } = await table.queryPage(SnapshotSchema, { ...keys.snapshots(unitId, key), descending: true, limit: 1 });
      return items[0];
    },

    /** Snapshots are derived data: recomputing one simply replaces it. */
    async putSnapshot(snapshot: Snapshot): Promise<void> {
      const stored = SnapshotSchema.parse(snapshot);
      await table.put(keys.snapshot(stored.unitId, stored.measureKey, stored.period), stored, { unconditional: true });
    },

    listPhases: (unitId: string, key: string): Promise<ChartPhase[]> => table.queryAll(ChartPhaseSchema, keys.chartPhases(unitId, key)),

    async createPhase(phase: ChartPhase): Promise<void> {
      const stored = ChartPhaseSchema.parse(phase);
      const audit: AuditRecord = {
        unitId: stored.unitId,
        entity: { type: 'chartPhase', id: `${stored.measureKey}/${stored.startPeriod}` },
        action: 'create',
        changes: diffFields({}, { startPeriod: stored.startPeriod, reason: stored.reason, cycleId: stored.cycleId }),
      };
      await table.transact(
        [{ key: keys.chartPhase(stored.unitId, stored.measureKey, stored.startPeriod), value: stored, expectedVersion: undefined, audit }],
        { actor: stored.createdBy, at: stored.createdAt },
        changedMeanwhile(`A phase starting at ${stored.startPeriod}`),
      );
    },

    /**
     * Changes a phase (a new start moves it to its new key) with the audit entry naming each field
     * from what to what and why, in one transaction; `after` null removes it, the reason kept in
     * the audit entry with what the phase was.
     */
    async changePhase(before: ChartPhase, after: ChartPhase | null, why: string, actor: Actor, at: string): Promise<void> {
      const stored = after && ChartPhaseSchema.parse(after);
      const fields = (p: ChartPhase) => ({ startPeriod: p.startPeriod, reason: p.reason, cycleId: p.cycleId });
      const audit: AuditRecord = {
        unitId: before.unitId,
        entity: { type: 'chartPhase', id: `${before.measureKey}/${before.startPeriod}` },
        action: stored ? 'update' : 'remove',
        changes: [...diffFields(fields(before), stored ? fields(stored) : {}), { field: 'why', from: null, to: why }],
      };
      const oldKey = keys.chartPhase(before.unitId, before.measureKey, before.startPeriod);
      const moved = !stored || stored.startPeriod !== before.startPeriod;
      const writes = stored
        ? moved
          ? [
              { remove: oldKey, ifPresent: true, audit },
              { key: keys.chartPhase(stored.unitId, stored.measureKey, stored.startPeriod), value: stored, expectedVersion: undefined },
            ]
          : [{ key: oldKey, value: stored, expectedVersion: before.version, audit }]
        : [{ remove: oldKey, ifPresent: true, audit }];
      await table.transact(writes, { actor, at }, { ...changedMeanwhile(`The phase starting at ${before.startPeriod}`), reason: 'stale' });
    },

    async putAreaStatus(status: AreaStatus): Promise<void> {
      const stored = AreaStatusSchema.parse(status);
      await table.put(keys.areaStatus(stored.areaId, stored.unitId), stored, { unconditional: true });
    },

    /** The leadership view of an area: one Query. */
    listAreaStatus: (areaId: string): Promise<AreaStatus[]> => table.queryAll(AreaStatusSchema, keys.areaStatuses(areaId)),
  };
}
export type MeasurementRepository = ReturnType<typeof createMeasurementRepository>;
