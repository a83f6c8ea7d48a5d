import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../domain/audit.js';
import { CycleSchema, type Cycle } from '../domain/cycle.js';
import { applyDecision, doEndsAt, openStudy } from '../domain/cycle-lifecycle.js';
import { toWorkflowTimestamp } from '../domain/helsinki-time.js';
import { IdSchema } from '../domain/ids.js';
import type { CycleMail } from '../notify/cycle-mail.js';
import type { CycleRepository, VersionedWrite } from '../store/cycle-repository.js';
import { ConflictError } from '../store/errors.js';
import type { WorkflowEngine } from '../../workflows/engine/workflow-engine.js';
import { defineTask, type WorkflowTask } from './workflow-task.js';

export type CycleTaskDeps = {
  cycles: CycleRepository;
  cycleMail: CycleMail;
  /** Answers a wait at once when the decision was recorded before the wait began. */
  workflows: Pick<WorkflowEngine, 'sendTaskSuccess'>;
  now?: () => Date;
};

export const WORKFLOW_ACTOR: Actor = { type: 'system', name: 'PDSA cycle workflow' };

const CycleRef = z.object({ unitId: IdSchema, cycleId: IdSchema });

/** The name of the study-review wait of one execution attempt and reminder round. */
export function studyReviewWaitName(cycle: Pick<Cycle, 'workflow'>, round: number): string {
  return `study-review-a${cycle.workflow.attempt}-r${round}`;
}

/**
 * The pdsa-cycle state machine's tasks. Each reads the cycle afresh and is idempotent: a retried or
 * restarted execution finds the work done and does not do it again (notifications are recorded
 * on the cycle once sent).
 */
export function createCycleTasks(deps: CycleTaskDeps): WorkflowTask[] {
  const now = deps.now ?? (() => new Date());

  async function load(unitId: string, cycleId: string): Promise<Cycle> {
    const cycle = await deps.cycles.getCycle(unitId, cycleId);
    if (!cycle) throw new Error(`Cycle ${cycleId} of unit ${unitId} does not exist.`);
    return cycle;
  }

  /**
   * Read–change–write with the workflow as the actor; a concurrent edit by a person makes it
   * read again. `change` returns null when there is nothing to do.
   */
  async function mutate(
    ref: { unitId: string; cycleId: string },
    action: string,
    change: (cycle: Cycle) => { cycle: Partial<Cycle>; also?: VersionedWrite[] } | null,
  ): Promise<Cycle> {
    for (let attempt = 0; ; attempt++) {
      const before = await load(ref.unitId, ref.cycleId);
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
  async function notifyOnce(ref: { unitId: string; cycleId: string }, marker: string, send: (cycle: Cycle) => Promise<void>) {
    const cycle = await load(ref.unitId, ref.cycleId);
    if (cycle.workflow.notified.includes(marker)) return;
    await send(cycle);
    await mutate(ref, 'notified', (c) =>
      c.workflow.notified.includes(marker) ? null : { cycle: { workflow: { ...c.workflow, notified: [...c.workflow.notified, marker] } } },
    );
  }

  return [
    defineTask({
      name: 'loadCycle',
      input: CycleRef,
      async run({ unitId, cycleId }) {
        const cycle = await load(unitId, cycleId);
        const endsAt = doEndsAt(cycle);
        return { phase: cycle.phase, doEndsAt: endsAt ? toWorkflowTimestamp(endsAt) : null };
      },
    }),
    defineTask({
      name: 'openStudy',
      input: CycleRef,
      async run(ref) {
        const cycle = await mutate(ref, 'openStudy', (c) => {
          const verdict = openStudy(c);
          if (!verdict.ok) throw new Error(verdict.reason);
          return c.phase === verdict.value ? null : { cycle: { phase: verdict.value } };
        });
        await notifyOnce(ref, 'study-request', (c) => deps.cycleMail.studyReviewRequest(c));
        return { phase: cycle.phase };
      },
    }),
    defineTask({
      name: 'awaitStudyReview',
      input: CycleRef.extend({ round: z.number().int().min(0), taskToken: z.string().min(1) }),
      async run({ unitId, cycleId, round, taskToken }) {
        const cycle = await load(unitId, cycleId);
        const name = studyReviewWaitName(cycle, round);
        await deps.cycles.putWait(cycleId, name, taskToken);
        // The decision may have been recorded while no wait was open: answer this one now.
        const current = await load(unitId, cycleId);
        if (current.phase === 'acting' && current.act) {
          await deps.workflows.sendTaskSuccess(taskToken, { decision: current.act.decision });
          await deps.cycles.markWaitAnswered(cycleId, name);
        }
        return {};
      },
    }),
    defineTask({
      name: 'remindCoach',
      input: CycleRef.extend({ round: z.number().int().min(1) }),
      async run(ref) {
        const cycle = await load(ref.unitId, ref.cycleId);
        if (cycle.phase === 'studying') await notifyOnce(ref, `reminder-${ref.round}`, (c) => deps.cycleMail.reminder(c));
        return {};
      },
    }),
    defineTask({
      name: 'escalate',
      input: CycleRef,
      async run(ref) {
        const cycle = await mutate(ref, 'flagOverdue', (c) =>
          c.phase !== 'studying' || c.flags.includes('overdue') ? null : { cycle: { flags: [...c.flags, 'overdue'] } },
        );
        if (cycle.phase === 'studying') await notifyOnce(ref, 'escalation', (c) => deps.cycleMail.escalation(c));
        return {};
      },
    }),
    defineTask({
      name: 'applyDecision',
      input: CycleRef,
      async run(ref) {
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
    }),
    defineTask({
      name: 'recordFailure',
      input: CycleRef.extend({ error: z.string().max(200).catch('Error'), cause: z.string().catch('') }),
      async run(ref) {
        const lastError = { error: ref.error, cause: ref.cause.slice(0, 2000), at: now().toISOString() };
        await mutate(ref, 'workflowFailed', (c) => ({ cycle: { workflow: { ...c.workflow, lastError } } }));
        return {};
      },
    }),
  ];
}
