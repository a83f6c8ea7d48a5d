import { describe, expect, it } from 'vitest';
import { toWorkflowTimestamp } from '../../functions/domain/helsinki-time.js';
import { digestExecutionName, digestWeek } from '../../functions/domain/weekly-digest.js';
import type { Notifier, OutgoingMessage } from '../../functions/notify/notifier.js';
import { createOutboxNotifier } from '../../functions/notify/outbox-notifier.js';
import { createLocalWorkflows } from '../../functions/runtime/local-workflows.js';
import { createRepositories } from '../../functions/runtime/repositories.js';
import { createOutboxRepository } from '../../functions/store/outbox-repository.js';
import { createTestTable } from '../support/test-table.js';

/** A small organisation of its own: one area and unit, its coach, supervisor and leader, a coach who opted out and one deactivated. */
async function setUp(notifier?: (outbox: Notifier) => Notifier) {
  const db = await createTestTable();
  const r = createRepositories(db);
  await r.areas.create({ id: 'testi', name: { fi: 'Testialue', sv: 'Testområde', en: 'Test area' } });
  await r.units.create({ id: 'alfa', areaId: 'testi', name: { fi: 'Asema alfa', sv: 'Station alfa', en: 'Station alfa' }, kind: 'healthStation', municipality: 'Testi' });
  const person = async (id: string, locale: 'fi' | 'sv' | 'en', role: 'coach' | 'supervisor' | 'leader', extra: { digest?: boolean; deactivatedAt?: string } = {}) => {
    await r.people.create({ id, name: id, email: `${id}@sykli.example`, locale, ...extra });
    await r.people.addMembership(role === 'leader' ? { personId: id, role, areaId: 'testi' } : { personId: id, role, areaId: 'testi', unitId: 'alfa' });
  };
  await person('valmentaja', 'fi', 'coach');
  await person('ledare', 'sv', 'leader');
  await person('esihenkilo', 'fi', 'supervisor');
  await person('ei-kiitos', 'fi', 'coach', { digest: false });
  await person('lahtenyt', 'en', 'leader', { deactivatedAt: new Date().toISOString() });

  const outbox = createOutboxRepository(db);
  const toOutbox = createOutboxNotifier(outbox);
  const { engine } = createLocalWorkflows(db, { notifier: notifier ? notifier(toOutbox) : toOutbox, webUrl: 'http://sykli.test', machines: ['weeklyDigest'] });
  const scheduledTime = new Date();
  const run = async (name: string) => {
    expect(await engine.start('weeklyDigest', name, { scheduledTime: toWorkflowTimestamp(scheduledTime) })).toBe('started');
    return engine.waitFor(name);
  };
  const sent = async () => (await outbox.list({ limit: 100 })).items.filter((m) => m.kind === 'weekly-digest');
  return { r, engine, run, sent, scheduledTime };
}

describe('weekly-digest.asl.json in the local engine, with the real tasks and DynamoDB Local', () => {
  it("sends each coach and leader their digest in their language, skips the opted-out and deactivated, and sends nothing on the week's second run", async () => {
    const t = await setUp();
    const first = await t.run(digestExecutionName(t.scheduledTime));
    expect(first.error).toBeUndefined();
    expect(first.status).toBe('SUCCEEDED');
    const sent = await t.sent();
    expect(sent.map((m) => m.to[0]).sort()).toEqual(['ledare@sykli.example', 'valmentaja@sykli.example']);
    expect(sent.find((m) => m.to[0] === 'ledare@sykli.example')!.subject).toMatch(/^Sykli: veckosammandrag \(v\. \d+\/\d{4}\)$/);
    expect(sent.find((m) => m.to[0] === 'valmentaja@sykli.example')!.subject).toMatch(/^Sykli: viikkokooste/);
    const week = digestWeek(t.scheduledTime);
    expect(await t.r.digests.get(week, 'valmentaja')).toMatchObject({ status: 'sent', claimedBy: digestExecutionName(t.scheduledTime) });
    expect(await t.r.digests.get(week, 'ei-kiitos')).toBeUndefined();

    const again = await t.run('digest-again');
    expect(again.status).toBe('SUCCEEDED');
    expect((await t.sent()).length).toBe(2);
  });

  it('a send that failed is retried by the same execution, and the digest still arrives only once', async () => {
    let failures = 1;
    const t = await setUp((outbox) => ({
      async send(message: OutgoingMessage) {
        // The first digest to the coach fails as SES might: the Task's Retry runs it again.
        if (message.to[0] === 'valmentaja@sykli.example' && failures-- > 0) throw Object.assign(new Error('Throttled'), { name: 'Lambda.TooManyRequestsException' });
        await outbox.send(message);
      },
    }));
    const done = await t.run('digest-retried');
    expect(done.status).toBe('SUCCEEDED');
    expect((await t.sent()).map((m) => m.to[0]).sort()).toEqual(['ledare@sykli.example', 'valmentaja@sykli.example']);
  });
});
