import * as z from 'zod';
import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import { FrequencySchema, type Frequency } from '../../domain/measure.js';
import { roundExecutionName, roundPeriod } from '../../domain/round-schedule.js';
import { MeasurementRoundSchema, type RoundRepository } from '../../store/round-repository.js';
import type { WorkflowStarter } from '../../../workflows/engine/workflow-engine.js';
import { requireAllowed } from '../access.js';
import type { Caller } from '../caller.js';

/** What pressing "run the round now" did: started it, or found the period's round running or run already. */
export const RoundStartSchema = z
  .object({
    executionName: z.string(),
    frequency: FrequencySchema,
    period: z.string(),
    result: z.enum(['started', 'already-running', 'already-ran']),
    /** The round's own state: running, done or failed. */
    status: MeasurementRoundSchema.shape.status,
  })
  .meta({ id: 'RoundStart' });
export type RoundStart = z.infer<typeof RoundStartSchema>;

/**
 * An admin runs a measurement round now: it collects the period that has just ended. A period's
 * round runs once, so when it has started already the answer says so, with its state, and nothing
 * is started.
 */
export function runRound(deps: { workflows: WorkflowStarter; rounds: Pick<RoundRepository, 'get'> }) {
  return async (caller: Caller, frequency: Frequency): Promise<RoundStart> => {
    requireAllowed(caller.principal, { type: 'round:run' }, 'Only admins run measurement rounds by hand.');
    const now = new Date();
    const period = roundPeriod(frequency, now);
    const round = await deps.rounds.get(frequency, period);
    if (round) {
      return { executionName: round.claimedBy, frequency, period, result: round.status === 'running' ? 'already-running' : 'already-ran', status: round.status };
    }
    const executionName = roundExecutionName(frequency, now);
    const result = await deps.workflows.start('measurementRound', executionName, { frequency, scheduledTime: toWorkflowTimestamp(now) });
    return { executionName, frequency, period, result, status: 'running' };
  };
}
