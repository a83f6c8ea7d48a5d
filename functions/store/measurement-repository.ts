import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { AreaStatusSchema, type AreaStatus } from '../domain/area-status.js';
import { diffFields, type Actor } from '../domain/audit.js';
import { ChartPhaseSchema, type ChartPhase } from '../domain/chart-phase.js';
import { MeasurementSchema, type Measurement, type MeasurementValues } from '../domain/measurement.js';
import { SnapshotSchema, type Snapshot } from '../domain/series-analysis.js';
import { UnitMeasureSchema, type UnitMeasure } from '../domain/unit-measure.js';
import { createAuditRepository } from './audit-repository.js';
import type { Db } from './document-client.js';
import { ConflictError, isConditionalCheckFailed } from './errors.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

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

const VALUE_FIELDS = ['value', 'numerator', 'denominator', 'note'] as const;
const valuesOf = (m: MeasurementValues) => Object.fromEntries(VALUE_FIELDS.map((f) => [f, m[f]]));

export function createMeasurementRepository(db: Db) {
  const { doc, tableName } = db;
  const audit = createAuditRepository(db);

  /** A Put conditional on the item being where it was read: absent, or at its version. */
  function conditionalPut(key: { PK: string; SK: string }, item: object, previousVersion: number | undefined) {
    return {
      Put: {
        TableName: tableName,
        Item: toItem(key, item),
        ...(previousVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': previousVersion } }),
      },
    };
  }

  async function transact(items: Record<string, unknown>[], what: string, reason: 'stale' | 'exists'): Promise<void> {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items as never }));
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new ConflictError(`${what} changed or was added by someone else meanwhile; read it again.`, reason);
      throw error;
    }
  }

  async function listRange<S extends z.ZodType>(schema: S, pk: string, prefix: string, range: { from?: string; to?: string }): Promise<z.infer<S>[]> {
    const low = `${prefix}${range.from ?? ''}`;
    const high = `${prefix}${range.to ?? '\uffff'}`;
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high',
      ExpressionAttributeValues: { ':pk': pk, ':low': low, ':high': high },
    });
    return items.map((item) => fromItem(schema, item));
  }

  return {
    async listUnitMeasures(unitId: string): Promise<UnitMeasure[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.unitPartition(unitId).PK, ':prefix': keys.unitMeasurePrefix() },
      });
      return items.map((item) => fromItem(UnitMeasureSchema, item));
    },

    async getUnitMeasure(unitId: string, key: string): Promise<UnitMeasure | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.unitMeasure(unitId, key) }));
      return Item ? fromItem(UnitMeasureSchema, Item) : undefined;
    },

    /** Creates (before = null) or replaces a tracked measure, with its audit entry in the same transaction. */
    async writeUnitMeasure(before: UnitMeasure | null, after: UnitMeasure, action: string, actor: Actor): Promise<void> {
      const stored = UnitMeasureSchema.parse(after);
      await transact(
        [
          conditionalPut(keys.unitMeasure(stored.unitId, stored.key), stored, before?.version),
          audit.putItem({
            unitId: stored.unitId,
            actor,
            entity: { type: 'unitMeasure', id: stored.key },
            action,
            changes: diffFields(before ?? {}, stored, ['version', 'updatedAt', 'createdAt']),
            at: stored.updatedAt,
          }),
        ],
        `Measure ${stored.key}`,
        before ? 'stale' : 'exists',
      );
    },

    async getMeasurement(unitId: string, key: string, period: string): Promise<Measurement | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.measurement(unitId, key, period) }));
      return Item ? fromItem(MeasurementSchema, Item) : undefined;
    },

    /** A series' figures by period range, oldest first; both ends optional and included. */
    listSeries: (unitId: string, key: string, range: { from?: string; to?: string } = {}) =>
      listRange(MeasurementSchema, keys.seriesPartition(unitId, key).PK, keys.measurementPrefix(), range),

    /**
     * Writes one figure conditional on what was read, with the previous value kept in the audit
     * trail. The caller has already left out writes of an unchanged figure.
     */
    async writeMeasurement({ existing, next }: MeasurementWrite, actor: Actor): Promise<void> {
      const stored = MeasurementSchema.parse(next);
      await transact(
        [
          conditionalPut(keys.measurement(stored.unitId, stored.measureKey, stored.period), stored, existing?.version),
          audit.putItem({
            unitId: stored.unitId,
            actor,
            entity: { type: 'measurement', id: `${stored.measureKey}/${stored.period}` },
            action: existing ? 'update' : 'create',
            changes: diffFields(existing ? valuesOf(existing) : {}, valuesOf(stored)),
            at: stored.enteredAt,
          }),
        ],
        `The figure of ${stored.measureKey} for ${stored.period}`,
        existing ? 'stale' : 'exists',
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
      await transact(
        [
          ...writes.map(({ existing, next }) =>
            conditionalPut(keys.measurement(unitId, next.measureKey, next.period), MeasurementSchema.parse(next), existing?.version),
          ),
          audit.putItem({
            unitId,
            actor,
            entity: { type: 'measurement', id: 'import' },
            action: 'import',
            changes: writes.map(({ existing, next }) => ({
              field: `${next.measureKey}/${next.period}`,
              from: existing ? valuesOf(existing) : null,
              to: valuesOf(next),
            })),
            at,
          }),
        ],
        'A figure in the file',
        'stale',
      );
    },

    listSnapshots: (unitId: string, key: string, range: { from?: string; to?: string } = {}) =>
      listRange(SnapshotSchema, keys.seriesPartition(unitId, key).PK, keys.snapshotPrefix(), range),

    async latestSnapshot(unitId: string, key: string): Promise<Snapshot | undefined> {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.seriesPartition(unitId, key).PK, ':prefix': keys.snapshotPrefix() },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      return Items?.[0] ? fromItem(SnapshotSchema, Items[0]) : undefined;
    },

    /** Snapshots are derived data: recomputing one simply replaces it. */
    async putSnapshot(snapshot: Snapshot): Promise<void> {
      const stored = SnapshotSchema.parse(snapshot);
      await doc.send(new PutCommand({ TableName: tableName, Item: toItem(keys.snapshot(stored.unitId, stored.measureKey, stored.period), stored) }));
    },

    listPhases: (unitId: string, key: string) =>
      listRange(ChartPhaseSchema, keys.seriesPartition(unitId, key).PK, keys.chartPhasePrefix(), {}),

    async createPhase(phase: ChartPhase): Promise<void> {
      const stored = ChartPhaseSchema.parse(phase);
      await transact(
        [
          conditionalPut(keys.chartPhase(stored.unitId, stored.measureKey, stored.startPeriod), stored, undefined),
          audit.putItem({
            unitId: stored.unitId,
            actor: stored.createdBy,
            entity: { type: 'chartPhase', id: `${stored.measureKey}/${stored.startPeriod}` },
            action: 'create',
            changes: diffFields({}, { startPeriod: stored.startPeriod, reason: stored.reason, cycleId: stored.cycleId }),
            at: stored.createdAt,
          }),
        ],
        `A phase starting at ${stored.startPeriod}`,
        'exists',
      );
    },

    async putAreaStatus(status: AreaStatus): Promise<void> {
      const stored = AreaStatusSchema.parse(status);
      await doc.send(new PutCommand({ TableName: tableName, Item: toItem(keys.areaStatus(stored.areaId, stored.unitId), stored) }));
    },

    /** The leadership view of an area: one Query. */
    async listAreaStatus(areaId: string): Promise<AreaStatus[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.areaStatus(areaId, '').PK, ':prefix': keys.areaStatusPrefix() },
      });
      return items.map((item) => fromItem(AreaStatusSchema, item));
    },
  };
}
export type MeasurementRepository = ReturnType<typeof createMeasurementRepository>;
