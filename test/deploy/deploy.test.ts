import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { runHarness, type FunctionReport, type HarnessReport } from './harness.js';
import { readStack, removeSynthesis, synthesize } from './stack.js';
import {
  deniedProblems,
  eventProblems,
  eventSourceProblems,
  expectNoProblems,
  startProblems,
  stateMachineProblems,
  unmodelledProblems,
  unknownCallerProblems,
  serviceCallProblems,
  unusedGrantProblems,
} from './verdicts.js';

/**
 * From the outside: the synthesized stack's functions start with exactly the environment the
 * template gives them, and the policies the template gives their roles allow every AWS call they
 * make for representative events of their event sources, and nothing more.
 */

// Synthesized once, while collecting, so that each function of the template gets its own tests.
const synthStarted = Date.now();
const stack = readStack(synthesize());
const synthMs = Date.now() - synthStarted;

let report: HarnessReport | undefined;
const reportOf = (logicalId: string): FunctionReport => {
  const found = report?.functions.find((f) => f.fn.logicalId === logicalId);
  if (!found) throw new Error('The harness did not run (see the error of beforeAll).');
  return found;
};

beforeAll(async () => {
  report = await runHarness(stack, { dynamoEndpoint: inject('dynamoEndpoint') });
  const phases = Object.entries({ 'synth with bundling': synthMs, ...report.timings }).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`);
  console.info(`Deploy harness: ${phases.join(', ')}; ${report.calls.length} AWS calls recorded.`);
}, 150_000);

afterAll(() => {
  report = undefined;
  removeSynthesis(stack);
});

describe('the synthesized stack', () => {
  it('runs no Lambda function that is neither ours nor a known CDK framework function', () => {
    expectNoProblems(stack.classificationProblems);
  });

  it("invokes, from every Task of every state machine, a function of the template that the machine's role may invoke", () => {
    expectNoProblems(stateMachineProblems(stack));
  });

  it('receives no AWS call that none of our functions signed', () => {
    expectNoProblems(unknownCallerProblems(report?.calls ?? [], stack.ours.map((fn) => fn.path)));
  });

  it('gives every function of ours representative events of its event source', () => {
    expectNoProblems([...(stack.ours.length === 0 ? ['The template has no function of ours.'] : []), ...stack.ours.flatMap((fn) => eventSourceProblems(reportOf(fn.logicalId)))]);
  });
});

describe.each(stack.ours.map((fn) => ({ path: fn.path, logicalId: fn.logicalId })))('the function $path', ({ logicalId }) => {
  it('starts with exactly its synthesized environment', () => {
    expectNoProblems(startProblems(reportOf(logicalId)));
  });

  it('answers each representative event as expected', () => {
    expectNoProblems(eventProblems(reportOf(logicalId)));
  });

  it("is allowed every AWS call it makes, and Lambda every call it makes for it (destinations), by its role's synthesized policies", () => {
    const fn = reportOf(logicalId);
    expectNoProblems(
      fn.start.ok
        ? [...deniedProblems(fn), ...unmodelledProblems(fn), ...serviceCallProblems(fn)]
        : [`The calls of ${fn.fn.path} cannot be judged: the function does not start.`],
    );
  });

  it('uses every DynamoDB, Step Functions, SES (and any other non-logging) permission its role grants', () => {
    expectNoProblems(unusedGrantProblems(reportOf(logicalId)));
  });
});
