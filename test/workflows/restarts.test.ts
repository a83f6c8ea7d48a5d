import { describe, expect, it } from 'vitest';
// First: the API's routes call .openapi() on domain schemas, which exists only on schemas made after @hono/zod-openapi loaded.
import { createTestApp, type TestApp } from '../support/test-app.js';
import { resumeInFlightCycles } from '../../functions/app/workflow/resume-cycles.js';
import type { Notifier, OutgoingMessage } from '../../functions/notify/notifier.js';
import { createOutboxNotifier } from '../../functions/notify/outbox-notifier.js';
import { createAreaRepository } from '../../functions/store/area-repository.js';
import { createOutboxRepository } from '../../functions/store/outbox-repository.js';
import { createUnitRepository } from '../../functions/store/unit-repository.js';
import { cycleFlow, until } from '../support/cycle-flow.js';
import { createPdsaRuntime, type PdsaRuntime } from '../support/pdsa-runtime.js';

/**
 * The local runtime stopped at each step of a cycle's workflow and started again: every side
 * effect — the phase, each e-mail, each reminder, the Act decision — happens exactly once.
 */

/** The outbox's messages of one kind about one cycle. */
async function mails(t: TestApp, cycleId: string, kind: string) {
  const { items } = await t.pdsa.outbox.list({ limit: 100 });
  return items.filter((m) => m.about.cycleId === cycleId && m.kind === kind);
}

/**
 * A Notifier with a stop in it: the first message of `kind` is where the runtime stops — before
 * it is sent ('before') or after it is sent ('after'). `reached` resolves there; `release` lets
 * the step go on (it then fails, as the process has gone, or finishes). Messages go to `deliverTo`.
 */
function stopAt(kind: string, when: 'before' | 'after') {
  let outbox: Notifier | undefined;
  let armed = true;
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const notifier: Notifier = {
    async send(message: OutgoingMessage) {
      if (!armed || message.kind !== kind) return outbox!.send(message);
      armed = false;
      if (when === 'after') await outbox!.send(message);
      reach();
      await released;
      if (when === 'before') throw new Error('The local runtime stopped before the message went out.');
    },
  };
  return { notifier, reached, release, deliverTo: (t: TestApp) => (outbox = createOutboxNotifier(createOutboxRepository(t.db))) };
}

/** Stops the runtime while the step is held, then lets the step end: a stop mid-step. */
async function stopDuring(runtime: PdsaRuntime, hold: { reached: Promise<void>; release: () => void }) {
  await hold.reached;
  const stopped = runtime.engine.stop();
  hold.release();
  await stopped;
}

/** Starts the runtime again over the same table, as `npm start` does: every cycle in flight resumes. */
async function restart(t: TestApp, options: Parameters<typeof createPdsaRuntime>[1] = {}) {
  const runtime = createPdsaRuntime(t.db, { notifier: createOutboxNotifier(createOutboxRepository(t.db)), ...options });
  const resumed = await resumeInFlightCycles({ areas: createAreaRepository(t.db), units: createUnitRepository(t.db), cycles: runtime.cycles, workflows: runtime.engine });
  return { runtime, resumed };
}

const waitsOf = (runtime: PdsaRuntime, cycleId: string) => runtime.engine.pendingTokens().filter((token) => token.includes(`:${cycleId}-a`));

/** How many times the audit trail records `action` on the cycle. */
async function audited(t: TestApp, unitId: string, cycleId: string, action: string) {
  const { items } = await t.deps.audit.listByUnit(unitId, { entityId: cycleId, limit: 100 });
  return items.filter((entry) => entry.action === action).length;
}

describe('restarting the local runtime at each step of a cycle', () => {
  it('stopped in OpenStudy after Study opened but before the coach was asked: asked once after the restart, and not again after another', async () => {
    const hold = stopAt('study-review-request', 'before');
    const t = await createTestApp({ waitOverridesMs: { WaitForDoEnd: 0 }, notifier: hold.notifier });
    hold.deliverTo(t);
    const flow = cycleFlow(t);
    const cycle = await flow.inDo(-1);
    await stopDuring(t.pdsa, hold);
    expect(await flow.phaseOf(cycle.id)).toBe('studying');
    expect(await mails(t, cycle.id, 'study-review-request')).toHaveLength(0);

    const first = await restart(t);
    expect(first.resumed).toContain(`${cycle.id}-a2`);
    await until(async () => waitsOf(first.runtime, cycle.id).length === 1, 'the study-review wait');
    expect(await mails(t, cycle.id, 'study-review-request')).toHaveLength(flow.people.coaches.length);
    await first.runtime.engine.stop();

    const second = await restart(t);
    await until(async () => waitsOf(second.runtime, cycle.id).length === 1, 'the study-review wait after the second restart');
    expect(await mails(t, cycle.id, 'study-review-request')).toHaveLength(flow.people.coaches.length);
    expect(await audited(t, flow.people.unit.id, cycle.id, 'openStudy')).toBe(1);
    await second.runtime.engine.stop();
  });

  it('stopped just after the first reminder: the second reminder and the escalation follow, each once, and the first is not repeated', async () => {
    const hold = stopAt('study-review-reminder', 'after');
    const fast = { timeoutOverridesMs: { WaitForStudyReview: 30 } };
    const t = await createTestApp({ waitOverridesMs: { WaitForDoEnd: 0 }, ...fast, notifier: hold.notifier });
    hold.deliverTo(t);
    const flow = cycleFlow(t);
    const cycle = await flow.inDo(-1);
    await stopDuring(t.pdsa, hold);
    const coaches = flow.people.coaches.length;
    expect(await mails(t, cycle.id, 'study-review-reminder')).toHaveLength(coaches);

    const { runtime } = await restart(t, fast);
    const told = flow.people.supervisors.length + flow.people.leaders.length;
    await until(async () => (await mails(t, cycle.id, 'cycle-overdue')).length === told, 'the escalation');
    await until(async () => waitsOf(runtime, cycle.id).length === 1, 'the wait after the escalation');
    await runtime.engine.stop();
    expect(await mails(t, cycle.id, 'study-review-request')).toHaveLength(coaches);
    expect(await mails(t, cycle.id, 'study-review-reminder')).toHaveLength(2 * coaches);
    expect(await mails(t, cycle.id, 'cycle-overdue')).toHaveLength(told);
    expect((await flow.get(cycle.id)).flags).toEqual(['overdue']);
  });

  it('the Act decision recorded while the runtime was down is applied once after the restart: one next cycle of the ramp', async () => {
    const t = await createTestApp({ waitOverridesMs: { WaitForDoEnd: 0 } });
    const flow = cycleFlow(t);
    const cycle = await flow.inDo(-1);
    await until(async () => waitsOf(t.pdsa, cycle.id).length === 1, 'the study-review wait');
    const review = await flow.startReview(await flow.scheduleStudyReview(cycle.id));
    await t.pdsa.engine.stop();
    expect((await flow.outcome(cycle.id, review, 'adapt')).status).toBe(200);
    expect(await flow.phaseOf(cycle.id)).toBe('acting');

    const first = await restart(t);
    expect(first.resumed).toContain(`${cycle.id}-a2`);
    expect((await first.runtime.engine.waitFor(`${cycle.id}-a2`)).status).toBe('SUCCEEDED');
    await first.runtime.engine.stop();
    const second = await restart(t);
    expect(second.resumed.filter((name) => name.startsWith(cycle.id))).toEqual([]);
    await second.runtime.engine.stop();

    expect(await flow.phaseOf(cycle.id)).toBe('adapted');
    const ramp = (await t.deps.cycles.listCycles(flow.people.unit.id)).filter((c) => c.previousCycleId === cycle.id);
    expect(ramp).toHaveLength(1);
    expect(await audited(t, flow.people.unit.id, cycle.id, 'applyDecision')).toBe(1);
  });
});
