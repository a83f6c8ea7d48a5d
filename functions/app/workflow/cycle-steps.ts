import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/audit.js';
import { CycleSchema, type Cycle } from '../../domain/cycle.js';
import { applyDecision, doEndsAt, openStudy } from '../../domain/cycle-lifecycle.js';
import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import type { CycleMail } from '../../notify/cycle-mail.js';
import type { CycleRepository, VersionedWrite } from '../../store/cycle-repository.js';
import { ConflictError } from '../../store/errors.js';
import type { DeliverDecision } from '../pdsa/deliver-decision.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';

export const WORKFLOW_ACTOR: Actor = { type: 'system', name: 'PDSA cycle workflow' };

export type CycleRef = { unitId: string; cycleId: string };

/** The name of the study-review wait of one execution attempt and reminder round. */
export function studyReviewWaitName(cycle: Pick<Cycle, 'workflow'>, round: number): string {
  return `study-review-a${cycle.workflow.attempt}-r${round}`;
}

/** Which study-review timeouts have been dealt with, from the markers of their messages. */
function remindersSent(cycle: Cycle): number {
  const sent = cycle.workflow.notified;
  if (sent.includes('escalation')) return 3;
  if (sent.includes('reminder-2')) return 2;
  return sent.includes('reminder-1') ? 1 : 0;
}

export type CycleStepDeps = {
  cycles: CycleRepository;
  cycleMail: Pick<CycleMail, 'studyReviewRequest' | 'reminder' | 'escalation'>;
  deliverDecision: DeliverDecision;
  metrics: BusinessMetrics;
  now?: () => Date;
};

/**
 * The steps of the pdsa-cycle state machine. Each reads the cycle afresh and is idempotent: a
 * retried or restarted execution finds the work done and does not do it again (notifications are
 * recorded on the cycle once sent).
 */
export function cycleSteps(deps: CycleStepDeps) {
  const now = deps.now ?? (() => new Date());

  async function load({ unitId, cycleId }: CycleRef, options: { consistent?: boolean } = {}): Promise<Cycle> {
    const cycle = await deps.cycles.getCycle(unitId, cycleId, options);
    if (!cycle) throw new Error(`Cycle ${cycleId} of unit ${unitId} does not exist.`);
    return cycle;
  }

  /**
   * Read–change–write with the workflow as the actor; a concurrent edit by a person makes it read
   * again. `change` returns null when there is nothing to do.
   */
  async function mutate(ref: CycleRef, action: string, change: (cycle: Cycle) => { cycle: Partial<Cycle>; also?: VersionedWrite[] } | null): Promise<Cycle> {
    for (let attempt = 0; ; attempt++) {
      const before = await load(ref);
      const changed = change(before);
      if (!changed) return before;
      const after = CycleSchema.parse({ ...before, ...changed.cycle, updatedAt: now().toISOString(), version: before.version + 1 });
      try {
        await deps.cycles.write([deps.cycles.cycleWrite(before, after, action), ...(changed.also ?? [])], WORKFLOW_ACTOR);
        return after;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 5) throw error;
      }
    }
  }

  /** Sends a notification once per cycle: the marker is written after a successful send. */
  async function notifyOnce(ref: CycleRef, marker: string, send: (cycle: Cycle) => Promise<void>) {
    const cycle = await load(ref);
    if (cycle.workflow.notified.includes(marker)) return;
    await send(cycle);
    await mutate(ref, 'notified', (c) =>
      c.workflow.notified.includes(marker) ? null : { cycle: { workflow: { ...c.workflow, notified: [...c.workflow.notified, marker] } } },
    );
  }

  return {
    /**
     * Where the cycle stands, for the machine's Resume choice: its phase, when its Do ends, and how
     * many study-review timeouts have had their message (reminders 1 and 2, then the escalation as 3).
     */
    async loadCycle(ref: CycleRef) {
      const cycle = await load(ref);
      const endsAt = doEndsAt(cycle);
      return { phase: cycle.phase, doEndsAt: endsAt ? toWorkflowTimestamp(endsAt) : null, reminders: remindersSent(cycle) };
    },

    /** At the Do end: Study opens and the coach is asked to schedule the study review. */
    async openStudy(ref: CycleRef) {
      let opened = false;
      const cycle = await mutate(ref, 'openStudy', (c) => {
        const verdict = openStudy(c);
        if (!verdict.ok) throw new Error(verdict.reason);
        opened = c.phase !== verdict.value;
        return opened ? { cycle: { phase: verdict.value } } : null;
      });
      // Counted once: a retried step finds Study open already.
      if (opened) deps.metrics.count('CyclesStudied');
      await notifyOnce(ref, 'study-request', (c) => deps.cycleMail.studyReviewRequest(c));
      return { phase: cycle.phase };
    },

    /**
     * Stores the wait's token; a decision recorded while no wait was open is delivered to it at once.
     * Both sides read strongly after their own write, so whichever comes second sees the other.
     */
    async awaitStudyReview(ref: CycleRef & { round: number; taskToken: string }) {
      const cycle = await load(ref);
      await deps.cycles.putWait(ref.cycleId, studyReviewWaitName(cycle, ref.round), ref.taskToken);
      const current = await load(ref, { consistent: true });
      if (current.phase === 'acting') await deps.deliverDecision(current);
      return {};
    },

    async remindCoach(ref: CycleRef & { round: number }) {
      const cycle = await load(ref);
      if (cycle.phase === 'studying') await notifyOnce(ref, `reminder-${ref.round}`, (c) => deps.cycleMail.reminder(c));
      return {};
    },

    /** No outcome after the reminders: the cycle is flagged overdue and the area's leaders are told. */
    async escalate(ref: CycleRef) {
      const cycle = await mutate(ref, 'flagOverdue', (c) => (c.phase !== 'studying' || c.flags.includes('overdue') ? null : { cycle: { flags: [...c.flags, 'overdue'] } }));
      if (cycle.phase === 'studying') await notifyOnce(ref, 'escalation', (c) => deps.cycleMail.escalation(c));
      return {};
    },

    /** Adopt, adapt (creating the ramp's next cycle) or abandon. */
    async applyDecision(ref: CycleRef) {
      const cycle = await mutate(ref, 'applyDecision', (c) => {
        if (c.phase !== 'acting') return null;
        const verdict = applyDecision(c, { id: randomUUID(), now: now() });
        if (!verdict.ok) throw new Error(verdict.reason);
        const { phase, nextCycle } = verdict.value;
        const next = nextCycle ? CycleSchema.parse({ ...nextCycle, version: 1 }) : null;
        return {
          cycle: { phase, flags: [], nextCycleId: next?.id ?? c.nextCycleId },
          also: next ? [deps.cycles.cycleWrite(null, next, 'createFromRamp')] : [],
        };
      });
      return { phase: cycle.phase, nextCycleId: cycle.nextCycleId };
    },

    /** A step failed for good: the cycle shows it. */
    async recordFailure(ref: CycleRef & { error: string; cause: string }) {
      const lastError = { error: ref.error, cause: ref.cause.slice(0, 2000), at: now().toISOString() };
      await mutate(ref, 'workflowFailed', (c) => ({ cycle: { workflow: { ...c.workflow, lastError } } }));
      return {};
    },
  };
}
