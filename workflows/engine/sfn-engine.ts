import {
  ExecutionAlreadyExists,
  InvalidToken,
  SFNClient,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { AnswerResult, MachineName, StartResult, WorkflowEngine } from './workflow-engine.js';

function alreadyAnswered(error: unknown): boolean {
  return error instanceof TaskTimedOut || error instanceof InvalidToken || error instanceof TaskDoesNotExist;
}

/** Step Functions in AWS; executions start through each machine's alias so a new version can take over. */
export function createSfnEngine(client: SFNClient, machineArns: Record<MachineName, string>): WorkflowEngine {
  return {
    async start(machine, executionName, input): Promise<StartResult> {
      try {
        await client.send(
          new StartExecutionCommand({ stateMachineArn: machineArns[machine], name: executionName, input: JSON.stringify(input) }),
        );
        return 'started';
      } catch (error) {
        if (error instanceof ExecutionAlreadyExists) return 'already-running';
        throw error;
      }
    },
    async sendTaskSuccess(taskToken, output): Promise<AnswerResult> {
      try {
        await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
        return 'delivered';
      } catch (error) {
        if (alreadyAnswered(error)) return 'already-answered';
        throw error;
      }
    },
    async sendTaskFailure(taskToken, error, cause): Promise<AnswerResult> {
      try {
        await client.send(new SendTaskFailureCommand({ taskToken, error, cause }));
        return 'delivered';
      } catch (failure) {
        if (alreadyAnswered(failure)) return 'already-answered';
        throw failure;
      }
    },
  };
}
