import type { Frequency } from '../../domain/measure.js';
import { roundDeadlines, roundPeriod } from '../../domain/round-schedule.js';
import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import type { Unit } from '../../domain/unit.js';
import { isTracked, versionAt } from '../../domain/unit-measure.js';
import type { RoundMail, RoundMailKind } from '../../notify/round-mail.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { MemberDirectory } from '../../store/member-directory.js';
import type { RoundRepository, RoundUnit } from '../../store/round-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import type { DerivedItems } from '../derived-items.js';

export type RoundRef = { frequency: Frequency; period: string };
export type RoundUnitRef = RoundRef & { unitId: string };

export type RoundStepDeps = {
  areas: Pick<AreaRepository, 'list'>;
  units: Pick<UnitRepository, 'get' | 'listAllOfArea'>;
  measurements: Pick<MeasurementRepository, 'listUnitMeasures' | 'getMeasurement'>;
  derived: Pick<DerivedItems, 'refreshSnapshot' | 'refreshUnitStatus'>;
  rounds: RoundRepository;
  members: Pick<MemberDirectory, 'unitPeople'>;
  roundMail: RoundMail;
  metrics: BusinessMetrics;
  now?: () => Date;
};

/**
 * The steps of the measurement-round state machine. Each is idempotent: the round and each unit's
 * part are claimed or opened with conditional writes, and a notification is marked on the unit's
 * part once sent, so a retried step sends nothing twice. Payloads carry ids and counts, never series.
 */
export function roundSteps(deps: RoundStepDeps) {
  const now = deps.now ?? (() => new Date());
  const roundId = (ref: RoundRef) => `${ref.frequency}/${ref.period}`;

  async function unitOf(unitId: string): Promise<Unit> {
    const unit = await deps.units.get(unitId);
    if (!unit) throw new Error(`Unit ${unitId} does not exist.`);
    return unit;
  }

  async function partOf(ref: RoundUnitRef): Promise<RoundUnit> {
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
    // People read the measures by name, in their own language; the key is only for machines.
    const named = new Map((await deps.measurements.listUnitMeasures(part.unitId)).map((m) => [m.key, versionAt(m, part.period).fields.name]));
    const missingNames = missing.map((key) => named.get(key) ?? { fi: key, sv: key, en: key });
    await deps.roundMail.send(kind, people[to], { unit, period: part.period, deadline, missing: missingNames }, roundId(part));
  }

  /** After a deadline: marks the part complete if all figures came, otherwise tells `to` once. */
  async function chaseIfLate(ref: RoundUnitRef, kind: RoundMailKind, to: 'supervisors' | 'coaches', marker: string, status: RoundUnit['status']) {
    const part = await partOf(ref);
    const missing = await missingOf(part);
    if (missing.length === 0) {
      if (part.status !== 'complete') await deps.rounds.updateUnit(part, { status: 'complete' }, now().toISOString());
      return { late: false };
    }
    await notifyOnce(part, marker, () => notify(kind, part, to, roundDeadlines(ref.period).escalateAt, missing), status);
    return { late: true };
  }

  return {
    /** The first execution for a period owns its round; another for the same period ends at once. */
    async claimRound(input: { frequency: Frequency; scheduledTime: string; executionName: string }) {
      const period = roundPeriod(input.frequency, new Date(input.scheduledTime));
      const claimed = await deps.rounds.claim({
        frequency: input.frequency,
        period,
        scheduledTime: input.scheduledTime,
        claimedBy: input.executionName,
        startedAt: now().toISOString(),
      });
      const { remindAt, escalateAt } = roundDeadlines(period);
      return { claimed: claimed === 'claimed', period, remindAt: toWorkflowTimestamp(remindAt), escalateAt: toWorkflowTimestamp(escalateAt) };
    },

    /** The units with a measure of the round's frequency, and every area (whose status items the round refreshes). */
    async findDueUnits({ frequency }: RoundRef) {
      const unitIds: string[] = [];
      const areaIds: string[] = [];
      for (const area of await deps.areas.list()) {
        areaIds.push(area.id);
        for (const unit of await deps.units.listAllOfArea(area.id)) {
          if (unit.closedAt) continue;
          const measures = await deps.measurements.listUnitMeasures(unit.id);
          if (measures.some((m) => isTracked(m) && m.frequency === frequency)) unitIds.push(unit.id);
        }
      }
      return { unitIds, areaIds, unitCount: unitIds.length };
    },

    async openUnitPeriod(ref: RoundUnitRef) {
      const unit = await unitOf(ref.unitId);
      const measureKeys = (await deps.measurements.listUnitMeasures(unit.id)).filter((m) => isTracked(m) && m.frequency === ref.frequency).map((m) => m.key);
      const part = await deps.rounds.openUnit({ ...ref, areaId: unit.areaId, measureKeys, updatedAt: now().toISOString() });
      const missing = await missingOf(part);
      if (missing.length === 0) {
        if (part.status === 'open') await deps.rounds.updateUnit(part, { status: 'complete' }, now().toISOString());
        return { unitId: ref.unitId, complete: true };
      }
      await notifyOnce(part, 'opened', () => notify('round-opened', part, 'supervisors', roundDeadlines(ref.period).remindAt, missing));
      return { unitId: ref.unitId, complete: false };
    },

    remindIfLate: (ref: RoundUnitRef) => chaseIfLate(ref, 'round-reminder', 'supervisors', 'reminder', 'reminded'),
    escalateIfLate: (ref: RoundUnitRef) => chaseIfLate(ref, 'round-escalation', 'coaches', 'escalation', 'escalated'),

    async computeUnitSnapshots(ref: RoundUnitRef) {
      const measures = (await deps.measurements.listUnitMeasures(ref.unitId)).filter((m) => isTracked(m) && m.frequency === ref.frequency);
      for (const measure of measures) await deps.derived.refreshSnapshot(measure, now(), ref.period);
      return { unitId: ref.unitId, snapshots: measures.length };
    },

    async refreshAreaStatus({ areaId }: { areaId: string }) {
      const units = await deps.units.listAllOfArea(areaId);
      for (const unit of units) await deps.derived.refreshUnitStatus(unit, now());
      return { areaId, units: units.length };
    },

    async finishRound(ref: RoundRef) {
      const parts = await deps.rounds.listUnits(ref.frequency, ref.period);
      const lateCount = parts.filter((p) => p.status === 'escalated').length;
      await deps.rounds.finish(ref.frequency, ref.period, { status: 'done', unitCount: parts.length, lateCount, failure: null }, now().toISOString());
      deps.metrics.count('RoundUnitsLate', lateCount);
      return { unitCount: parts.length, lateCount };
    },

    async recordRoundFailure({ frequency, period, failure }: RoundRef & { failure: { Error?: string; Cause?: string } }) {
      const error = (failure.Error ?? 'Unknown').slice(0, 200);
      const cause = (failure.Cause ?? '').slice(0, 2000);
      const parts = await deps.rounds.listUnits(frequency, period);
      await deps.rounds.finish(frequency, period, { status: 'failed', unitCount: parts.length, lateCount: 0, failure: { error, cause } }, now().toISOString());
      return { recorded: true };
    },
  };
}
