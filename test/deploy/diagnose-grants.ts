/**
 * DIAGNOSTIC, NOT A TEST: `npx tsx test/deploy/diagnose-grants.ts`.
 *
 * Runs the deploy harness like test/deploy/deploy.test.ts does, except that a function that does
 * not start because a variable is not set gets that variable by hand, from another function of
 * ours that has it. That shows what the function would call once it starts, and which of those
 * calls its synthesized policies deny. The test never does this: there, a missing variable fails.
 */
import { startDynamoDbLocal } from '../../functions/runtime/local/dynamodb-local.js';
import { runHarness } from './harness.js';
import { readStack, removeSynthesis, synthesize } from './stack.js';
import {
  deniedProblems,
  eventProblems,
  eventSourceProblems,
  startProblems,
  stateMachineProblems,
  unmodelledProblems,
  unusedGrantProblems,
} from './verdicts.js';

const started = Date.now();
const dynamo = await startDynamoDbLocal();
console.log(`DynamoDB Local: ${Date.now() - started} ms`);
try {
  const synthStarted = Date.now();
  const stack = readStack(synthesize());
  console.log(`synth: ${Date.now() - synthStarted} ms`);
  const report = await runHarness(stack, { dynamoEndpoint: dynamo.endpoint, borrowMissingVariables: true }).finally(() => removeSynthesis(stack));
  const section = (title: string, lines: string[]) => console.log(`\n## ${title}\n${lines.length > 0 ? lines.map((l) => `- ${l}`).join('\n') : '- none'}`);

  section('Stack', [...stack.classificationProblems, ...stateMachineProblems(stack)]);
  for (const fn of report.functions) {
    console.log(`\n# ${fn.fn.path} (bundled from ${fn.fn.entry})`);
    section('Supplied by hand (NOT in the template)', Object.entries(fn.borrowed).map(([name, value]) => `${name}=${value}`));
    section('Start', startProblems(fn));
    section('Event sources', eventSourceProblems(fn));
    section('Events', eventProblems(fn));
    section('Denied calls', deniedProblems(fn));
    section('Calls the harness does not model', unmodelledProblems(fn));
    section('Granted but unused', unusedGrantProblems(fn));
    const calls = new Map<string, { allowed: boolean; count: number }>();
    for (const call of fn.steps.flatMap((s) => s.calls)) {
      for (const a of call.authorizations) {
        const key = `${a.action} on ${a.resource}${a.context['states:StateMachineQualifier'] ? ` (qualifier ${a.context['states:StateMachineQualifier']})` : ''}`;
        const entry = calls.get(key) ?? { allowed: a.decision.allowed, count: 0 };
        entry.count += 1;
        calls.set(key, entry);
      }
    }
    section('Every recorded authorization', [...calls].map(([key, { allowed, count }]) => `${allowed ? 'ALLOWED' : 'DENIED '} ${key} ×${count}`));
  }
  section('Timings', Object.entries(report.timings).map(([phase, ms]) => `${phase}: ${ms} ms`));
  console.log(`\n(${Math.round((Date.now() - started) / 1000)} s in all)`);
} finally {
  await dynamo.stop();
}
