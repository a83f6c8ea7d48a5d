import { randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import { sleepUntil } from './long-timer.js';
import {
  CONTINUE_WAITING,
  STEP_SECONDS,
  prepareLocalDefinition,
  retryOverrides,
  type BridgedState,
  type PreparedDefinition,
} from './local-definition.js';
import type { AnswerResult, MachineName, StartResult, WorkflowEngine } from './workflow-engine.js';

/** Runs one workflow task by name, exactly as the tasks Lambda would (functions/tasks). */
export type TaskDispatcher = (payload: unknown) => Promise<unknown>;

export type LocalEngineOptions = {
  definitions: Partial<Record<MachineName, unknown>>;
  dispatch: TaskDispatcher;
  /** Tests shorten time: a Wait state's duration, or a token wait's timeout, in ms by state name. */
  waitOverridesMs?: Record<string, number>;
  timeoutOverridesMs?: Record<string, number>;
  now?: () => number;
  log?: (line: string) => void;
};

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
export type ExecutionRecord = {
  machine: MachineName;
  name: string;
  input: Record<string, unknown>;
  status: ExecutionStatus;
  output?: unknown;
  error?: { name: string; message: string };
};

class BridgeError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

type PendingWait = {
  token: string;
  deadline: number | null;
  settled: Promise<{ output: unknown }>;
  settle: (value: { output: unknown }) => void;
};

function setAtPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/**
 * The local WorkflowEngine: the same ASL files, run in-process by aws-local-stepfunctions,
 * with the gaps bridged (task tokens, long timers). Executions live in memory; the durable
 * truth is in the store, and the runtime restarts in-flight work at start-up.
 */
export function createLocalEngine(options: LocalEngineOptions): WorkflowEngine & {
  executions: () => ExecutionRecord[];
  waitFor: (name: string) => Promise<ExecutionRecord>;
  pendingTokens: () => string[];
  stop: () => Promise<void>;
} {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const prepared = new Map<MachineName, PreparedDefinition & { machine: StateMachine }>();
  for (const [machine, definition] of Object.entries(options.definitions) as [MachineName, unknown][]) {
    const ready = prepareLocalDefinition(definition);
    prepared.set(machine, { ...ready, machine: new StateMachine(ready.definition as never, { validationOptions: { checkPaths: true } }) });
  }
  const executions = new Map<string, ExecutionRecord & { done: Promise<void>; abort: () => void; controller: AbortController }>();
  const pendingByToken = new Map<string, PendingWait>();
  const pendingByState = new Map<string, PendingWait>();
  /** A long Wait's target survives its continue-waiting retries, which re-evaluate relative durations. */
  const waitTargets = new Map<string, number>();
  /** Tasks running now: a stop lets each finish, so that no step is cut between its write and its message. */
  const inFlight = new Set<Promise<unknown>>();

  function dispatch(payload: unknown): Promise<unknown> {
    const task = options.dispatch(payload);
    const settled = task.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return task;
  }

  function overridesFor(executionName: string, bridged: Map<string, BridgedState>, signal: AbortSignal) {
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const state of bridged.values()) {
      if (state.kind === 'invoke') {
        handlers[state.name] = async (input) => {
          const { Payload } = input as { Payload: unknown };
          return { Payload: await dispatch(Payload), StatusCode: 200 };
        };
      } else if (state.kind === 'wait') {
        const key = `${executionName}/${state.name}`;
        handlers[state.name] = async (input) => {
          const { seconds, timestamp } = input as { seconds?: number; timestamp?: string };
          const override = options.waitOverridesMs?.[state.name];
          const target =
            waitTargets.get(key) ??
            (override !== undefined ? now() + override : timestamp ? Date.parse(timestamp) : now() + (seconds ?? 0) * 1000);
          await waitStep(key, target, signal);
          return {};
        };
      } else {
        const key = `${executionName}/${state.name}`;
        handlers[state.name] = async (input) => {
          let pending = pendingByState.get(key);
          if (!pending) {
            const token = `local:${executionName}:${state.name}:${randomUUID()}`;
            const override = options.timeoutOverridesMs?.[state.name];
            const deadline = override !== undefined ? now() + override : state.timeoutSeconds ? now() + state.timeoutSeconds * 1000 : null;
            let settle!: PendingWait['settle'];
            const settled = new Promise<Awaited<PendingWait['settled']>>((resolve) => (settle = resolve));
            pending = { token, deadline, settled, settle };
            pendingByState.set(key, pending);
            pendingByToken.set(token, pending);
            const payload = (input as { Payload?: Record<string, unknown> }).Payload ?? {};
            for (const path of state.tokenPaths) setAtPath(input as Record<string, unknown>, path, token);
            try {
              await dispatch(payload);
            } catch (error) {
              forget(key, token);
              throw error;
            }
          }
          const stepEnd = Math.min(pending.deadline ?? Number.POSITIVE_INFINITY, now() + STEP_SECONDS * 1000);
          const controller = new AbortController();
          const outcome = await Promise.race([
            pending.settled,
            sleepUntil(stepEnd, AbortSignal.any([signal, controller.signal]), now).then(() => null),
          ]);
          controller.abort();
          if (outcome) {
            forget(key, pending.token);
            return outcome.output;
          }
          if (signal.aborted) throw new BridgeError('Sykli.Local.Aborted', 'The local engine stopped.');
          if (pending.deadline !== null && now() >= pending.deadline) {
            forget(key, pending.token);
            throw new BridgeError('States.Timeout', `No answer to ${state.name} in time.`);
          }
          throw new BridgeError(CONTINUE_WAITING, 'Still waiting.');
        };
      }
    }
    return handlers;
  }

  /** One step of a Wait: done at the target, or CONTINUE_WAITING to be retried for the next step. */
  async function waitStep(key: string, target: number, signal: AbortSignal) {
    const stepEnd = Math.min(target, now() + STEP_SECONDS * 1000);
    waitTargets.set(key, target);
    await sleepUntil(stepEnd, signal, now);
    if (signal.aborted) throw new BridgeError('Sykli.Local.Aborted', 'The local engine stopped.');
    if (now() < target) throw new BridgeError(CONTINUE_WAITING, 'Still waiting.');
    waitTargets.delete(key);
  }

  function forget(key: string, token: string) {
    pendingByState.delete(key);
    pendingByToken.delete(token);
  }

  async function answer(token: string, outcome: Awaited<PendingWait['settled']>): Promise<AnswerResult> {
    const pending = pendingByToken.get(token);
    if (!pending) return 'already-answered';
    pendingByToken.delete(token);
    pending.settle(outcome);
    return 'delivered';
  }

  return {
    async start(machineName, executionName, input): Promise<StartResult> {
      const existing = executions.get(executionName);
      if (existing?.status === 'RUNNING') return 'already-running';
      const entry = prepared.get(machineName);
      if (!entry) throw new Error(`No state machine ${machineName}`);
      const controller = new AbortController();
      const run = entry.machine.run(input as never, {
        overrides: {
          taskResourceLocalHandlers: overridesFor(executionName, entry.bridged, controller.signal) as never,
          retryIntervalOverrides: retryOverrides(entry.bridged),
        },
        context: { Execution: { Name: executionName, Id: `local:${machineName}:${executionName}` } },
        noThrowOnAbort: true,
      });
      const record = {
        machine: machineName,
        name: executionName,
        input,
        status: 'RUNNING' as ExecutionStatus,
        controller,
        abort: () => {
          controller.abort();
          run.abort();
        },
        done: Promise.resolve(),
      };
      record.done = run.result.then(
        (output) => {
          record.status = controller.signal.aborted ? 'ABORTED' : 'SUCCEEDED';
          Object.assign(record, { output });
        },
        (error: Error & { cause?: unknown }) => {
          record.status = controller.signal.aborted ? 'ABORTED' : 'FAILED';
          Object.assign(record, { error: { name: error.name, message: error.message } });
          if (record.status === 'FAILED') log(`Workflow ${machineName} ${executionName} failed: ${error.message}`);
        },
      );
      executions.set(executionName, record);
      return 'started';
    },
    sendTaskSuccess: (token, output) => answer(token, { output }),
    executions: () => [...executions.values()].map(({ done: _d, abort: _a, controller: _c, ...record }) => record),
    async waitFor(name) {
      const record = executions.get(name);
      if (!record) throw new Error(`No execution ${name}`);
      await record.done;
      const { done: _d, abort: _a, controller: _c, ...rest } = record;
      return rest;
    },
    pendingTokens: () => [...pendingByToken.keys()],
    /** Aborts every execution, and lets the tasks already running finish: the store then holds where each step got to. */
    async stop() {
      for (const record of executions.values()) if (record.status === 'RUNNING') record.abort();
      await Promise.all([...executions.values()].map((record) => record.done));
      await Promise.all([...inFlight]);
      pendingByState.clear();
      pendingByToken.clear();
      waitTargets.clear();
    },
  };
}
