/**
 * Rewrites an ASL definition so that aws-local-stepfunctions can run it faithfully:
 * - `lambda:invoke` Tasks run the task dispatcher in-process (same handlers as the Lambdas);
 * - `.waitForTaskToken` Tasks get a token per wait that `sendTaskSuccess/Failure` resolves
 *   (the interpreter has no `$$.Task.Token`), and their TimeoutSeconds is kept by the bridge;
 * - Wait states become bridge Tasks that sleep in safe steps, so waits past 24.8 days work.
 * Every rewritten Task gets a first Retry on CONTINUE_WAITING: a wait longer than one step ends
 * the step with that error and is retried at once, because the interpreter times every Task with
 * a plain setTimeout too.
 */
export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
export const LAMBDA_INVOKE_WAIT = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
export const CONTINUE_WAITING = 'Sykli.Local.ContinueWaiting';
/** One step of a long wait; the interpreter's own timer for the Task is a little longer. */
export const STEP_SECONDS = 20 * 24 * 60 * 60;
const STEP_TIMEOUT_SECONDS = STEP_SECONDS + 60 * 60;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type State = Record<string, Json> & { Type: string };
type Definition = { StartAt: string; States: Record<string, State> } & Record<string, Json>;

export type BridgedState =
  | { kind: 'invoke'; name: string }
  | { kind: 'token'; name: string; tokenPaths: string[][]; timeoutSeconds: number | null }
  | { kind: 'wait'; name: string };

export type PreparedDefinition = { definition: Definition; bridged: Map<string, BridgedState> };

const TOKEN_PATH = '$$.Task.Token';

function findTokenPaths(value: Json, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key.endsWith('.$') && inner === TOKEN_PATH ? [[...path, key.slice(0, -2)]] : findTokenPaths(inner, [...path, key]),
  );
}

function withoutTokenPaths(value: Json): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !(key.endsWith('.$') && inner === TOKEN_PATH))
      .map(([key, inner]) => [key, withoutTokenPaths(inner)]),
  );
}

const continueRetry = { ErrorEquals: [CONTINUE_WAITING], MaxAttempts: 100_000, IntervalSeconds: 1, BackoffRate: 1 };

function rewriteState(name: string, state: State, bridged: Map<string, BridgedState>): State {
  if (bridged.has(name)) throw new Error(`State name ${name} is used twice; the local engine needs unique names.`);
  if (state.Type === 'Task' && state.Resource === LAMBDA_INVOKE) {
    bridged.set(name, { kind: 'invoke', name });
    return state;
  }
  if (state.Type === 'Task' && state.Resource === LAMBDA_INVOKE_WAIT) {
    const timeoutSeconds = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : null;
    bridged.set(name, { kind: 'token', name, tokenPaths: findTokenPaths(state.Parameters ?? null), timeoutSeconds });
    const { TimeoutSeconds: _, ...rest } = state;
    return {
      ...rest,
      Parameters: withoutTokenPaths(state.Parameters ?? null),
      TimeoutSeconds: STEP_TIMEOUT_SECONDS,
      Retry: [continueRetry, ...((state.Retry as Json[] | undefined) ?? [])],
    };
  }
  if (state.Type === 'Task') throw new Error(`Task ${name}: the local engine runs only Lambda invocations.`);
  if (state.Type === 'Wait') {
    bridged.set(name, { kind: 'wait', name });
    const { Seconds, SecondsPath, Timestamp, TimestampPath, Type: _, ...rest } = state;
    const parameters: Record<string, Json> = {};
    if (Seconds !== undefined) parameters.seconds = Seconds;
    if (SecondsPath !== undefined) parameters['seconds.$'] = SecondsPath;
    if (Timestamp !== undefined) parameters.timestamp = Timestamp;
    if (TimestampPath !== undefined) parameters['timestamp.$'] = TimestampPath;
    return {
      ...rest,
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: parameters,
      ResultPath: null,
      TimeoutSeconds: STEP_TIMEOUT_SECONDS,
      Retry: [continueRetry],
    };
  }
  if (state.Type === 'Map') {
    const processorKey = state.ItemProcessor ? 'ItemProcessor' : 'Iterator';
    const processor = state[processorKey] as Definition;
    return { ...state, [processorKey]: rewriteStates(processor, bridged) };
  }
  if (state.Type === 'Parallel') {
    return { ...state, Branches: (state.Branches as Definition[]).map((branch) => rewriteStates(branch, bridged)) };
  }
  return state;
}

function rewriteStates(definition: Definition, bridged: Map<string, BridgedState>): Definition {
  return {
    ...definition,
    States: Object.fromEntries(
      Object.entries(definition.States).map(([name, state]) => [name, rewriteState(name, state, bridged)]),
    ),
  };
}

export function prepareLocalDefinition(definition: unknown): PreparedDefinition {
  const bridged = new Map<string, BridgedState>();
  const copy = JSON.parse(JSON.stringify(definition)) as Definition;
  return { definition: rewriteStates(copy, bridged), bridged };
}

/** Continue-waiting retries must not pause: the array form overrides only the first retrier. */
export function retryOverrides(bridged: Map<string, BridgedState>): Record<string, number[]> {
  const overrides: Record<string, number[]> = {};
  for (const state of bridged.values()) if (state.kind !== 'invoke') overrides[state.name] = [0];
  return overrides;
}
