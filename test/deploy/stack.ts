import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthStack } from '../infra/synth-stack.js';
import { rolePolicies, type AuthRequest, type NamedPolicy } from './iam.js';
import { createResolver, type CfnResource, type CfnTemplate, type Resolver } from './resolver.js';

/**
 * The stack as a deployment would see it: synthesized offline with bundling, its Lambda functions
 * classified, their environments and policies resolved, and its state machines read back from
 * the staged definition files.
 */

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HANDLERS_DIR = 'functions/handlers';

/**
 * Lambda functions that CDK itself adds to the stack. They run CDK's code, not ours, so the
 * harness does not start them; each is listed with why it is there.
 */
export const CDK_FRAMEWORK_FUNCTIONS: readonly { path: RegExp; reason: string }[] = [
  {
    path: /^Custom::CDKBucketDeployment[0-9A-F]{32}$/,
    reason:
      "BucketDeployment's handler (aws-cdk-lib's own Python code with the AWS CLI layer): copies web/dist into the web " +
      'bucket and invalidates the distribution while CloudFormation deploys; it is never called at run time.',
  },
];

export type OurFunction = {
  logicalId: string;
  /** The construct path, e.g. `Sykli/Api/Handler`: how the failure sentences name the function. */
  path: string;
  /** The entry point it was bundled from, relative to the repository, e.g. `functions/handlers/api.ts`. */
  entry: string;
  assetDir: string;
  handler: string;
  /** Lambda's runtime, e.g. `nodejs22.x`. */
  runtime: string;
  timeoutSeconds: number;
  memorySize: number;
  /** Ref (the function name) and Arn, resolved. */
  name: string;
  arn: string;
  logGroupName: string;
  tracing: boolean;
  /** The template's `Environment.Variables`, resolved. */
  environment: Record<string, string>;
  roleId: string;
  roleArn: string;
  policies: NamedPolicy[];
  /** The template's event source mappings of this function: what Lambda reads for it, and where failures go. */
  eventSourceMappings: { logicalId: string; source: string; onFailure: string | undefined }[];
  /**
   * What the Lambda service does with the function's role on its behalf, as the template configures
   * it: e.g. sending a failed asynchronous event to the on-failure destination.
   */
  serviceCalls: (AuthRequest & { why: string })[];
};
export type FrameworkFunction = { logicalId: string; path: string; reason: string };

export type TaskStateRef = {
  machine: Machine;
  name: string;
  /** `State` or `MapState/InnerState`, for messages. */
  trail: string;
  state: Record<string, any>;
  /** The Map state whose item processor holds this state, if any. */
  map?: { name: string; state: Record<string, any> };
};
export type Machine = {
  logicalId: string;
  path: string;
  arn: string;
  name: string;
  /** The ASL file under workflows/ that the staged definition is a copy of. */
  file: string | undefined;
  definition: { States: Record<string, Record<string, any>> };
  roleId: string;
  policies: NamedPolicy[];
  tasks: TaskStateRef[];
};

export type DeployedStack = {
  stackName: string;
  assemblyDir: string;
  workDir: string;
  template: CfnTemplate;
  resolver: Resolver;
  ours: OurFunction[];
  framework: FrameworkFunction[];
  /** Sentences about functions the harness could not classify, or allow-list entries that match nothing. */
  classificationProblems: string[];
  machines: Machine[];
};

/**
 * Synthesizes with bundling into a temporary directory, as `cdk synth` would: the CLI's asset and
 * path metadata switched on, and a built web app so that the stack has the deployment of it that
 * production has.
 */
export type Synthesis = {
  stackName: string;
  assemblyDir: string;
  template: CfnTemplate;
  /** Holds the assembly and the web dist; removeSynthesis deletes it. */
  workDir: string;
};

export function synthesize(): Synthesis {
  const work = mkdtempSync(join(tmpdir(), 'sykli-deploy-'));
  const assemblyDir = join(work, 'cdk.out');
  const webDist = join(work, 'web-dist');
  mkdirSync(join(webDist, 'assets'), { recursive: true });
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Sykli</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(webDist, 'assets', 'app.js'), 'export {};');

  const saved = { CDK_OUTDIR: process.env.CDK_OUTDIR, CDK_CONTEXT_JSON: process.env.CDK_CONTEXT_JSON, CDK_VALIDATION: process.env.CDK_VALIDATION };
  // synthStack builds its own App; these are the variables through which the CDK CLI hands an app its
  // output directory and context.
  process.env.CDK_OUTDIR = assemblyDir;
  process.env.CDK_CONTEXT_JSON = JSON.stringify({ 'aws:cdk:enable-asset-metadata': true, 'aws:cdk:enable-path-metadata': true });
  // CDK's built-in CloudFormation schema validation takes 5 s; checking the template's schema is the
  // infra project's and `cdk synth`'s job, not this harness's.
  process.env.CDK_VALIDATION = 'false';
  try {
    // Deployed as the README says, so that the first admin's bootstrap function is in it too.
    const { app, stack } = synthStack({ bundle: true, webDistPath: webDist, deployed: true });
    const assembly = app.synth();
    const template = assembly.getStackByName(stack.stackName).template as CfnTemplate;
    return { stackName: stack.stackName, assemblyDir: assembly.directory, template, workDir: work };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const constructPath = (resource: CfnResource, stackName: string, id: string) =>
  String(resource.Metadata?.['aws:cdk:path'] ?? `${stackName}/${id}`).replace(/\/Resource$/, '');

/** The handler entry an asset was bundled from: the one functions/handlers/*.ts its source map names. */
function bundledEntry(assetDir: string): string | undefined {
  const mapFile = readdirSync(assetDir).find((file) => file.endsWith('.js.map') || file.endsWith('.mjs.map'));
  if (!mapFile) return undefined;
  const map = JSON.parse(readFileSync(join(assetDir, mapFile), 'utf8')) as { sources: string[]; sourceRoot?: string };
  const entries = map.sources
    .map((source) => relative(REPO_ROOT, resolvePath(assetDir, map.sourceRoot ?? '', source)))
    .filter((file) => /^functions\/handlers\/[^/]+\.ts$/.test(file));
  return entries.length === 1 ? entries[0] : undefined;
}

/** Deletes the synthesized assembly (about 40 MB) once the functions have stopped. */
export function removeSynthesis(stack: Pick<DeployedStack, 'workDir'>): void {
  rmSync(stack.workDir, { recursive: true, force: true });
}

export function readStack(synth: Synthesis): DeployedStack {
  const { stackName, assemblyDir, template, workDir } = synth;
  const resolver = createResolver(template, stackName, randomUUID());
  const ours: OurFunction[] = [];
  const framework: FrameworkFunction[] = [];
  const classificationProblems: string[] = [];

  const lambdas = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
  for (const [id, resource] of lambdas) {
    const path = constructPath(resource, stackName, id);
    const relativePath = path.slice(stackName.length + 1);
    const known = CDK_FRAMEWORK_FUNCTIONS.find((entry) => entry.path.test(relativePath));
    if (known) {
      framework.push({ logicalId: id, path, reason: known.reason });
      continue;
    }
    const assetPath = resource.Metadata?.['aws:asset:path'];
    const assetDir = typeof assetPath === 'string' ? join(assemblyDir, assetPath) : undefined;
    const entry = assetDir && existsSync(assetDir) && resource.Metadata?.['aws:asset:is-bundled'] ? bundledEntry(assetDir) : undefined;
    if (!entry || !assetDir) {
      classificationProblems.push(
        `The Lambda function ${path} (${id}) is neither bundled from one of ${HANDLERS_DIR}/*.ts nor a known CDK framework function: ` +
          'add it to the harness (its events) or to CDK_FRAMEWORK_FUNCTIONS with the reason it is there.',
      );
      continue;
    }
    ours.push(ourFunction(template, resolver, id, resource, path, entry, assetDir));
  }
  for (const entry of CDK_FRAMEWORK_FUNCTIONS) {
    if (!framework.some((f) => entry.path.test(f.path.slice(stackName.length + 1)))) {
      classificationProblems.push(`CDK_FRAMEWORK_FUNCTIONS lists ${entry.path}, which matches no function of the template any more: remove it.`);
    }
  }
  const machines = readMachines(template, resolver, assemblyDir, stackName);
  return { stackName, assemblyDir, workDir, template, resolver, ours, framework, classificationProblems, machines };
}

function roleIdOf(value: unknown, what: string): string {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'];
  if (!getAtt || getAtt[1] !== 'Arn') throw new Error(`${what} is not the Arn of a role of the template, so its policies cannot be read.`);
  return getAtt[0];
}

function ourFunction(template: CfnTemplate, resolver: Resolver, id: string, resource: CfnResource, path: string, entry: string, assetDir: string): OurFunction {
  const props = resource.Properties ?? {};
  if (!String(props.Runtime ?? '').startsWith('nodejs')) throw new Error(`${path} is bundled from ${entry} but runs ${props.Runtime}, not Node.js.`);
  const variables = (resolver.resolve(props.Environment?.Variables ?? {}) ?? {}) as Record<string, unknown>;
  const environment = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, String(value)]));
  const roleId = roleIdOf(props.Role, `The Role of ${path}`);
  const name = resolver.ref(id);
  const mappings = eventSourceMappingsOf(template, resolver, id, name);
  const logGroup = props.LoggingConfig?.LogGroup;
  return {
    logicalId: id,
    path,
    entry,
    assetDir,
    handler: String(props.Handler),
    runtime: String(props.Runtime),
    timeoutSeconds: Number(props.Timeout ?? 3),
    memorySize: Number(props.MemorySize ?? 128),
    name,
    arn: resolver.getAtt(id, 'Arn'),
    logGroupName: logGroup ? resolver.resolveString(logGroup, `${id}.LoggingConfig.LogGroup`) : `/aws/lambda/${name}`,
    tracing: props.TracingConfig?.Mode === 'Active',
    environment,
    roleId,
    roleArn: resolver.getAtt(roleId, 'Arn'),
    policies: rolePolicies(template, resolver, roleId),
    eventSourceMappings: mappings,
    serviceCalls: [...destinationCalls(template, resolver, name), ...mappingCalls(mappings)],
  };
}

/**
 * What Lambda does with the function's role to run its event source mappings, as AWS documents it:
 * read a DynamoDB stream, and send what still fails to the on-failure queue.
 */
function mappingCalls(mappings: OurFunction['eventSourceMappings']): OurFunction['serviceCalls'] {
  return mappings.flatMap((mapping) => {
    if (!/^arn:aws:dynamodb:[^:]+:\d+:table\/[^/]+\/stream\//.test(mapping.source)) {
      throw new Error(`The event source mapping ${mapping.logicalId} reads ${mapping.source}, a kind of source the harness does not model.`);
    }
    const why = `Lambda calls it to read the stream for the mapping ${mapping.logicalId}`;
    const reads = ['DescribeStream', 'GetRecords', 'GetShardIterator'].map((action) => ({ action: `dynamodb:${action}`, resource: mapping.source, context: {}, why }));
    // ListStreams is not scoped to a resource.
    const calls = [...reads, { action: 'dynamodb:ListStreams', resource: '*', context: {}, why }];
    if (!mapping.onFailure) return calls;
    if (!mapping.onFailure.startsWith('arn:aws:sqs:')) throw new Error(`The mapping ${mapping.logicalId} sends failures to ${mapping.onFailure}, which the harness does not model.`);
    return [...calls, { action: 'sqs:SendMessage', resource: mapping.onFailure, context: {}, why: `Lambda sends the batches the mapping ${mapping.logicalId} gave up on there` }];
  });
}

function eventSourceMappingsOf(template: CfnTemplate, resolver: Resolver, id: string, name: string): OurFunction['eventSourceMappings'] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::EventSourceMapping')
    .filter(([, r]) => [name, resolver.getAtt(id, 'Arn')].includes(resolver.resolveString(r.Properties?.FunctionName, 'EventSourceMapping.FunctionName')))
    .map(([mappingId, r]) => ({
      logicalId: mappingId,
      source: resolver.resolveString(r.Properties?.EventSourceArn, `${mappingId}.EventSourceArn`),
      onFailure: r.Properties?.DestinationConfig?.OnFailure?.Destination
        ? resolver.resolveString(r.Properties.DestinationConfig.OnFailure.Destination, `${mappingId}.OnFailure`)
        : undefined,
    }));
}

/** The action Lambda calls, with the function's role, to deliver to a destination of this kind. */
const DESTINATION_ACTIONS: Record<string, string> = { sqs: 'sqs:SendMessage', sns: 'sns:Publish', lambda: 'lambda:InvokeFunction', events: 'events:PutEvents' };

/** The asynchronous invocation destinations of the function (AWS::Lambda::EventInvokeConfig). */
function destinationCalls(template: CfnTemplate, resolver: Resolver, functionName: string): OurFunction['serviceCalls'] {
  return Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::Lambda::EventInvokeConfig' && resolver.resolveString(r.Properties?.FunctionName, 'EventInvokeConfig.FunctionName') === functionName)
    .flatMap((r) =>
      (['OnFailure', 'OnSuccess'] as const).flatMap((when) => {
        const destination = r.Properties?.DestinationConfig?.[when]?.Destination;
        if (destination === undefined) return [];
        const resource = resolver.resolveString(destination, `EventInvokeConfig.${when}`);
        const action = DESTINATION_ACTIONS[resource.split(':')[2] ?? ''];
        if (!action) throw new Error(`The ${when} destination ${resource} of ${functionName} is of a kind the harness does not model.`);
        return [{ action, resource, context: {}, why: `Lambda delivers ${when === 'OnFailure' ? 'failed' : 'successful'} asynchronous events there` }];
      }),
    );
}

/** The definition text a state machine deploys, before CloudFormation fills its substitutions. */
function definitionText(props: Record<string, any>, resolver: Resolver, assemblyDir: string, stackName: string, id: string): string {
  if (props.DefinitionString !== undefined) return resolver.resolveString(props.DefinitionString, `${id}.DefinitionString`);
  if (props.Definition !== undefined) return JSON.stringify(resolver.resolve(props.Definition));
  const location = props.DefinitionS3Location as { Key?: unknown } | undefined;
  if (!location) throw new Error(`The state machine ${id} has no definition.`);
  // A staged file asset: the asset manifest says which file of the assembly is uploaded under that key.
  const key = resolver.resolveString(location.Key, `${id}.DefinitionS3Location.Key`);
  const manifest = JSON.parse(readFileSync(join(assemblyDir, `${stackName}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string; packaging?: string }; destinations: Record<string, { objectKey: string }> }>;
  };
  const asset = Object.values(manifest.files).find((file) => Object.values(file.destinations).some((d) => d.objectKey === key));
  if (!asset || asset.source.packaging === 'zip') throw new Error(`The definition of ${id} (s3 key ${key}) is no file asset of the assembly.`);
  return readFileSync(join(assemblyDir, asset.source.path), 'utf8');
}

function readMachines(template: CfnTemplate, resolver: Resolver, assemblyDir: string, stackName: string): Machine[] {
  const aslFiles = readdirSync(join(REPO_ROOT, 'workflows'))
    .filter((file) => file.endsWith('.asl.json'))
    .map((file) => ({ file, text: readFileSync(join(REPO_ROOT, 'workflows', file), 'utf8') }));
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine')
    .map(([id, resource]) => {
      const props = resource.Properties ?? {};
      const raw = definitionText(props, resolver, assemblyDir, stackName, id);
      const substitutions = (resolver.resolve(props.DefinitionSubstitutions ?? {}) ?? {}) as Record<string, unknown>;
      // CloudFormation fills `${Name}` from DefinitionSubstitutions; a placeholder without a value fails the deployment.
      const text = raw.replace(/\$\{([\w.-]+)\}/g, (whole, name: string) => {
        if (!(name in substitutions)) throw new Error(`The definition of ${id} uses \${${name}}, which DefinitionSubstitutions does not fill.`);
        return String(substitutions[name]);
      });
      const roleId = roleIdOf(props.RoleArn, `The RoleArn of ${id}`);
      const machine: Machine = {
        logicalId: id,
        path: constructPath(resource, stackName, id),
        arn: resolver.ref(id),
        name: resolver.getAtt(id, 'Name'),
        file: aslFiles.find((asl) => asl.text === raw)?.file,
        definition: JSON.parse(text),
        roleId,
        policies: rolePolicies(template, resolver, roleId),
        tasks: [],
      };
      machine.tasks = taskStates(machine, machine.definition.States);
      return machine;
    });
}

/** Every Task state, inside Map item processors and Parallel branches too. */
function taskStates(machine: Machine, states: Record<string, Record<string, any>>, map?: TaskStateRef['map'], prefix = ''): TaskStateRef[] {
  return Object.entries(states).flatMap(([name, state]) => {
    const here: TaskStateRef[] = state.Type === 'Task' ? [{ machine, name, trail: `${prefix}${name}`, state, ...(map ? { map } : {}) }] : [];
    const inner = [state.ItemProcessor, state.Iterator].filter(Boolean).flatMap((processor) =>
      taskStates(machine, processor.States, { name, state }, `${prefix}${name}/`),
    );
    const branches = ((state.Branches ?? []) as { States: Record<string, Record<string, any>> }[]).flatMap((branch) =>
      taskStates(machine, branch.States, map, `${prefix}${name}/`),
    );
    return [...here, ...inner, ...branches];
  });
}

/** The function of the template a Lambda task invokes (by ARN or name, any qualifier stripped), if any. */
export function invokedFunction(stack: DeployedStack, functionName: unknown): { logicalId: string; arn: string; qualified: string } | undefined {
  if (typeof functionName !== 'string') return undefined;
  const parts = functionName.split(':');
  const unqualified = functionName.startsWith('arn:') ? parts.slice(0, 7).join(':') : functionName;
  for (const [id, resource] of Object.entries(stack.template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const arn = stack.resolver.getAtt(id, 'Arn');
    if (unqualified === arn || unqualified === stack.resolver.ref(id)) return { logicalId: id, arn, qualified: functionName.startsWith('arn:') ? functionName : arn };
  }
  return undefined;
}
