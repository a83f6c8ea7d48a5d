import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLocalEngine } from '../../workflows/engine/local-engine.js';

const invoke = (task: string, extra: Record<string, string> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'arn:aws:lambda:eu-north-1:000000000000:function:tasks', Payload: { task, ...extra } },
  ResultSelector: { 'value.$': '$.Payload' },
  ResultPath: `$.${task}`,
});

const definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: { ...invoke('prepare', { 'id.$': '$.id' }), Next: 'LongWait' },
    LongWait: { Type: 'Wait', SecondsPath: '$.waitSeconds', Next: 'AskPerson' },
    AskPerson: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: 'arn:aws:lambda:eu-north-1:000000000000:function:tasks',
        Payload: { task: 'ask', 'id.$': '$.id', 'taskToken.$': '$$.Task.Token' },
      },
      TimeoutSeconds: 3600,
      ResultPath: '$.answer',
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'NoAnswer' }],
      Next: 'Done',
    },
    NoAnswer: { Type: 'Pass', Result: 'no answer', ResultPath: '$.answer', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

type Asked = { task: string; id: string; taskToken?: string };

function engineWith(options: { timeoutOverridesMs?: Record<string, number>; waitOverridesMs?: Record<string, number> } = {}) {
  const calls: Asked[] = [];
  const engine = createLocalEngine({
    definitions: { pdsaCycle: definition, measurementRound: definition },
    dispatch: async (payload) => {
      calls.push(payload as Asked);
      return { handled: (payload as Asked).task };
    },
    ...options,
  });
  return { engine, calls };
}

async function until<T>(probe: () => T | undefined, deadlineMs = 5000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the local workflow engine', () => {
  afterEach(() => vi.useRealTimers());

  it('runs Lambda tasks in-process and resumes a token wait when it is answered, once', async () => {
    const { engine, calls } = engineWith();
    expect(await engine.start('pdsaCycle', 'cycle-1-a1', { id: 'c1', waitSeconds: 0 })).toBe('started');
    expect(await engine.start('pdsaCycle', 'cycle-1-a1', { id: 'c1', waitSeconds: 0 })).toBe('already-running');
    const asked = await until(() => calls.find((c) => c.task === 'ask'));
    expect(asked.taskToken).toMatch(/^local:cycle-1-a1:AskPerson:/);
    expect(engine.pendingTokens()).toEqual([asked.taskToken]);
    expect(await engine.sendTaskSuccess(asked.taskToken!, { decision: 'adopt' })).toBe('delivered');
    expect(await engine.sendTaskSuccess(asked.taskToken!, { decision: 'abandon' })).toBe('already-answered');
    const done = await engine.waitFor('cycle-1-a1');
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output).toMatchObject({ prepare: { value: { handled: 'prepare' } }, answer: { decision: 'adopt' } });
    expect(calls.map((c) => c.task)).toEqual(['prepare', 'ask']);
  });

  it('times a token wait out into the Catch, and a late answer is harmless', async () => {
    const { engine, calls } = engineWith({ timeoutOverridesMs: { AskPerson: 30 } });
    await engine.start('pdsaCycle', 'cycle-2-a1', { id: 'c2', waitSeconds: 0 });
    const done = await engine.waitFor('cycle-2-a1');
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output).toMatchObject({ answer: 'no answer', timeout: { Error: 'States.Timeout' } });
    const token = calls.find((c) => c.task === 'ask')!.taskToken!;
    expect(await engine.sendTaskSuccess(token, {})).toBe('already-answered');
  });

  it('waits longer than 24.8 days without firing early (Node timers overflow there)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { engine, calls } = engineWith();
    const day = 24 * 60 * 60 * 1000;
    await engine.start('pdsaCycle', 'cycle-4-a1', { id: 'c4', waitSeconds: 40 * 24 * 60 * 60 });
    await vi.advanceTimersByTimeAsync(39 * day);
    expect(calls.map((c) => c.task)).toEqual(['prepare']);
    await vi.advanceTimersByTimeAsync(1 * day + 1000);
    expect(calls.map((c) => c.task)).toEqual(['prepare', 'ask']);
    await engine.stop();
  });

  it('stops waiting executions when the engine stops, answering nothing twice afterwards', async () => {
    const { engine, calls } = engineWith();
    await engine.start('pdsaCycle', 'cycle-5-a1', { id: 'c5', waitSeconds: 0 });
    const asked = await until(() => calls.find((c) => c.task === 'ask'));
    await engine.stop();
    expect(engine.executions()[0]?.status).toBe('ABORTED');
    expect(await engine.sendTaskSuccess(asked.taskToken!, {})).toBe('already-answered');
  });
});
