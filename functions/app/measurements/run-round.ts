import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import type { Frequency } from '../../domain/measure.js';
import { roundExecutionName, roundPeriod } from '../../domain/round-schedule.js';
import type { WorkflowStarter } from '../../../workflows/engine/workflow-engine.js';
import { requireAllowed } from '../access.js';
import type { Caller } from '../caller.js';

/** An admin runs a measurement round now: it collects the period that has just ended; a period's round runs once. */
export function runRound(deps: { workflows: WorkflowStarter }) {
  return async (caller: Caller, frequency: Frequency) => {
    requireAllowed(caller.principal, { type: 'round:run' }, 'Only admins run measurement rounds by hand.');
    const now = new Date();
    const executionName = roundExecutionName(frequency, now);
    const result = await deps.workflows.start('measurementRound', executionName, { frequency, scheduledTime: toWorkflowTimestamp(now) });
    return { executionName, frequency, period: roundPeriod(frequency, now), result };
  };
}
