import type { BusinessMetric } from '../../functions/metrics/business-metrics.js';
import { describe, expect, it } from 'vitest';
import { measureCatalogueByKey } from '../../functions/domain/measure-catalogue.js';
import { addPeriods } from '../../functions/domain/period.js';
import { roundPeriod } from '../../functions/domain/round-schedule.js';
import { fieldsOf, type UnitMeasure } from '../../functions/domain/unit-measure.js';
import { createOutboxNotifier } from '../../functions/notify/outbox-notifier.js';
import { createOutboxRepository } from '../../functions/store/outbox-repository.js';
import { createRoundMail } from '../../functions/notify/round-mail.js';
import { createAreaRepository } from '../../functions/store/area-repository.js';
import { createCycleRepository } from '../../functions/store/cycle-repository.js';
import { createMeasurementRepository } from '../../functions/store/measurement-repository.js';
import { createMemberDirectory } from '../../functions/store/member-directory.js';
import { createPeopleRepository } from '../../functions/store/people-repository.js';
import { createRoundRepository } from '../../functions/store/round-repository.js';
import { createDerivedItems } from '../../functions/app/derived-items.js';
import { roundSteps } from '../../functions/app/workflow/round-steps.js';
import { createUnitRepository } from '../../functions/store/unit-repository.js';
import { createRoundTasks } from '../../functions/tasks/round-tasks.js';
import { createTaskDispatcher } from '../../functions/tasks/workflow-task.js';
import { loadLocalDefinitions } from '../../workflows/definitions.js';
import { createLocalEngine } from '../../workflows/engine/local-engine.js';
import { resumeRunningRounds } from '../../functions/app/workflow/resume-rounds.js';
import { until } from '../support/cycle-flow.js';
import { createTestTable } from '../support/test-table.js';

const SYSTEM = { type: 'system' as const, name: 'test' };

/** A small organisation of its own: one area, a unit that has logged its figures and one that has not. */
async function setUp(waitOverridesMs: Record<string, number> = { WaitForDeadline: 0, WaitForEscalation: 0 }) {
  const db = await createTestTable();
  const areas = createAreaRepository(db);
  const units = createUnitRepository(db);
  const people = createPeopleRepository(db);
  const measurements = createMeasurementRepository(db);
  await areas.create({ id: 'testi', name: { fi: 'Testialue', sv: 'Testområde', en: 'Test area' } });
  for (const id of ['alfa', 'beeta']) {
    await units.create({ id, areaId: 'testi', name: { fi: `Asema ${id}`, sv: `Station ${id}`, en: `Station ${id}` }, kind: 'healthStation', municipality: 'Testi' });
  }
  const person = (id: string, locale: 'fi' | 'sv' | 'en') => people.create({ id, name: id, email: `${id}@sykli.example`, locale });
  await person('esihenkilo-alfa', 'fi');
  await person('esihenkilo-beeta', 'sv');
  await person('valmentaja', 'fi');
  await people.addMembership({ personId: 'esihenkilo-alfa', role: 'supervisor', areaId: 'testi', unitId: 'alfa' });
  await people.addMembership({ personId: 'esihenkilo-beeta', role: 'supervisor', areaId: 'testi', unitId: 'beeta' });
  await people.addMembership({ personId: 'valmentaja', role: 'coach', areaId: 'testi', unitId: 'beeta' });

  const scheduledTime = new Date();
  const period = roundPeriod('weekly', scheduledTime);
  const t3 = measureCatalogueByKey('t3')!;
  for (const unitId of ['alfa', 'beeta']) {
    const now = new Date().toISOString();
    const measure: UnitMeasure = {
      unitId, key: 't3', source: 'catalogue', frequency: 'weekly', target: { value: 7, by: null },
      versions: [{ definitionVersion: 1, validFrom: addPeriods(period, -10), catalogueVersion: 1, fields: fieldsOf(t3), reason: '' }],
      createdAt: now, updatedAt: now, version: 1,
    };
    await measurements.writeUnitMeasure(null, measure, 'create', SYSTEM);
    // Both have history; only alfa has this round's figure.
    const last = unitId === 'alfa' ? 0 : -1;
    for (let i = -8; i <= last; i++) {
      await measurements.writeMeasurement(
        {
          existing: undefined,
          next: {
            unitId, measureKey: 't3', period: addPeriods(period, i), value: 10 + (i % 3), numerator: null, denominator: null, note: '',
            definitionVersion: 1, enteredBy: SYSTEM, enteredAt: now, version: 1,
          },
        },
        SYSTEM,
      );
    }
  }

  const rounds = createRoundRepository(db);
  const counted: [BusinessMetric, number][] = [];
  const engineWith = (waits: Record<string, number>) => createLocalEngine({
    definitions: loadLocalDefinitions(['measurementRound']),
    dispatch: createTaskDispatcher(tasks),
    waitOverridesMs: waits,
  });
  const tasks = createRoundTasks(
    roundSteps({
      areas, units, measurements, rounds,
      derived: createDerivedItems({ measurements, cycles: createCycleRepository(db) }),
      members: createMemberDirectory(db),
      roundMail: createRoundMail({ notifier: createOutboxNotifier(createOutboxRepository(db)), webUrl: 'http://sykli.test' }),
      metrics: { count: (metric, value = 1) => counted.push([metric, value]) },
    }),
  );
  const engine = engineWith(waitOverridesMs);
  return { db, engine, engineWith, rounds, measurements, counted, outbox: createOutboxRepository(db), period, scheduledTime: scheduledTime.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

describe('measurement-round.asl.json in the local engine, with the real tasks and DynamoDB Local', () => {
  it('opens the period, reminds the late unit, escalates to its coach, computes snapshots and refreshes the area', async () => {
    const t = await setUp();
    expect(await t.engine.start('measurementRound', 'round-1', { frequency: 'weekly', scheduledTime: t.scheduledTime })).toBe('started');
    const done = await t.engine.waitFor('round-1');
    expect(done.error).toBeUndefined();
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output).toMatchObject({ round: { claimed: true, period: t.period }, result: { unitCount: 2, lateCount: 1 } });
    expect(t.counted).toContainEqual(['RoundUnitsLate', 1]);

    const { items } = await t.outbox.list({ limit: 50 });
    const sent = items.map((m) => ({ kind: m.kind, to: m.to[0], unit: m.about.unitId })).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(sent).toEqual([
      { kind: 'round-escalation', to: 'valmentaja@sykli.example', unit: 'beeta' },
      { kind: 'round-opened', to: 'esihenkilo-beeta@sykli.example', unit: 'beeta' },
      { kind: 'round-reminder', to: 'esihenkilo-beeta@sykli.example', unit: 'beeta' },
    ]);
    // Each in the recipient's language: the supervisor of beeta reads Swedish, the coach Finnish.
    expect(items.find((m) => m.kind === 'round-reminder')?.subject).toMatch(/^Påminnelse/);
    expect(items.find((m) => m.kind === 'round-escalation')?.text).toMatch(/valmentamasi yksikön/);

    const parts = await t.rounds.listUnits('weekly', t.period);
    expect(Object.fromEntries(parts.map((p) => [p.unitId, p.status]))).toEqual({ alfa: 'complete', beeta: 'escalated' });
    expect((await t.rounds.get('weekly', t.period))?.status).toBe('done');

    const snapshots = await t.measurements.listSnapshots('alfa', 't3', { from: t.period, to: t.period });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ period: t.period, value: 10 });
    expect(snapshots[0]?.cl).not.toBeNull();
    const status = await t.measurements.listAreaStatus('testi');
    expect(status.map((s) => s.unitId).sort()).toEqual(['alfa', 'beeta']);
    expect(status.find((s) => s.unitId === 'alfa')?.measures[0]).toMatchObject({ measureKey: 't3', latestPeriod: t.period, latestValue: 10, target: 7 });

    // A second start for the same scheduled time does nothing.
    await t.engine.start('measurementRound', 'round-1-again', { frequency: 'weekly', scheduledTime: t.scheduledTime });
    const again = await t.engine.waitFor('round-1-again');
    expect(again.status).toBe('SUCCEEDED');
    expect(again.output).toMatchObject({ round: { claimed: false } });
    expect((await t.outbox.list({ limit: 50 })).items).toHaveLength(3);
    await t.engine.stop();
  });

  it.each([
    ['waiting for the reminder deadline', 'WaitForDeadline', ['round-opened']],
    ['waiting to escalate', 'WaitForEscalation', ['round-opened', 'round-reminder']],
  ])('is resumed after the local runtime stops while %s, and sends each message once', async (_what, stopIn, sentBefore) => {
    const t = await setUp({ WaitForDeadline: 0, WaitForEscalation: 0, [stopIn]: 600_000 });
    await t.engine.start('measurementRound', 'round-stopped', { frequency: 'weekly', scheduledTime: t.scheduledTime });
    const kinds = async () => (await t.outbox.list({ limit: 50 })).items.map((m) => m.kind).sort();
    await until(async () => (await kinds()).length === sentBefore.length, 'the messages before the stop');
    await t.engine.stop();
    expect(await kinds()).toEqual(sentBefore);
    expect((await t.rounds.get('weekly', t.period))?.status).toBe('running');

    const restarted = t.engineWith({ WaitForDeadline: 0, WaitForEscalation: 0 });
    const [name] = await resumeRunningRounds({ rounds: t.rounds, workflows: restarted });
    expect(name).toMatch(/^round-weekly-.+-resumed-/);
    expect((await restarted.waitFor(name!)).status).toBe('SUCCEEDED');
    expect(await kinds()).toEqual(['round-escalation', 'round-opened', 'round-reminder']);
    expect(await t.rounds.get('weekly', t.period)).toMatchObject({ status: 'done', claimedBy: name, unitCount: 2, lateCount: 1 });
    // A round that is done is not resumed again.
    expect(await resumeRunningRounds({ rounds: t.rounds, workflows: restarted })).toEqual([]);
    await restarted.stop();
  });
});

