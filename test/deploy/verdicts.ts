import type { FunctionReport } from './harness.js';
import type { RecordedCall } from './recording-proxy.js';
import { actionMatches, evaluate, statementsOf, UnsupportedPolicyError } from './iam.js';
import { invokedFunction, type DeployedStack } from './stack.js';

/**
 * The harness's findings as sentences, each naming the function (or state machine) and what is
 * missing. An empty list is a pass; the test and the diagnostic script print the same sentences.
 */

/** Services whose grants need no call to justify them: the runtime writes logs and traces itself. */
export const LEAST_PRIVILEGE_EXEMPT = ['logs', 'xray'] as const;

export function startProblems(report: FunctionReport): string[] {
  const problems = report.start.ok ? [] : [`The function ${report.fn.path} does not start: ${report.start.error.errorMessage}`];
  const { seen, expected } = report.environment;
  const extra = seen.filter((name) => !expected.includes(name));
  const absent = expected.filter((name) => !seen.includes(name));
  if (seen.length === 0) problems.push(`The environment of ${report.fn.path} could not be read back from its process.`);
  else if (extra.length > 0 || absent.length > 0) {
    problems.push(
      `The process of ${report.fn.path} does not have exactly its synthesized environment: ` +
        [extra.length > 0 ? `it also has ${extra.join(', ')}` : '', absent.length > 0 ? `it lacks ${absent.join(', ')}` : ''].filter(Boolean).join('; ') +
        '.',
    );
  }
  const runtime = /^nodejs(\d+)/.exec(report.fn.runtime)?.[1];
  const harness = process.versions.node.split('.')[0];
  if (runtime !== harness) problems.push(`${report.fn.path} runs ${report.fn.runtime} in Lambda, but the harness runs it on Node ${process.versions.node}: run the tests with Node ${runtime}.`);
  return problems;
}

/** Calls that none of our functions signed: nothing may reach AWS unrecorded. */
export function unknownCallerProblems(calls: readonly RecordedCall[], ours: readonly string[]): string[] {
  return calls.filter((c) => !ours.includes(c.fn)).map((c) => `The proxy received ${c.service} ${c.operation} from ${c.fn}, which is no function of ours.`);
}

export function eventSourceProblems(report: FunctionReport): string[] {
  if (!report.source) {
    return [`The function ${report.fn.path} (bundled from ${report.fn.entry}) has no representative events: add its event source to EVENT_SOURCES in test/deploy/harness.ts.`];
  }
  const problems = report.sourceProblems.map((p) => `${report.fn.path}: ${p}`);
  if (report.steps.length === 0 && problems.length === 0) problems.push(`The function ${report.fn.path} has no representative events (${report.source.kind}).`);
  return problems;
}

export function eventProblems(report: FunctionReport): string[] {
  if (!report.start.ok) {
    return [`The function ${report.fn.path} does not start, so none of its ${report.steps.length} representative events ran.`];
  }
  return report.steps.filter((s) => s.problem).map((s) => `The function ${report.fn.path}, given "${s.label}", ${s.problem}.`);
}

/** Every denied `action on resource`, once each, with the first event that needed it. */
export function deniedProblems(report: FunctionReport): string[] {
  const seen = new Map<string, { count: number; during: string | undefined; why: string }>();
  for (const call of report.calls.filter((c) => c.modelled)) {
    for (const a of call.authorizations.filter((x) => !x.decision.allowed)) {
      const key = `${a.action} on ${a.resource}`;
      const entry = seen.get(key) ?? { count: 0, during: call.during, why: a.decision.why };
      entry.count += 1;
      seen.set(key, entry);
    }
  }
  return [...seen].map(
    ([what, { count, during, why }]) =>
      `The function ${report.fn.path} is not allowed ${what} (${why}); it calls it ${count === 1 ? 'once' : `${count} times`}, first for "${during}".`,
  );
}

/** What the Lambda service must be allowed with the function's role (its destinations), judged like the function's own calls. */
export function serviceCallProblems(report: FunctionReport): string[] {
  return report.fn.serviceCalls.flatMap((call) => {
    const decision = evaluate(report.fn.policies, call);
    return decision.allowed ? [] : [`The role of ${report.fn.path} does not allow ${call.action} on ${call.resource} (${decision.why}), which ${call.why}.`];
  });
}

/** Calls the harness does not model, and fetches it does not answer: a new dependency cannot slip by. */
export function unmodelledProblems(report: FunctionReport): string[] {
  const calls = report.calls.filter((c) => !c.modelled);
  return [
    ...calls.map(
      (c) =>
        `The function ${report.fn.path} calls ${c.service} ${c.operation}${c.detail ? ` with ${c.detail}` : ''} for "${c.during}", which the harness does not model: ` +
        'it was denied. Model it in test/deploy/recording-proxy.ts, or remove the call.',
    ),
    ...report.outbound.map((o) => `The function ${report.fn.path} fetches ${o.method} ${o.url}, which is not an AWS call the harness can record or answer.`),
  ];
}

/** Granted actions (but logs and X-Ray) that no recorded call used. */
export function unusedGrantProblems(report: FunctionReport): string[] {
  if (!report.start.ok) return [`The permissions of ${report.fn.path} cannot be judged: the function does not start.`];
  const used = [...report.calls.flatMap((c) => c.authorizations.map((a) => a.action)), ...report.fn.serviceCalls.map((c) => c.action)];
  const problems: string[] = [];
  for (const statement of statementsOf(report.fn.policies)) {
    if (statement.Effect !== 'Allow') continue;
    const actions = [statement.Action ?? []].flat();
    if (statement.NotAction !== undefined) problems.push(`The role of ${report.fn.path} allows everything but ${JSON.stringify(statement.NotAction)} (${statement.source}): grant the actions it uses instead.`);
    for (const pattern of actions) {
      const service = pattern.split(':')[0]!.toLowerCase();
      if ((LEAST_PRIVILEGE_EXEMPT as readonly string[]).includes(service)) continue;
      if (!used.some((action) => actionMatches(pattern, action))) {
        problems.push(`The role of ${report.fn.path} grants ${pattern} (${statement.source}), which none of its ${used.length} recorded calls used.`);
      }
    }
  }
  return [...new Set(problems)];
}

/** Every Task of every state machine invokes a function of the template that the machine's role may invoke. */
export function stateMachineProblems(stack: DeployedStack): string[] {
  const problems: string[] = [];
  if (stack.machines.length === 0) problems.push('The template has no state machine.');
  for (const machine of stack.machines) {
    for (const task of machine.tasks) {
      const where = `The Task ${task.trail} of ${machine.path} (${machine.file ?? 'no ASL file of workflows/'})`;
      if (!/^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/.test(String(task.state.Resource))) {
        problems.push(`${where} uses ${task.state.Resource}, which the harness does not model.`);
        continue;
      }
      const functionName = task.state.Parameters?.FunctionName;
      const target = invokedFunction(stack, functionName);
      if (!target) {
        problems.push(`${where} invokes ${JSON.stringify(functionName)}, which is no Lambda function of the template.`);
        continue;
      }
      try {
        const decision = evaluate(machine.policies, { action: 'lambda:InvokeFunction', resource: target.qualified, context: {} });
        if (!decision.allowed) problems.push(`The role of ${machine.path} may not lambda:InvokeFunction ${target.qualified} (${decision.why}), which its Task ${task.trail} invokes.`);
      } catch (error) {
        if (!(error instanceof UnsupportedPolicyError)) throw error;
        problems.push(`The role of ${machine.path} cannot be judged for lambda:InvokeFunction on ${target.qualified}: ${error.message}`);
      }
    }
  }
  return problems;
}

/** Throws one error listing every sentence, or does nothing when there are none. */
export function expectNoProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(`${problems.length === 1 ? 'One problem' : `${problems.length} problems`}:\n- ${problems.join('\n- ')}`);
}
