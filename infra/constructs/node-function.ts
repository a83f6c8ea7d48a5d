import { fileURLToPath } from 'node:url';
import { type Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type IDestination, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../functions/store/table-definition.js';

export const LOG_RETENTION = RetentionDays.THREE_MONTHS;

/**
 * esbuild's ESM output keeps CommonJS dependencies' `require` calls, which fail in an ES module
 * unless a real `require` exists; Node's createRequire provides one.
 */
const ESM_REQUIRE_SHIM =
  "import { createRequire as __sykliCreateRequire } from 'node:module'; const require = __sykliCreateRequire(import.meta.url);";

/** How every Sykli Lambda is bundled; exported so that `npm run bench` measures the same bundle. */
export const LAMBDA_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  // Prefer packages' ES module builds: they tree-shake and need the require shim less.
  mainFields: ['module', 'main'],
  minify: true,
  // The map is kept beside the bundle but without the sources, and not enabled at start (it costs
  // about a third of the module init): set NODE_OPTIONS=--enable-source-maps on a function to read
  // its stack traces against our code, or map them afterwards with the stored .map.
  sourceMap: true,
  sourcesContent: false,
  // Bundle the AWS SDK too: the version we test with is the version that runs. Only the credential
  // providers a function never reaches stay out: in Lambda the default chain finds the role's
  // credentials in the environment first, and imports the others only when it does not.
  externalModules: [
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-http',
    '@aws-sdk/credential-provider-login',
    '@smithy/credential-provider-imds',
  ],
  banner: ESM_REQUIRE_SHIM,
} satisfies BundlingOptions;

/** A Lambda entry point under functions/handlers/, e.g. `api` for functions/handlers/api.ts. */
export function handlerEntry(name: string): string {
  return fileURLToPath(new URL(`../../functions/handlers/${name}.ts`, import.meta.url));
}

export interface NodeFunctionProps {
  readonly description: string;
  /** Absolute path of the handler module; it exports `handler`. */
  readonly entry: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Sykli's own variables (names from `ENV`); the runtime's are added here. */
  readonly environment: Record<string, string>;
  /** For functions invoked asynchronously: how often Lambda retries a failed event, and where it goes then. */
  readonly retryAttempts?: number;
  readonly onFailure?: IDestination;
}

/**
 * One Sykli Lambda, the same for every entry point (docs/architecture.md, "Deployment"): Node.js 22
 * on ARM, an ES module bundled by esbuild with the AWS SDK inside, minified with source maps,
 * X-Ray tracing, and its own log group and role. Creates `HandlerLogs`, `HandlerRole` and
 * `Handler` in `scope`, which should hold nothing else of those names.
 */
export function createNodeFunction(scope: Construct, props: NodeFunctionProps): { handler: NodejsFunction; role: Role } {
  const logGroup = new LogGroup(scope, 'HandlerLogs', { retention: LOG_RETENTION });
  // An explicit role instead of the default one: the default attaches the AWS managed
  // AWSLambdaBasicExecutionRole, which may write to any log group in the account.
  const role = new Role(scope, 'HandlerRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);

  const handler = new NodejsFunction(scope, 'Handler', {
    description: props.description,
    entry: props.entry,
    handler: 'handler',
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    tracing: Tracing.ACTIVE,
    role,
    logGroup,
    environment: {
      ...props.environment,
      POWERTOOLS_SERVICE_NAME: 'sykli',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    },
    bundling: LAMBDA_BUNDLING,
    retryAttempts: props.retryAttempts,
    onFailure: props.onFailure,
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions: "*" is their only resource.',
  });
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'Node.js 22 is pinned on purpose (docs/architecture.md): the local runtime (DynamoDB Local, aws-local-stepfunctions) ' +
      'runs on Node 22, and the Lambda runs the same code on the same major version.',
  });
  return { handler, role };
}

/** DynamoDB item actions a Sykli function may be granted; never Scan (docs/architecture.md, "Data"). */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem' | 'ConditionCheckItem';

/**
 * The item actions a function's code calls, on the table and its indexes, named one by one.
 * A transaction needs the item actions it contains (its Puts need PutItem). The deploy-wiring
 * tests record every call a built function makes and check it against these grants both ways.
 */
export function grantItemAccess(table: ITable, role: IRole, actions: readonly TableAction[]): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: actions.map((action) => `dynamodb:${action}`),
      resources: [
        table.tableArn,
        ...tableDefinition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
      ],
    }),
  );
}
