import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { IdSchema } from '../domain/ids.js';
import { FrequencySchema, MeasureKeySchema } from '../domain/measure.js';
import { PeriodSchema } from '../domain/period.js';
import type { Db } from './document-client.js';
import { isConditionalCheckFailed } from './errors.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

/** One measurement round: per frequency and period, claimed by the first execution that gets there. */
export const MeasurementRoundSchema = z
  .object({
    frequency: FrequencySchema,
    period: PeriodSchema,
    scheduledTime: z.iso.datetime(),
    /** The execution that owns the round; a retry of the same execution finds itself here. */
    claimedBy: z.string().min(1).max(400),
    status: z.enum(['running', 'done', 'failed']),
    unitCount: z.number().int().min(0),
    lateCount: z.number().int().min(0),
    failure: z.object({ error: z.string().max(200), cause: z.string().max(2000) }).nullable(),
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'MeasurementRound' });
export type MeasurementRound = z.infer<typeof MeasurementRoundSchema>;

export const ROUND_UNIT_STATUSES = ['open', 'complete', 'reminded', 'escalated'] as const;

/** A unit's part in a round: which measures are due, where it stands, what it was told already. */
export const RoundUnitSchema = z
  .object({
    frequency: FrequencySchema,
    period: PeriodSchema,
    unitId: IdSchema,
    areaId: IdSchema,
    measureKeys: z.array(MeasureKeySchema).max(50),
    status: z.enum(ROUND_UNIT_STATUSES),
    /** Notifications already sent ('opened', 'reminder', 'escalation'), so a retry sends none twice. */
    notified: z.array(z.string().max(32)).max(10),
    updatedAt: z.iso.datetime(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'RoundUnit' });
export type RoundUnit = z.infer<typeof RoundUnitSchema>;

export function createRoundRepository({ doc, tableName }: Db) {
  const repository = {
    /**
     * Claims the round with a conditional put. 'claimed' also for the claimant itself (a retried
     * task); another execution for the same period gets 'taken' and ends at once.
     */
    async claim(round: Omit<MeasurementRound, 'status' | 'unitCount' | 'lateCount' | 'failure' | 'updatedAt' | 'version'>): Promise<'claimed' | 'taken'> {
      const stored = MeasurementRoundSchema.parse({ ...round, status: 'running', unitCount: 0, lateCount: 0, failure: null, updatedAt: round.startedAt, version: 1 });
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(keys.measurementRound(stored.frequency, stored.period), stored),
            ConditionExpression: 'attribute_not_exists(PK) OR claimedBy = :me',
            ExpressionAttributeValues: { ':me': stored.claimedBy },
          }),
        );
        return 'claimed';
      } catch (error) {
        if (isConditionalCheckFailed(error)) return 'taken';
        throw error;
      }
    },

    async get(frequency: string, period: string): Promise<MeasurementRound | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.measurementRound(frequency, period) }));
      return Item ? fromItem(MeasurementRoundSchema, Item) : undefined;
    },

    async finish(frequency: string, period: string, outcome: Pick<MeasurementRound, 'status' | 'unitCount' | 'lateCount' | 'failure'>, at: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.measurementRound(frequency, period),
          UpdateExpression: 'SET #status = :status, unitCount = :units, lateCount = :late, failure = :failure, updatedAt = :at, #version = #version + :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':status': outcome.status, ':units': outcome.unitCount, ':late': outcome.lateCount, ':failure': outcome.failure, ':at': at, ':one': 1 },
        }),
      );
    },

    /** Opens a unit's part once; opening it again leaves it as it is. */
    async openUnit(unit: Omit<RoundUnit, 'status' | 'notified' | 'version'>): Promise<RoundUnit> {
      const stored = RoundUnitSchema.parse({ ...unit, status: 'open', notified: [], version: 1 });
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(keys.measurementRoundUnit(stored.frequency, stored.period, stored.unitId), stored),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return stored;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        return (await repository.getUnit(stored.frequency, stored.period, stored.unitId))!;
      }
    },

    async getUnit(frequency: string, period: string, unitId: string): Promise<RoundUnit | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.measurementRoundUnit(frequency, period, unitId) }));
      return Item ? fromItem(RoundUnitSchema, Item) : undefined;
    },

    async listUnits(frequency: string, period: string): Promise<RoundUnit[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.measurementRoundPartition(frequency, period).PK, ':prefix': keys.measurementRoundUnit(frequency, period, '').SK },
      });
      return items.map((item) => fromItem(RoundUnitSchema, item));
    },

    /** Sets the unit's status and adds a sent-notification marker; last writer wins, as each marker is written once. */
    async updateUnit(unit: RoundUnit, changes: { status?: RoundUnit['status']; notified?: string }, at: string): Promise<RoundUnit> {
      const next = RoundUnitSchema.parse({
        ...unit,
        status: changes.status ?? unit.status,
        notified: changes.notified && !unit.notified.includes(changes.notified) ? [...unit.notified, changes.notified] : unit.notified,
        updatedAt: at,
        version: unit.version + 1,
      });
      await doc.send(new PutCommand({ TableName: tableName, Item: toItem(keys.measurementRoundUnit(unit.frequency, unit.period, unit.unitId), next) }));
      return next;
    },
  };
  return repository;
}
export type RoundRepository = ReturnType<typeof createRoundRepository>;
