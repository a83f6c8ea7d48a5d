import { z } from 'zod';
import { toWorkflowTimestamp } from '../domain/helsinki-time.js';
import { IdSchema } from '../domain/ids.js';
import { FrequencySchema } from '../domain/measure.js';
import { PeriodSchema } from '../domain/period.js';
import { roundDeadlines, roundPeriod } from '../domain/round-schedule.js';
import type { Unit } from '../domain/unit.js';
import type { RoundMail, RoundMailKind } from '../notify/round-mail.js';
import type { AreaRepository } from '../store/area-repository.js';
import type { MeasurementRepository } from '../store/measurement-repository.js';
import type { MemberDirectory } from '../store/member-directory.js';
import type { RoundRepository, RoundUnit } from '../store/round-repository.js';
import type { SeriesRefresh } from '../store/series-refresh.js';
import type { UnitRepository } from '../store/unit-repository.js';
import { defineTask, type WorkflowTask } from './workflow-task.js';

export type RoundTaskDeps = {
  areas: Pick<AreaRepository, 'list'>;
  units: Pick<UnitRepository, 'get' | 'listAllOfArea'>;
  measurements: MeasurementRepository;
  seriesRefresh: SeriesRefresh;
  rounds: RoundRepository;
  members: Pick<MemberDirectory, 'unitPeople'>;
  roundMail: RoundMail;
  now?: () => Date;
};

const RoundRef = z.object({ frequency: FrequencySchema, period: PeriodSchema });
const UnitRef = RoundRef.extend({ unitId: IdSchema });

/**
 * The measurement-round state machine's tasks. Each is idempotent: the round and each unit's part
 * are claimed or opened with conditional writes, and a notification is marked on the unit's part
 * once sent, so a retried task sends nothing twice. Payloads carry ids and counts, never series.
 */
export function createRoundTasks(deps: RoundTaskDeps): WorkflowTask[] {
  const now = deps.now ?? (() => new Date());
  const roundId = (ref: { frequency: string; period: string }) => `${ref.frequency}/${ref.period}`;

  async function unitOf(unitId: string): Promise<Unit> {
    const unit = await deps.units.get(unitId);
    if (!unit) throw new Error(`Unit ${unitId} does not exist.`);
    return unit;
  }

  async function partOf(ref: z.infer<typeof UnitRef>): Promise<RoundUnit> {
    const part = await deps.rounds.getUnit(ref.frequency, ref.period, ref.unitId);
    if (!part) throw new Error(`Unit ${ref.unitId} has no part in round ${roundId(ref)}.`);
    return part;
  }

  async function missingOf(part: RoundUnit): Promise<string[]> {
    const present = await Promise.all(part.measureKeys.map((key) => deps.measurements.getMeasurement(part.unitId, key, part.period)));
    return part.measureKeys.filter((_, i) => !present[i]);
  }

  /** Sends once per unit part: the marker is written after a successful send. */
  async function notifyOnce(part: RoundUnit, marker: string, send: () => Promise<void>, status?: RoundUnit['status']): Promise<void> {
    if (part.notified.includes(marker)) return;
    await send();
    await deps.rounds.updateUnit(part, { notified: marker, status }, now().toISOString());
  }

  async function notify(kind: RoundMailKind, part: RoundUnit, to: 'supervisors' | 'coaches', deadline: Date, missing: string[]) {
    const unit = await unitOf(part.unitId);
    const people = await deps.members.unitPeople(part.unitId);
    await deps.roundMail.send(kind, people[to], { unit, period: part.period, deadline, missing }, roundId(part));
  }

  /** After a deadline: marks the part complete if all figures came, otherwise tells `to` once. */
  async function chaseIfLate(
    ref: z.infer<typeof UnitRef>,
    kind: RoundMailKind,
    to: 'supervisors' | 'coaches',
    marker: string,
    status: RoundUnit['status'],
  ): Promise<{ late: boolean }> {
    const part = await partOf(ref);
    const missing = await missingOf(part);
    if (missing.length === 0) {
      if (part.status !== 'complete') await deps.rounds.updateUnit(part, { status: 'complete' }, now().toISOString());
      return { late: false };
    }
    await notifyOnce(part, marker, () => notify(kind, part, to, roundDeadlines(ref.period).escalateAt, missing), status);
    return { late: true };
  }

  return [
    defineTask({
      name: 'claimRound',
      input: z.object({ frequency: FrequencySchema, scheduledTime: z.iso.datetime(), executionId: z.string().min(1), startTime: z.string().min(1) }),
      async run({ frequency, scheduledTime, executionId, startTime }) {
        const period = roundPeriod(frequency, new Date(scheduledTime));
        const claimed = await deps.rounds.claim({ frequency, period, scheduledTime, claimedBy: `${executionId}@${startTime}`, startedAt: now().toISOString() });
        const { remindAt, escalateAt } = roundDeadlines(period);
        return { claimed: claimed === 'claimed', period, remindAt: toWorkflowTimestamp(remindAt), escalateAt: toWorkflowTimestamp(escalateAt) };
      },
    }),
    defineTask({
      name: 'findDueUnits',
      input: RoundRef,
      async run({ frequency }) {
        const unitIds: string[] = [];
        const areaIds: string[] = [];
        for (const area of await deps.areas.list()) {
          areaIds.push(area.id);
          for (const unit of await deps.units.listAllOfArea(area.id)) {
            const measures = await deps.measurements.listUnitMeasures(unit.id);
            if (measures.some((m) => m.frequency === frequency)) unitIds.push(unit.id);
          }
        }
        return { unitIds, areaIds, unitCount: unitIds.length };
      },
    }),
    defineTask({
      name: 'openUnitPeriod',
      input: UnitRef,
      async run(ref) {
        const unit = await unitOf(ref.unitId);
        const measureKeys = (await deps.measurements.listUnitMeasures(unit.id)).filter((m) => m.frequency === ref.frequency).map((m) => m.key);
        const part = await deps.rounds.openUnit({ ...ref, areaId: unit.areaId, measureKeys, updatedAt: now().toISOString() });
        const missing = await missingOf(part);
        if (missing.length === 0) {
          if (part.status === 'open') await deps.rounds.updateUnit(part, { status: 'complete' }, now().toISOString());
          return { unitId: ref.unitId, complete: true };
        }
        await notifyOnce(part, 'opened', () => notify('round-opened', part, 'supervisors', roundDeadlines(ref.period).remindAt, missing));
        return { unitId: ref.unitId, complete: false };
      },
    }),
    defineTask({ name: 'remindIfLate', input: UnitRef, run: (ref) => chaseIfLate(ref, 'round-reminder', 'supervisors', 'reminder', 'reminded') }),
    defineTask({ name: 'escalateIfLate', input: UnitRef, run: (ref) => chaseIfLate(ref, 'round-escalation', 'coaches', 'escalation', 'escalated') }),
    defineTask({
      name: 'computeUnitSnapshots',
      input: UnitRef,
      async run(ref) {
        const measures = (await deps.measurements.listUnitMeasures(ref.unitId)).filter((m) => m.frequency === ref.frequency);
        for (const measure of measures) await deps.seriesRefresh.refreshSnapshot(measure, now(), ref.period);
        return { unitId: ref.unitId, snapshots: measures.length };
      },
    }),
    defineTask({
      name: 'refreshAreaStatus',
      input: z.object({ areaId: IdSchema }),
      async run({ areaId }) {
        const units = await deps.units.listAllOfArea(areaId);
        for (const unit of units) await deps.seriesRefresh.refreshUnitStatus(unit, now());
        return { areaId, units: units.length };
      },
    }),
    defineTask({
      name: 'finishRound',
      input: RoundRef,
      async run(ref) {
        const parts = await deps.rounds.listUnits(ref.frequency, ref.period);
        const lateCount = parts.filter((p) => p.status === 'escalated').length;
        await deps.rounds.finish(ref.frequency, ref.period, { status: 'done', unitCount: parts.length, lateCount, failure: null }, now().toISOString());
        return { unitCount: parts.length, lateCount };
      },
    }),
    defineTask({
      name: 'recordRoundFailure',
      input: RoundRef.extend({ failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose() }),
      async run({ frequency, period, failure }) {
        const error = (failure.Error ?? 'Unknown').slice(0, 200);
        const cause = (failure.Cause ?? '').slice(0, 2000);
        const parts = await deps.rounds.listUnits(frequency, period);
        await deps.rounds.finish(frequency, period, { status: 'failed', unitCount: parts.length, lateCount: 0, failure: { error, cause } }, now().toISOString());
        return { recorded: true };
      },
    }),
  ];
}
