import {
  ExecutionAlreadyExists,
  InvalidToken,
  SFNClient,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { AnswerResult, MachineName, StartResult, WorkflowAnswerer, WorkflowStarter } from './workflow-engine.js';

/** Starts executions in AWS through each machine's alias, so that a new version takes over new work. */
export function createSfnStarter(client: SFNClient, machineArns: Record<MachineName, string>): WorkflowStarter {
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
  };
}

/** Answers `.waitForTaskToken` waits in AWS; the token alone names the execution, so no ARN is needed. */
export function createSfnAnswerer(client: SFNClient): WorkflowAnswerer {
  return {
    async sendTaskSuccess(taskToken, output): Promise<AnswerResult> {
      try {
        await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
        return 'delivered';
      } catch (error) {
        if (error instanceof TaskTimedOut || error instanceof InvalidToken || error instanceof TaskDoesNotExist) return 'already-answered';
        throw error;
      }
    },
  };
}
