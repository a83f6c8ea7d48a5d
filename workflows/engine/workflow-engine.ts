/**
 * The port through which the API and tasks drive state machines. Two adapters: Step Functions
 * in AWS (sfn-engine.ts) and aws-local-stepfunctions on a developer's machine (local-engine.ts).
 */
export const MACHINES = ['pdsaCycle', 'measurementRound'] as const;
export type MachineName = (typeof MACHINES)[number];

export type StartResult = 'started' | 'already-running';
/** Answering a wait that was already answered, or timed out, is harmless: it is simply done. */
export type AnswerResult = 'delivered' | 'already-answered';

export interface WorkflowEngine {
  /** Executions have deterministic names (e.g. cycle id + attempt), so a double start is refused. */
  start(machine: MachineName, executionName: string, input: Record<string, unknown>): Promise<StartResult>;
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<AnswerResult>;
  sendTaskFailure(taskToken: string, error: string, cause: string): Promise<AnswerResult>;
}
