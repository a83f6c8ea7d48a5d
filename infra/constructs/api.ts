import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { environmentFor } from '../../functions/runtime/env.js';
import type { Mail } from './mail.js';
import { createNodeFunction, grantItemAccess, handlerEntry, LOG_RETENTION, type TableAction } from './node-function.js';
import type { WorkflowMachine } from './workflows.js';

export interface ApiProps {
  readonly table: ITable;
  /** Expected `iss` of tokens: the user pool's issuer URL. */
  readonly authIssuer: string;
  /** The web app client's id: the expected `aud` of ID tokens. */
  readonly authClientId: string;
  /** Base URL of the user pool's OAuth 2.0 endpoints. */
  readonly authDomainUrl: string;
  /** The web app's address, for links the API hands out. */
  readonly webUrl: string;
  /** Started when a cycle's Do phase starts; answered when a coach records a review's outcome. */
  readonly pdsaCycle: WorkflowMachine;
  /** Started by the schedules; the API's workflow engine can start it too. */
  readonly measurementRound: WorkflowMachine;
  /** Started by its schedule; an admin may run the week's digest now. */
  readonly weeklyDigest: WorkflowMachine;
  /** The SES identity review invitations are sent from. */
  readonly mail: Mail;
  /** Where admins create people's sign-ins (AdminCreateUser) and stop them (AdminDisableUser). */
  readonly userPool: IUserPool;
  /** CloudFront's origin-verify header value: requests without it are refused (functions/api/origin-verify.ts). */
  readonly originVerifySecret: string;
}

/**
 * What the API's repositories call: reads, single puts and updates, and transactions of puts and
 * deletes (an admin removing a role, a moved unit's status item leaving its old area).
 */
const API_TABLE_ACTIONS: TableAction[] = ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'];

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
    const { handler, role } = createNodeFunction(this, {
      description: 'Sykli API (Hono)',
      entry: handlerEntry('api'),
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: environmentFor('api', {
        tableName: props.table.tableName,
        authIssuer: props.authIssuer,
        authClientId: props.authClientId,
        authDomainUrl: props.authDomainUrl,
        webUrl: props.webUrl,
        mailFrom: props.mail.from,
        mailConfigurationSet: props.mail.configurationSet.configurationSetName,
        originVerifySecret: props.originVerifySecret,
        userPoolId: props.userPool.userPoolId,
        // Executions start through the aliases, so that a new version takes over new work.
        pdsaCycleMachineArn: props.pdsaCycle.aliasArn,
        measurementRoundMachineArn: props.measurementRound.aliasArn,
        weeklyDigestMachineArn: props.weeklyDigest.aliasArn,
      }),
    });
    this.handler = handler;
    grantItemAccess(props.table, role, API_TABLE_ACTIONS);
    props.pdsaCycle.grantStartExecution(role);
    role.addToPrincipalPolicy(props.pdsaCycle.taskResponseStatement());
    props.measurementRound.grantStartExecution(role);
    props.weeklyDigest.grantStartExecution(role);
    // Review invitations, moves and cancellations are sent as the request is answered.
    props.mail.grantSend(role);
    // An admin adding a person invites them; deactivating one stops their sign-in.
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser'], resources: [props.userPool.userPoolArn] }),
    );

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Sykli API; reached through CloudFront under /api, and only so (the origin-verify header)',
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
