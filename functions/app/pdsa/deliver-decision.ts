import type { Cycle } from '../../domain/cycle.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { WorkflowAnswerer } from '../../../workflows/engine/workflow-engine.js';

/**
 * Hands a cycle's Act decision to its workflow if the workflow waits for it; a wait already answered
 * stays answered. The review's outcome calls this when it records the decision, and the workflow's
 * wait calls it when it begins after the decision, so whichever comes second delivers it.
 */
export function deliverDecision(deps: { cycles: Pick<CycleRepository, 'listOpenWaits' | 'markWaitAnswered'>; workflows: WorkflowAnswerer }) {
  return async (cycle: Pick<Cycle, 'id' | 'act'>): Promise<void> => {
    if (!cycle.act) return;
    for (const wait of await deps.cycles.listOpenWaits(cycle.id)) {
      await deps.workflows.sendTaskSuccess(wait.token, { decision: cycle.act.decision });
      await deps.cycles.markWaitAnswered(cycle.id, wait.name);
    }
  };
}
export type DeliverDecision = ReturnType<typeof deliverDecision>;
