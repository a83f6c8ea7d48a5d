import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// First: the API's routes call .openapi() on domain schemas, which exists only on schemas made after @hono/zod-openapi loaded.
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Notifier } from '../../functions/notify/notifier.js';
import { createOutboxNotifier } from '../../functions/notify/outbox-notifier.js';
import { createOutboxRepository } from '../../functions/store/outbox-repository.js';
import { resumeInFlightCycles } from '../../functions/app/workflow/resume-cycles.js';
import { createAreaRepository } from '../../functions/store/area-repository.js';
import { createUnitRepository } from '../../functions/store/unit-repository.js';
import { body, cycleFlow, until } from '../support/cycle-flow.js';
import { createPdsaRuntime } from '../support/pdsa-runtime.js';

/** The outbox's messages of one kind about one cycle. */
async function mails(t: TestApp, cycleId: string, kind?: string) {
  const { items } = await t.pdsa.outbox.list({ limit: 100 });
  return items.filter((m) => m.about.cycleId === cycleId && (!kind || m.kind === kind));
}

describe('pdsa-cycle.asl.json in the local engine, with the real tasks and DynamoDB Local', () => {
  // One app for the decisions: each test plans its own cycle, and each execution ends before the next test.
  describe('with a Do period that ends at once', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ waitOverridesMs: { WaitForDoEnd: 0 } });
    });
    afterAll(() => t.pdsa.engine.stop());

    it.each([
      ['adopt', 'adopted'],
      ['abandon', 'abandoned'],
    ] as const)('opens Study at the Do end, asks the coach for the study review, and applies %s', async (decision, phase) => {
      const flow = cycleFlow(t);
      const cycle = await flow.inDo();
      const asked = await until(async () => {
        const sent = await mails(t, cycle.id, 'study-review-request');
        return sent.length > 0 && sent;
      }, 'the request to schedule the study review');
      expect(await flow.phaseOf(cycle.id)).toBe('studying');
      expect(asked.map((m) => m.to[0])).toHaveLength(flow.people.coaches.length);
      expect(asked[0]!.subject).toMatch(/^Sovi tulosten katselmointi/);

      const review = await flow.startReview(await flow.scheduleStudyReview(cycle.id));
      const invitations = await mails(t, cycle.id, 'review-invitation');
      // Each participant, and the coach who organises it.
      expect(invitations).toHaveLength(flow.people.supervisors.length + 1);
      expect(invitations[0]!.attachments[0]!.content).toContain('METHOD:REQUEST');

      await until(async () => t.pdsa.engine.pendingTokens().length === 1, 'the study-review wait');
      await flow.writeStudy(cycle.id);
      expect((await flow.outcome(cycle.id, review, decision)).status).toBe(200);
      const done = await t.pdsa.engine.waitFor(`${cycle.id}-a1`);
      expect(done.status).toBe('SUCCEEDED');
      expect(await flow.phaseOf(cycle.id)).toBe(phase);
    });

    it('adapt creates the next cycle of the ramp in planning, carrying the learning and linked both ways', async () => {
      const flow = cycleFlow(t);
      const cycle = await flow.inDo();
      await until(async () => (await flow.phaseOf(cycle.id)) === 'studying', 'Study to open');
      // The workflow may still be writing the cycle as Study opens: like any client, read again on 412.
      await until(async () => {
        const studied = await flow.get(cycle.id);
        const patched = await flow.send(`${flow.base}/${cycle.id}`, 'PATCH', flow.people.supervisor, { study: { results: 'Repeat calls 12 → 7 a day', learning: 'Mornings work best' } }, `"${studied.version}"`);
        if (patched.status === 412) return false;
        return body(patched);
      }, 'the study results to be saved');
      const review = await flow.startReview(await flow.scheduleStudyReview(cycle.id));
      await flow.outcome(cycle.id, review, 'adapt');
      await t.pdsa.engine.waitFor(`${cycle.id}-a1`);
      const adapted = await flow.get(cycle.id);
      expect(adapted.phase).toBe('adapted');
      const next = await flow.get(adapted.nextCycleId);
      expect(next).toMatchObject({ phase: 'planning', previousCycleId: cycle.id, title: cycle.title, plan: { doStart: null, doEnd: null } });
      expect(next.objective).toContain('Mornings work best');
      expect(next.objective).toContain('Try it on Mondays too.');
    });
  });

  it('reminds the coach twice when no outcome comes, then flags the cycle overdue and tells supervisors and leaders, and still takes the decision', async () => {
    const t = await createTestApp({ waitOverridesMs: { WaitForDoEnd: 0 }, timeoutOverridesMs: { WaitForStudyReview: 30 } });
    const flow = cycleFlow(t);
    const cycle = await flow.inDo();
    const escalated = await until(async () => {
      const sent = await mails(t, cycle.id, 'cycle-overdue');
      return sent.length === flow.people.supervisors.length + flow.people.leaders.length && sent;
    }, 'the escalation');
    expect(escalated[0]!.subject).toMatch(/^Myöhässä/);
    expect(await mails(t, cycle.id, 'study-review-reminder')).toHaveLength(2 * flow.people.coaches.length);
    expect((await flow.get(cycle.id)).flags).toEqual(['overdue']);

    const review = await flow.startReview(await flow.scheduleStudyReview(cycle.id));
    await flow.writeStudy(cycle.id);
    expect((await flow.outcome(cycle.id, review, 'adopt')).status).toBe(200);
    expect((await t.pdsa.engine.waitFor(`${cycle.id}-a1`)).status).toBe('SUCCEEDED');
    const adopted = await flow.get(cycle.id);
    expect(adopted).toMatchObject({ phase: 'adopted', flags: [] });
    expect(await mails(t, cycle.id, 'study-review-reminder')).toHaveLength(2 * flow.people.coaches.length);
    await t.pdsa.engine.stop();
  });

  it('records a failing task on the cycle and fails the execution', async () => {
    const t = await createTestApp();
    const broken: Notifier = { send: async () => Promise.reject(new Error('SES is down')) };
    const failing = createPdsaRuntime(t.db, { waitOverridesMs: { WaitForDoEnd: 0 }, notifier: broken });
    const flow = cycleFlow(t);
    const cycle = await flow.inDo(30);
    await t.pdsa.engine.stop();
    await resumeInFlightCycles({ areas: createAreaRepository(t.db), units: createUnitRepository(t.db), cycles: failing.cycles, workflows: failing.engine });
    const done = await failing.engine.waitFor(`${cycle.id}-a2`);
    expect(done.status).toBe('FAILED');
    expect(done.error?.message).toContain("A step of the cycle's workflow failed");
    const failed = await flow.get(cycle.id);
    expect(failed.phase).toBe('studying');
    expect(failed.workflow.lastError).toMatchObject({ error: 'Error', cause: expect.stringContaining('SES is down') });
    expect(failed.workflow.notified).toEqual([]);
    await failing.engine.stop();
  });

  it('survives a restart: stopped while waiting in Do, resumed at start-up, Study opens at the Do end, nothing twice', async () => {
    const t = await createTestApp({ waitOverridesMs: { WaitForDoEnd: 60_000 } });
    const flow = cycleFlow(t);
    // Do ended yesterday; the first engine is told to wait a minute more and is stopped meanwhile.
    const cycle = await flow.inDo(-1);
    await until(async () => t.pdsa.engine.executions().some((e) => e.name === `${cycle.id}-a1`), 'the first execution');
    await t.pdsa.engine.stop();
    expect(await flow.phaseOf(cycle.id)).toBe('doing');

    const restarted = createPdsaRuntime(t.db, { notifier: createOutboxNotifier(createOutboxRepository(t.db)) });
    const deps = { areas: createAreaRepository(t.db), units: createUnitRepository(t.db), cycles: restarted.cycles, workflows: restarted.engine };
    expect(await resumeInFlightCycles(deps)).toContain(`${cycle.id}-a2`);
    // Seeded demo cycles resume too; only this cycle's waits count here.
    const waitsOf = (engine: typeof restarted.engine) => engine.pendingTokens().filter((token) => token.includes(`:${cycle.id}-a`));
    await until(async () => waitsOf(restarted.engine).length === 1, 'the study-review wait');
    expect(await flow.phaseOf(cycle.id)).toBe('studying');
    expect(await mails(t, cycle.id, 'study-review-request')).toHaveLength(flow.people.coaches.length);

    // A second restart while Study waits: the cycle waits again, and the coach is not asked twice.
    await restarted.engine.stop();
    const again = createPdsaRuntime(t.db, { notifier: createOutboxNotifier(createOutboxRepository(t.db)) });
    expect(await resumeInFlightCycles({ ...deps, cycles: again.cycles, workflows: again.engine })).toContain(`${cycle.id}-a3`);
    await until(async () => waitsOf(again.engine).length === 1, 'the study-review wait after the second restart');
    expect(await mails(t, cycle.id, 'study-review-request')).toHaveLength(flow.people.coaches.length);
    const current = await flow.get(cycle.id);
    expect(current.workflow.attempt).toBe(3);
    await again.engine.stop();
  });
});
