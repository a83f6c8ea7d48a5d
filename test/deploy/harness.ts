import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { LOCAL_AWS_CONFIG } from '../../functions/runtime/local/dynamodb-local.js';
import { demoPeople } from '../../functions/runtime/seed/demo-organisation.js';
import { ensureSeededTable } from '../../functions/runtime/seed/seeded-table.js';
import { createDb, type Db } from '../../functions/store/document-client.js';
import { apiJourney, TOKEN_VARIABLES } from './api-journey.js';
import { accessKeyOf, childEnvironment, FunctionChild, PRELOAD_ONLY, type LambdaError } from './child-runner.js';
import type { EventContext, EventSource } from './events.js';
import { CLOUDFORMATION_RESPONSES, startRecordingProxy, TaskTokens, type RecordedCall, type RecordingProxy } from './recording-proxy.js';
import { customResourceEvents } from './custom-resource-events.js';
import { mailEvents } from './mail-events.js';
import type { DeployedStack, OurFunction } from './stack.js';
import { workflowTaskEvents } from './task-events.js';
import { streamEvents } from './stream-events.js';

/**
 * Runs the deployment offline: the table in DynamoDB Local with the demo seed, one recording proxy,
 * and one child process per function of ours, which gets the representative events of its source.
 */

/** Which events each of our entry points gets: its event source in AWS. */
export const EVENT_SOURCES: Record<string, EventSource> = {
  // ANY /api/{proxy+} of the HTTP API.
  'functions/handlers/api.ts': apiJourney,
  // The lambda:invoke Task states of the state machines.
  'functions/handlers/tasks.ts': workflowTaskEvents,
  // CloudFormation's custom resource requests (the first admin) on deploy.
  'functions/handlers/bootstrap.ts': customResourceEvents,
  // The table's change stream, through an event source mapping.
  'functions/handlers/projection.ts': streamEvents,
  // SES bounce and complaint events of the configuration set, through its SNS topic.
  'functions/handlers/mail-events.ts': mailEvents,
};

export type StepResult = { label: string; problem: string | null; calls: RecordedCall[] };
export type FunctionReport = {
  fn: OurFunction;
  source: EventSource | undefined;
  start: { ok: true } | { ok: false; error: LambdaError; logs: string };
  /** The variables the child had before the function's module loaded, and those it should have had. */
  environment: { seen: string[]; expected: string[] };
  /** Diagnostics only: variables added to the template's environment, from another function's. */
  borrowed: Record<string, string>;
  steps: StepResult[];
  sourceProblems: string[];
  /** Every call the function made: at its cold start and for its events. */
  calls: RecordedCall[];
  outbound: { method: string; url: string }[];
};
export type HarnessReport = {
  functions: FunctionReport[];
  /** Every call the proxy received, signed by one of our functions or not. */
  calls: RecordedCall[];
  proxy: RecordingProxy;
  /** Milliseconds per phase, for keeping the run fast. */
  timings: Record<string, number>;
};

export type HarnessOptions = {
  dynamoEndpoint: string;
  /**
   * Diagnostics only, never in the test: when a function does not start because a variable is not
   * set, take that variable's value from another function of ours and start again, so that what the
   * function would call next can be seen.
   */
  borrowMissingVariables?: boolean;
};

/** How calls made while a function's module loads are labelled. */
export const COLD_START = 'its cold start';
const MISSING_VARIABLE = /Environment variable (\w+) is not set/;

export async function runHarness(stack: DeployedStack, options: HarnessOptions): Promise<HarnessReport> {
  const now = new Date();
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (phase: string) => {
    timings[phase] = Date.now() - mark;
    mark = Date.now();
  };
  const tokens = new TaskTokens();
  const { signer, jwksAnswers } = await identityProvider(stack);
  const proxy = await startRecordingProxy({
    dynamoEndpoint: options.dynamoEndpoint,
    callers: new Map(stack.ours.map((fn) => [accessKeyOf(fn), fn])),
    machines: machineTargets(stack),
    emailIdentities: Object.entries(stack.template.Resources)
      .filter(([, r]) => r.Type === 'AWS::SES::EmailIdentity')
      .map(([id]) => stack.resolver.ref(id)),
    userPoolIds: Object.entries(stack.template.Resources)
      .filter(([, r]) => r.Type === 'AWS::Cognito::UserPool')
      .map(([id]) => stack.resolver.ref(id)),
    tokens,
  });
  const plumbing = { endpointUrl: proxy.url, fetchAnswers: jwksAnswers, passThrough: [`${proxy.url}${CLOUDFORMATION_RESPONSES}`] };
  const start = (fn: OurFunction, borrowed: Record<string, string>) => {
    proxy.setActivity(fn.path, COLD_START);
    return FunctionChild.start(fn, childEnvironment(fn, plumbing, borrowed)).finally(() => proxy.setActivity(fn.path, undefined));
  };
  const startBorrowing = async (fn: OurFunction) => {
    const borrowed: Record<string, string> = {};
    for (;;) {
      const started = await start(fn, borrowed);
      const missing = !started.ok && options.borrowMissingVariables ? MISSING_VARIABLE.exec(started.error.errorMessage)?.[1] : undefined;
      const donor = missing ? stack.ours.find((other) => other !== fn && other.environment[missing] !== undefined) : undefined;
      if (started.ok || !missing || !donor || missing in borrowed) return { started, borrowed };
      borrowed[missing] = donor.environment[missing]!;
    }
  };

  const reports: FunctionReport[] = [];
  const tables: Db[] = [];
  const children: FunctionChild[] = [];
  // Cold starts need no data: they run while DynamoDB Local takes the seed.
  const starting = Promise.all(stack.ours.map(startBorrowing));
  try {
    tables.push(...(await prepareTables(stack, options.dynamoEndpoint)));
    lap('table and demo seed');
    const contexts = stack.ours.map((fn): EventContext => ({
      fn,
      stack,
      db: tables.find((t) => Object.values(fn.environment).includes(t.tableName)) ?? tables[0]!,
      tokens,
      proxy,
      signIdToken: (personId) => signer(fn, personId),
      now,
    }));
    for (const ctx of contexts) await EVENT_SOURCES[ctx.fn.entry]?.prepare?.(ctx);
    lap('fixtures');
    const starts = await starting;
    for (const { started } of starts) if (started.ok) children.push(started.child);
    lap('rest of the cold starts');

    // One function at a time, one event at a time: each call belongs to one event of one function.
    for (const [i, ctx] of contexts.entries()) {
      const { started, borrowed } = starts[i]!;
      const source = EVENT_SOURCES[ctx.fn.entry];
      const report: FunctionReport = {
        fn: ctx.fn,
        source,
        start: started.ok ? { ok: true } : { ok: false, error: started.error, logs: started.logs },
        environment: { seen: started.environmentNames, expected: expectedEnvironment(ctx.fn, plumbing, borrowed) },
        borrowed,
        steps: [],
        sourceProblems: [],
        calls: [],
        outbound: [],
      };
      reports.push(report);
      const { steps, problems } = source ? source.steps(ctx) : { steps: [], problems: [] };
      report.sourceProblems = problems;
      let child = started.ok ? started.child : undefined;
      for (const step of steps) {
        if (!child) {
          report.steps.push({ label: step.label, problem: 'was not sent: the function does not start', calls: [] });
          continue;
        }
        let event: unknown;
        try {
          event = await step.build();
        } catch (error) {
          report.steps.push({ label: step.label, problem: `could not be sent: ${(error as Error).message}`, calls: [] });
          continue;
        }
        if (!child.alive) {
          // A timed-out invocation kills the child, as Lambda does its sandbox: the next event gets a cold start.
          report.outbound.push(...child.outbound);
          const again = await start(ctx.fn, borrowed);
          if (!again.ok) {
            child = undefined;
            report.steps.push({ label: step.label, problem: `was not sent: the function no longer starts (${again.error.errorMessage})`, calls: [] });
            continue;
          }
          child = again.child;
          children.push(child);
        }
        proxy.setActivity(ctx.fn.path, step.label);
        const outcome = await child.invoke(event);
        proxy.setActivity(ctx.fn.path, undefined);
        const calls = proxy.calls.filter((c) => c.fn === ctx.fn.path && c.during === step.label);
        const made = new Set(calls.flatMap((c) => c.authorizations.map((a) => a.action)));
        const missing = (step.expectCalls ?? []).filter((action) => !made.has(action));
        const problem = (await step.check(outcome)) ?? (missing.length > 0 ? `made no ${missing.join(', ')} call` : null);
        report.steps.push({ label: step.label, problem, calls });
      }
      if (child) report.outbound.push(...child.outbound);
      report.calls = proxy.calls.filter((c) => c.fn === ctx.fn.path);
      lap(`events of ${ctx.fn.path}`);
    }
  } finally {
    for (const { started } of (await starting.catch(() => [])) ?? []) if (started.ok) started.child.stop();
    for (const child of children) child.stop();
    await proxy.stop();
    for (const table of tables) table.raw.destroy();
  }
  return { functions: reports, calls: proxy.calls, proxy, timings };
}

/** What the child's process.env should hold when the function's module loads. */
function expectedEnvironment(fn: OurFunction, plumbing: Parameters<typeof childEnvironment>[1], borrowed: Record<string, string>): string[] {
  return Object.keys(childEnvironment(fn, plumbing, borrowed))
    .filter((name) => name !== PRELOAD_ONLY)
    .sort();
}

/** Each table of the template in DynamoDB Local under its resolved name, with the demo organisation. */
async function prepareTables(stack: DeployedStack, endpoint: string): Promise<Db[]> {
  const tables: Db[] = [];
  for (const [id, resource] of Object.entries(stack.template.Resources)) {
    if (resource.Type !== 'AWS::DynamoDB::Table') continue;
    const db = createDb(stack.resolver.ref(id), { ...LOCAL_AWS_CONFIG, endpoint });
    await ensureSeededTable(db);
    tables.push(db);
  }
  return tables;
}

/** State machine ARNs with the alias and version ARNs the template gives each. */
function machineTargets(stack: DeployedStack) {
  const qualified = Object.entries(stack.template.Resources)
    .filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachineAlias' || r.Type === 'AWS::StepFunctions::StateMachineVersion')
    .map(([id]) => stack.resolver.ref(id));
  return stack.machines.map((m) => ({ arn: m.arn, name: m.name, qualified: qualified.filter((arn) => arn.startsWith(`${m.arn}:`)) }));
}

/**
 * Stands in for Cognito: one RSA key, its public half served as every user pool's JWKS, and ID
 * tokens signed with it for the issuer and client the function's environment names.
 */
async function identityProvider(stack: DeployedStack) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'sykli-deploy-harness';
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const jwksAnswers = Object.fromEntries(
    Object.entries(stack.template.Resources)
      .filter(([, r]) => r.Type === 'AWS::Cognito::UserPool')
      .map(([id]) => [`${stack.resolver.getAtt(id, 'ProviderURL')}/.well-known/jwks.json`, jwks]),
  );
  const signer = async (fn: OurFunction, personId: string) => {
    const person = demoPeople.find((p) => p.id === personId);
    if (!person) throw new Error(`${personId} is no person of the demo seed`);
    const issuer = fn.environment[TOKEN_VARIABLES.issuer];
    const audience = fn.environment[TOKEN_VARIABLES.audience];
    if (!issuer || !audience) throw new Error(`${fn.path} has no ${TOKEN_VARIABLES.issuer} and ${TOKEN_VARIABLES.audience} to mint ID tokens for`);
    return new SignJWT({ email: person.email, email_verified: true, token_use: 'id', 'cognito:username': person.id })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(person.id)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  };
  return { signer, jwksAnswers };
}
