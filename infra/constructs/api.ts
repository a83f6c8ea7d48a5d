import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/runtime/env.js';
import { tableDefinition } from '../../functions/store/table-definition.js';

const ENTRY = fileURLToPath(new URL('../../functions/handlers/api.ts', import.meta.url));
const LOG_RETENTION = RetentionDays.THREE_MONTHS;

/**
 * esbuild's ESM output keeps CommonJS dependencies' `require` calls, which fail in an ES module
 * unless a real `require` exists; Node's createRequire provides one.
 */
const ESM_REQUIRE_SHIM =
  "import { createRequire as __sykliCreateRequire } from 'node:module'; const require = __sykliCreateRequire(import.meta.url);";

export interface ApiProps {
  readonly table: ITable;
  /** Expected `iss` of tokens: the user pool's issuer URL. */
  readonly authIssuer: string;
  /** The web app client's id: the expected `aud` of ID tokens. */
  readonly authClientId: string;
  /** Base URL of the user pool's OAuth 2.0 endpoints. */
  readonly authDomainUrl: string;
}

/**
 * Item reads and writes on the table and its indexes, named one by one. No Scan: request paths
 * are GetItem, Query or BatchGet only (DESIGN.md, "Data"). Transactions need the item actions
 * they contain.
 */
function grantItemAccess(table: ITable, role: IRole): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
      ],
      resources: [
        table.tableArn,
        ...tableDefinition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
      ],
    }),
  );
}

/** The Hono API as one Lambda behind an HTTP API, which routes everything under /api to it. */
export class Api extends Construct {
  readonly handler: NodejsFunction;
  readonly httpApi: HttpApi;
  /** Host name of the API's default stage, for CloudFront's origin. */
  readonly domainName: string;
  /** URL of the default stage. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'HandlerLogs', { retention: LOG_RETENTION });
    // An explicit role instead of the default one: the default attaches the AWS managed
    // AWSLambdaBasicExecutionRole, which may write to any log group in the account.
    const role = new Role(this, 'HandlerRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.handler = new NodejsFunction(this, 'Handler', {
      description: 'Sykli API (Hono)',
      entry: ENTRY,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      environment: {
        [ENV.tableName]: props.table.tableName,
        [ENV.authIssuer]: props.authIssuer,
        [ENV.authClientId]: props.authClientId,
        [ENV.authDomainUrl]: props.authDomainUrl,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'sykli',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        // Prefer packages' ES module builds: they tree-shake and need the require shim less.
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // Bundle the AWS SDK too: the version we test with is the version that runs.
        externalModules: [],
        banner: ESM_REQUIRE_SHIM,
      },
    });
    grantItemAccess(props.table, role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions: "*" is their only resource.',
    });
    Validations.of(this.handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose (DESIGN.md): the local runtime (DynamoDB Local, aws-local-stepfunctions) ' +
        'runs on Node 22, and the Lambda runs the same code on the same major version.',
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Sykli API; reached through CloudFront under /api',
      // The default stage is added below, with throttling and access logging.
      createDefaultStage: false,
    });
    const stage = this.httpApi.addStage('DefaultStage', {
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            requestTime: AccessLogField.contextRequestTime(),
            sourceIp: AccessLogField.contextIdentitySourceIp(),
            method: AccessLogField.contextHttpMethod(),
            path: AccessLogField.contextPath(),
            status: AccessLogField.contextStatus(),
            responseLength: AccessLogField.contextResponseLength(),
            responseLatency: AccessLogField.contextResponseLatency(),
            integrationLatency: AccessLogField.contextIntegrationLatency(),
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const routes = this.httpApi.addRoutes({
      path: '/api/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Handler', this.handler),
    });
    for (const route of routes)
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The API verifies Cognito JWTs itself, with the same verifier as the local runtime, and leaves a few ' +
          'routes public (/api/health, /api/auth-config, /api/openapi.json, /api/docs); a gateway authorizer would block those.',
      });

    const stack = Stack.of(this);
    this.domainName = `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    this.url = stage.url;
  }
}
