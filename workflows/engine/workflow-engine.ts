/**
 * The ports through which the API and tasks drive state machines. Starting an execution needs the
 * machines' ARNs; answering a wait needs only its task token, so the two are separate ports and a
 * function that only answers is given no ARN. Two adapters each: Step Functions in AWS
 * (sfn-engine.ts) and aws-local-stepfunctions on a developer's machine (local-engine.ts).
 */
export const MACHINES = ['pdsaCycle', 'measurementRound', 'weeklyDigest'] as const;
export type MachineName = (typeof MACHINES)[number];

export type StartResult = 'started' | 'already-running';
/** Answering a wait that was already answered, or timed out, is harmless: it is simply done. */
export type AnswerResult = 'delivered' | 'already-answered';

export interface WorkflowStarter {
  /** Executions have deterministic names (e.g. cycle id + attempt), so a double start is refused. */
  start(machine: MachineName, executionName: string, input: Record<string, unknown>): Promise<StartResult>;
}

export interface WorkflowAnswerer {
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<AnswerResult>;
}

export type WorkflowEngine = WorkflowStarter & WorkflowAnswerer;
