import type { Db } from '../../functions/store/document-client.js';
import type { Invocation } from './child-runner.js';
import type { RecordingProxy, TaskTokens } from './recording-proxy.js';
import type { DeployedStack, OurFunction } from './stack.js';

/**
 * What the harness sends a function: a list of steps, each building one event (possibly from what
 * earlier steps answered) and judging its outcome. Event sources are chosen per entry point below.
 */

export type EventContext = {
  fn: OurFunction;
  stack: DeployedStack;
  /** The harness's own access to the table, for fixtures and for reading back what a step wrote. */
  db: Db;
  tokens: TaskTokens;
  proxy: RecordingProxy;
  /** An ID token for a seeded person, as the user pool would issue it for this function's issuer and client. */
  signIdToken: (personId: string) => Promise<string>;
  now: Date;
};

export type Step = {
  label: string;
  /** The event; throws (with why) when it cannot be built, e.g. because a step it needs failed. */
  build: () => Promise<unknown> | unknown;
  /** Null when the outcome is as expected; otherwise what went wrong, as the end of a sentence. */
  check: (outcome: Invocation) => Promise<string | null> | string | null;
  /** IAM actions that must be among the calls made while handling the event. */
  expectCalls?: readonly string[];
};

export type EventSource = {
  /** The kind of event, for messages: e.g. "API Gateway HTTP API (payload 2.0)". */
  kind: string;
  /** Writes what the steps need beyond the demo seed. */
  prepare?: (ctx: EventContext) => Promise<void>;
  /** The steps, in order; problems are sentences about events that cannot be made at all. */
  steps: (ctx: EventContext) => { steps: Step[]; problems: string[] };
};

/** Outcome helpers for checks. */
export const describeError = (outcome: Invocation) =>
  outcome.ok ? '' : `${outcome.error.errorType}: ${outcome.error.errorMessage}`;

/** The last lines a function logged, for messages about 5xx answers and failed invocations. */
export function lastLogLines(logs: string, count = 3): string {
  const lines = logs.trim().split('\n').filter(Boolean).slice(-count);
  return lines.length > 0 ? ` (it logged: ${lines.map((l) => l.slice(0, 600)).join(' | ')})` : '';
}
