import * as z from 'zod';
import { IdSchema } from '../domain/ids.js';
import { FrequencySchema, MAX_TRACKED_MEASURES, MeasureKeySchema } from '../domain/measure.js';
import { PeriodSchema } from '../domain/period.js';
import type { Db } from './document-client.js';
import { onConflict } from './errors.js';
import { keys } from './keys.js';
import { createTable } from './table.js';

/** One measurement round: per frequency and period, claimed by the first execution that gets there. */
export const MeasurementRoundSchema = z
  .object({
    frequency: FrequencySchema,
    period: PeriodSchema,
    scheduledTime: z.iso.datetime(),
    /** The name of the execution that owns the round; a retry of the same execution finds itself here. */
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
    measureKeys: z.array(MeasureKeySchema).max(MAX_TRACKED_MEASURES),
    status: z.enum(ROUND_UNIT_STATUSES),
    /** Notifications already sent ('opened', 'reminder', 'escalation'), so a retry sends none twice. */
    notified: z.array(z.string().max(32)).max(10),
    updatedAt: z.iso.datetime(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'RoundUnit' });
export type RoundUnit = z.infer<typeof RoundUnitSchema>;

export function createRoundRepository(db: Db) {
  const table = createTable(db);
  const getUnit = (frequency: string, period: string, unitId: string): Promise<RoundUnit | undefined> =>
    table.get(RoundUnitSchema, keys.measurementRoundUnit(frequency, period, unitId));

  return {
    /**
     * Claims the round with a conditional put. 'claimed' also for the claimant itself (a retried
     * task); another execution for the same period gets 'taken' and ends at once.
     */
    async claim(round: Omit<MeasurementRound, 'status' | 'unitCount' | 'lateCount' | 'failure' | 'updatedAt' | 'version'>): Promise<'claimed' | 'taken'> {
      const stored = MeasurementRoundSchema.parse({ ...round, status: 'running', unitCount: 0, lateCount: 0, failure: null, updatedAt: round.startedAt, version: 1 });
      const byMe = { expression: 'claimedBy = :me', values: { ':me': stored.claimedBy } };
      const key = { ...keys.measurementRound(stored.frequency, stored.period), ...keys.roundInList(stored.frequency, stored.period) };
      return table.put(key, stored, { ifAbsent: true, orIf: byMe }).then(() => 'claimed' as const, onConflict(() => 'taken' as const));
    },

    get: (frequency: string, period: string): Promise<MeasurementRound | undefined> =>
      table.get(MeasurementRoundSchema, keys.measurementRound(frequency, period)),

    /** The rounds still running: one Query of the list of rounds, at start-up only. */
    listRunning: (): Promise<MeasurementRound[]> =>
      table.queryAll(MeasurementRoundSchema, { ...keys.rounds(), filter: { expression: '#status = :running', names: { '#status': 'status' }, values: { ':running': 'running' } } }),

    /** Gives a running round to another execution, which goes on from the stored state; a changed round is a ConflictError. */
    async handOver(round: MeasurementRound, claimedBy: string, at: string): Promise<MeasurementRound> {
      return table.update(MeasurementRoundSchema, keys.measurementRound(round.frequency, round.period), { claimedBy, updatedAt: at }, { ifVersion: round.version });
    },

    async finish(frequency: string, period: string, outcome: Pick<MeasurementRound, 'status' | 'unitCount' | 'lateCount' | 'failure'>, at: string): Promise<void> {
      const { status, unitCount, lateCount, failure } = outcome;
      await table.update(MeasurementRoundSchema, keys.measurementRound(frequency, period), { status, unitCount, lateCount, failure, updatedAt: at }, { ifPresent: true });
    },

    /** Opens a unit's part once; opening it again leaves it as it is. */
    async openUnit(unit: Omit<RoundUnit, 'status' | 'notified' | 'version'>): Promise<RoundUnit> {
      const stored = RoundUnitSchema.parse({ ...unit, status: 'open', notified: [], version: 1 });
      return table
        .put(keys.measurementRoundUnit(stored.frequency, stored.period, stored.unitId), stored, { ifAbsent: true })
        .then(() => stored, onConflict(async () => (await getUnit(stored.frequency, stored.period, stored.unitId))!));
    },

    getUnit,

    listUnits: (frequency: string, period: string): Promise<RoundUnit[]> => table.queryAll(RoundUnitSchema, keys.measurementRoundUnits(frequency, period)),

    /** Sets the unit's status and adds a sent-notification marker; last writer wins, as each marker is written once. */
    async updateUnit(unit: RoundUnit, changes: { status?: RoundUnit['status']; notified?: string }, at: string): Promise<RoundUnit> {
      const next = RoundUnitSchema.parse({
        ...unit,
        status: changes.status ?? unit.status,
        notified: changes.notified && !unit.notified.includes(changes.notified) ? [...unit.notified, changes.notified] : unit.notified,
        updatedAt: at,
        version: unit.version + 1,
      });
      await table.put(keys.measurementRoundUnit(unit.frequency, unit.period, unit.unitId), next, { unconditional: true });
      return next;
    },
  };
}
export type RoundRepository = ReturnType<typeof createRoundRepository>;
