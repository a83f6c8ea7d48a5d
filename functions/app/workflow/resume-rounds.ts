import type { RoundRepository } from '../../store/round-repository.js';
import type { WorkflowStarter } from '../../../workflows/engine/workflow-engine.js';

export type ResumeRoundDeps = {
  rounds: Pick<RoundRepository, 'listRunning' | 'handOver'>;
  workflows: WorkflowStarter;
  log?: (line: string) => void;
  now?: () => Date;
};

/**
 * Starts every round still running again, as the local runtime does for cycles: the round is
 * handed over to a new execution (its claim names that execution), which goes on from the stored
 * state. Each step is idempotent — a unit's part is opened once and each notification is marked
 * once sent — so the parts already done are done again without a second message, and past
 * deadlines pass at once.
 */
export async function resumeRunningRounds(deps: ResumeRoundDeps): Promise<string[]> {
  const now = deps.now ?? (() => new Date());
  const started: string[] = [];
  for (const round of await deps.rounds.listRunning()) {
    const at = now();
    const name = `round-${round.frequency}-${round.period}-resumed-${at.getTime().toString(36)}`;
    await deps.rounds.handOver(round, name, at.toISOString());
    await deps.workflows.start('measurementRound', name, { frequency: round.frequency, scheduledTime: round.scheduledTime });
    deps.log?.(`Resumed the ${round.frequency} round of ${round.period} as ${name}.`);
    started.push(name);
  }
  return started;
}
