import {
  ExecutionAlreadyExists,
  InvalidToken,
  SFNClient,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSfnAnswerer, createSfnStarter } from '../../workflows/engine/sfn-engine.js';

const sfn = mockClient(SFNClient);
const arns = {
  pdsaCycle: 'arn:aws:states:eu-north-1:123456789012:stateMachine:PdsaCycle:live',
  measurementRound: 'arn:aws:states:eu-north-1:123456789012:stateMachine:MeasurementRound:live',
  weeklyDigest: 'arn:aws:states:eu-north-1:123456789012:stateMachine:WeeklyDigest:live',
};
const meta = { $metadata: {}, message: 'x' };

describe('the Step Functions engine', () => {
  beforeEach(() => sfn.reset());
  const client = () => new SFNClient({ region: 'eu-north-1' });

  it('starts an execution through the alias with a deterministic name', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:x', startDate: new Date() });
    expect(await createSfnStarter(client(), arns).start('pdsaCycle', 'cycle-7-a1', { cycleId: 'cycle-7' })).toBe('started');
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: arns.pdsaCycle,
      name: 'cycle-7-a1',
      input: '{"cycleId":"cycle-7"}',
    });
  });

  it('reports a second start of the same name as already running', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists(meta));
    expect(await createSfnStarter(client(), arns).start('pdsaCycle', 'cycle-7-a1', {})).toBe('already-running');
  });

  it('treats an answer to a timed-out or already answered wait as done', async () => {
    sfn.on(SendTaskSuccessCommand).rejectsOnce(new TaskTimedOut(meta)).rejectsOnce(new InvalidToken(meta)).resolves({});
    const e = createSfnAnswerer(client());
    expect(await e.sendTaskSuccess('t1', { decision: 'adopt' })).toBe('already-answered');
    expect(await e.sendTaskSuccess('t1', { decision: 'adopt' })).toBe('already-answered');
    expect(await e.sendTaskSuccess('t2', { decision: 'adopt' })).toBe('delivered');
    expect(sfn.commandCalls(SendTaskSuccessCommand)[2]?.args[0].input).toEqual({ taskToken: 't2', output: '{"decision":"adopt"}' });
  });

  it('passes other failures on', async () => {
    sfn.on(StartExecutionCommand).rejects(new Error('throttled'));
    await expect(createSfnStarter(client(), arns).start('measurementRound', 'round-2026-W47', {})).rejects.toThrow('throttled');
  });
});
