import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from '../../functions/api/security-headers.js';
import { ENV, FUNCTION_SETTINGS } from '../../functions/runtime/env.js';
import { tableDefinition } from '../../functions/store/table-definition.js';
import type { CfnElement } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ORIGIN_VERIFY_HEADER } from '../../functions/api/origin-verify.js';
import { BUSINESS_METRICS } from '../../functions/metrics/business-metrics.js';
import { METRICS_NAMESPACE } from '../../functions/metrics/emf-metrics.js';
import { ACCOUNT_CONCURRENCY_ALARM, API_5XX_PERCENT, API_LATENCY_P95_MS, FAILURE_AGE_SECONDS, ITERATOR_AGE_MS } from '../../infra/constructs/alarms.js';
import { RATE_LIMITS } from '../../infra/constructs/firewall.js';
import { synthStack } from './synth-stack.js';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

const { stack, edge } = synthStack();
const template = Template.fromStack(stack);

function onlyResource(type: string): [logicalId: string, resource: Resource] {
  const found = Object.entries(template.findResources(type) as Record<string, Resource>);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const [tableId] = onlyResource('AWS::DynamoDB::Table');
const [distributionId, distribution] = onlyResource('AWS::CloudFront::Distribution');
const [httpApiId] = onlyResource('AWS::ApiGatewayV2::Api');
const [headersPolicyId, headersPolicy] = onlyResource('AWS::CloudFront::ResponseHeadersPolicy');

/** The stack's Lambdas by description: the API and the workflow tasks (docs/architecture.md, "Deployment"). */
function lambda(template: Template, description: string): [logicalId: string, resource: Resource] {
  const found = Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, Resource>).filter(
    ([, fn]) => fn.Properties.Description === description,
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}
const API_DESCRIPTION = 'Sykli API (Hono)';
const TASKS_DESCRIPTION = 'Sykli workflow tasks (every state machine)';
const MAIL_EVENTS_DESCRIPTION = 'Sykli mail events: SES bounces and complaints';
const PROJECTION_DESCRIPTION = 'Sykli projection: derived items from the table stream';
const [apiHandlerId, apiHandler] = lambda(template, API_DESCRIPTION);

describe('data table', () => {
  it('is on-demand, recoverable, protected from deletion and encrypted', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });

  it('has the keys and indexes of the shared table definition', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });
});

describe('API Lambda', () => {
  it('runs Node.js 22 on ARM with tracing, source maps and a bounded timeout', () => {
    expect(apiHandler.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      Timeout: 10,
    });
    expect(apiHandler.Properties.MemorySize).toBeGreaterThanOrEqual(512);
    expect(apiHandler.Properties.MemorySize).toBeLessThanOrEqual(1024);
  });

  it('gets exactly the variables its composition root reads, wired to the table, the user pool and the sender', () => {
    const variables = apiHandler.Properties.Environment.Variables as Record<string, unknown>;
    const own = Object.keys(variables).filter((name) => name.startsWith('SYKLI_'));
    expect(own.sort()).toEqual(FUNCTION_SETTINGS.api.map((setting) => ENV[setting]).sort());
    expect(variables[ENV.mailFrom]).toBe('sykli@sykli.example');
    const [clientId] = onlyResource('AWS::Cognito::UserPoolClient');
    const [userPoolId] = onlyResource('AWS::Cognito::UserPool');
    const [domainId] = onlyResource('AWS::Cognito::UserPoolDomain');
    expect(variables[ENV.tableName]).toEqual({ Ref: tableId });
    expect(variables[ENV.authClientId]).toEqual({ Ref: clientId });
    expect(JSON.stringify(variables[ENV.authIssuer])).toContain('https://cognito-idp.eu-north-1.');
    expect(JSON.stringify(variables[ENV.authIssuer])).toContain(`{"Ref":"${userPoolId}"}`);
    expect(JSON.stringify(variables[ENV.authDomainUrl])).toContain(`{"Ref":"${domainId}"}`);
    expect(variables[ENV.userPoolId]).toEqual({ Ref: userPoolId });
    expect(variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'sykli', POWERTOOLS_LOG_LEVEL: 'INFO' });
    // Source maps at start cost a third of the module init; the stored maps serve when needed.
    expect(variables.NODE_OPTIONS).toBeUndefined();
  });

  it('logs to its own log group with a retention', () => {
    const logGroupId = apiHandler.Properties.LoggingConfig.LogGroup.Ref as string;
    const logGroup = template.toJSON().Resources[logGroupId] as Resource;
    expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
    expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
  });
});

describe('API Lambda permissions', () => {
  const roleId = apiHandler.Properties.Role['Fn::GetAtt'][0] as string;
  const statements = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Record<string, any>[]);
  const dynamodb = statements.filter((statement) => [statement.Action].flat().some((a: string) => a.startsWith('dynamodb:')));

  it('grant item reads and writes on the table and its indexes only', () => {
    expect(dynamodb).toHaveLength(1);
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    expect(dynamodb[0]!.Resource).toEqual([
      tableArn,
      ...tableDefinition.globalSecondaryIndexes.map((index) => ({
        'Fn::Join': ['', [tableArn, `/index/${index.indexName}`]],
      })),
    ]);
    expect([dynamodb[0]!.Action].flat().sort()).toEqual(
      ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
    );
  });

  it("may create and disable people's sign-ins in the user pool, and nothing else of Cognito", () => {
    const [userPoolId] = onlyResource('AWS::Cognito::UserPool');
    const cognito = statements.filter((statement) => [statement.Action].flat().some((a: string) => a.startsWith('cognito-idp:')));
    expect(cognito).toEqual([
      expect.objectContaining({ Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser'], Resource: { 'Fn::GetAtt': [userPoolId, 'Arn'] } }),
    ]);
  });

  it('include no Scan and no wildcard DynamoDB resource', () => {
    expect(JSON.stringify(dynamodb)).not.toContain('dynamodb:Scan');
    expect(JSON.stringify(dynamodb)).not.toContain('*');
  });

  it('come with no AWS managed policy', () => {
    const role = template.toJSON().Resources[roleId] as Resource;
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('HTTP API', () => {
  it('routes ANY /api/{proxy+} to the Lambda', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/{proxy+}' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [apiHandlerId, 'Arn'] },
    });
  });

  it('has a throttled, access-logged default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
  });
});

describe('Cognito', () => {
  it('lets only administrators create people, signing in with e-mail and a strong password', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('has a public web client for the authorization code flow, returning to the CloudFront URL', () => {
    const appUrl = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, path]],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [appUrl('/auth/callback')],
      LogoutURLs: [appUrl('/')],
      IdTokenValidity: 60,
      TokenValidityUnits: Match.objectLike({ IdToken: 'minutes' }),
    });
  });

  it('has a hosted UI domain with the given prefix', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'sykli-test' });
  });
});

describe('CloudFront', () => {
  const config = distribution.Properties.DistributionConfig;

  it('serves the private bucket through origin access control', () => {
    const [oacId] = onlyResource('AWS::CloudFront::OriginAccessControl');
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const s3Origin = config.Origins.find((origin: any) => origin.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: s3Origin.Id,
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: { Ref: headersPolicyId },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('answers with the app\'s own Content-Security-Policy and security headers, the sign-in domain the only other origin', () => {
    const policy = headersPolicy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // The Cognito domain is a reference until deploy: the policy is the app's, with it in connect-src.
    const [, [...parts]] = policy.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'];
    const csp = parts.map((part: unknown) => (typeof part === 'string' ? part : 'DOMAIN')).join('');
    expect(csp).toBe(contentSecurityPolicyHeader(contentSecurityPolicy(['https://DOMAIN.auth.eu-north-1.amazoncognito.com'])));
    expect(policy.ContentSecurityPolicy.Override).toBe(true);
    expect(policy).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
    });
    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(api.ResponseHeadersPolicyId).toEqual({ Ref: headersPolicyId });
  });

  it('sends /api/* to the HTTP API uncached, with all methods and the viewer headers but Host', () => {
    const behavior = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    const apiOrigin = config.Origins.find((origin: any) => origin.Id === behavior.TargetOriginId);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(`{"Ref":"${httpApiId}"}`);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    expect(behavior).toMatchObject({
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: 'https-only',
    });
    expect(behavior.AllowedMethods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    );
  });

  it('serves the OpenAPI document from the web bucket, ahead of the /api/* behaviour', () => {
    const patterns = config.CacheBehaviors.map((b: any) => b.PathPattern);
    expect(patterns.indexOf('/api/openapi.json')).toBeGreaterThanOrEqual(0);
    expect(patterns.indexOf('/api/openapi.json')).toBeLessThan(patterns.indexOf('/api/*'));
    const behavior = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/openapi.json');
    expect(behavior.TargetOriginId).toBe(config.DefaultCacheBehavior.TargetOriginId);
  });

  it('leaves the API errors alone: no distribution-wide custom error responses', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('rewrites client-side routes, and only those, to /index.html', () => {
    const [, fn] = onlyResource('AWS::CloudFront::Function');
    const association = config.DefaultCacheBehavior.FunctionAssociations[0];
    expect(association.EventType).toBe('viewer-request');
    const handler = new Function(`${fn.Properties.FunctionCode}; return handler;`)() as (event: unknown) => {
      uri: string;
    };
    const uriFor = (uri: string) => handler({ request: { uri } }).uri;
    expect(uriFor('/')).toBe('/index.html');
    expect(uriFor('/units/u1/cycles')).toBe('/index.html');
    expect(uriFor('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(uriFor('/favicon.svg')).toBe('/favicon.svg');
  });

  it('logs requests to the access-log bucket', () => {
    const logBucketId = config.Logging.Bucket['Fn::GetAtt'][0] as string;
    expect((template.toJSON().Resources[logBucketId] as Resource).Type).toBe('AWS::S3::Bucket');
  });
});

describe('web deployment', () => {
  it('is skipped with a warning while web/dist is not built', () => {
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    Annotations.fromStack(stack).hasWarning('/Sykli/Web', Match.stringLikeRegexp('npm run build'));
  });

  describe('with a built web app', () => {
    const dist = mkdtempSync(join(tmpdir(), 'sykli-web-dist-'));
    afterAll(() => rmSync(dist, { recursive: true, force: true }));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sykli</title>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'export {};');
    const built = Template.fromStack(synthStack({ webDistPath: dist }).stack);
    const deployments = Object.entries(built.findResources('Custom::CDKBucketDeployment') as Record<string, Resource>);
    const assets = deployments.find(([, d]) => d.Properties.DestinationBucketKeyPrefix === 'assets/');
    const pages = deployments.find(([, d]) => d.Properties.DestinationBucketKeyPrefix === undefined);

    it('keeps hashed assets for a year, never pruned', () => {
      expect(deployments).toHaveLength(2);
      expect(assets![1].Properties).toMatchObject({
        Prune: false,
        SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      });
    });

    it('uploads the pages after the assets, revalidated on every load, and invalidates the CDN', () => {
      expect(pages![1].Properties).toMatchObject({
        Prune: true,
        Exclude: ['assets/*'],
        SystemMetadata: { 'cache-control': 'no-cache' },
        DistributionPaths: ['/*'],
      });
      expect(pages![1].DependsOn).toContain(assets![0]);
    });
  });
});

describe('alarms', () => {
  const alarms = stack.alarms;
  const topicId = stack.getLogicalId(alarms.topic.node.defaultChild as CfnElement);
  const all = Object.values(template.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>);
  const [tasksId] = lambda(template, TASKS_DESCRIPTION);
  const [mailEventsId] = lambda(template, MAIL_EVENTS_DESCRIPTION);
  const [projectionId] = lambda(template, PROJECTION_DESCRIPTION);
  const functionIds = { Api: apiHandlerId, Tasks: tasksId, MailEvents: mailEventsId, Projection: projectionId };

  /** The alarm on one plain metric, which must notify the topic when it fires and when it clears. */
  function alarmOn(namespace: string, metricName: string, dimension: Record<string, unknown>): Resource {
    const found = all.filter(
      (a) => a.Properties.Namespace === namespace && a.Properties.MetricName === metricName && JSON.stringify(a.Properties.Dimensions ?? []) === JSON.stringify(Object.entries(dimension).map(([Name, Value]) => ({ Name, Value }))),
    );
    expect(found, `${namespace} ${metricName} ${JSON.stringify(dimension)}`).toHaveLength(1);
    expect(found[0]!.Properties).toMatchObject({ AlarmActions: [{ Ref: topicId }], OKActions: [{ Ref: topicId }] });
    return found[0]!;
  }

  it('page when the API is slow: p95 latency above 2 s in two of three 5-minute periods', () => {
    expect(alarmOn('AWS/ApiGateway', 'Latency', { ApiId: { Ref: httpApiId } }).Properties).toMatchObject({
      ExtendedStatistic: 'p95',
      Threshold: API_LATENCY_P95_MS,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
    });
  });

  it('page when more than 5 % of the API answers are 5xx (with enough requests to tell)', () => {
    const rate = all.find((a) => JSON.stringify(a.Properties.Metrics ?? []).includes('100 * errors / requests'));
    expect(rate?.Properties).toMatchObject({ Threshold: API_5XX_PERCENT, AlarmActions: [{ Ref: topicId }] });
    const metrics = JSON.stringify(rate!.Properties.Metrics);
    for (const name of ['"5xx"', '"Count"']) expect(metrics).toContain(name);
    expect(metrics).toContain(`{"Name":"ApiId","Value":{"Ref":"${httpApiId}"}}`);
  });

  it('page on errors and throttles of every function of ours, and on the account running out of concurrency', () => {
    for (const id of Object.values(functionIds)) {
      for (const metricName of ['Errors', 'Throttles']) {
        expect(alarmOn('AWS/Lambda', metricName, { FunctionName: { Ref: id } }).Properties).toMatchObject({ Statistic: 'Sum', Threshold: 1 });
      }
    }
    expect(alarmOn('AWS/Lambda', 'ConcurrentExecutions', {}).Properties).toMatchObject({ Statistic: 'Maximum', Threshold: ACCOUNT_CONCURRENCY_ALARM });
  });

  it('page on DynamoDB throttling and system errors of the operations Sykli calls', () => {
    for (const metricName of ['ThrottledRequests', 'SystemErrors']) {
      const alarm = all.find((a) => JSON.stringify(a.Properties.Metrics ?? []).includes(`"MetricName":"${metricName}"`));
      const metrics = JSON.stringify(alarm?.Properties.Metrics);
      for (const operation of ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'TransactWriteItems']) {
        expect(metrics, `${metricName} ${operation}`).toContain(`{"Name":"Operation","Value":"${operation}"}`);
      }
      expect(metrics).toContain(`{"Name":"TableName","Value":{"Ref":"${tableId}"}}`);
      expect(alarm!.Properties).toMatchObject({ Threshold: 1, AlarmActions: [{ Ref: topicId }] });
    }
  });

  it('page when a message has waited a minute in a failure queue: the schedules\', the mail events\' and the projection\'s', () => {
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(3);
    for (const queueId of queues) {
      expect(alarmOn('AWS/SQS', 'ApproximateAgeOfOldestMessage', { QueueName: { 'Fn::GetAtt': [queueId, 'QueueName'] } }).Properties).toMatchObject({
        Statistic: 'Maximum',
        Threshold: FAILURE_AGE_SECONDS,
      });
    }
  });

  it('page when the projection falls behind the table\'s stream: the overview and charts would show old figures', () => {
    expect(alarmOn('AWS/Lambda', 'IteratorAge', { FunctionName: { Ref: projectionId } }).Properties).toMatchObject({
      Statistic: 'Maximum',
      Threshold: ITERATOR_AGE_MS,
    });
  });

  it('take another stream consumer in one line: its iterator age', () => {
    const { stack: another } = synthStack();
    another.alarms.addIteratorAgeAlarm('Another', another.node.findChild('Api').node.findChild('Handler') as IFunction);
    const ages = Object.values(Template.fromStack(another).findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'IteratorAge' } }));
    expect(ages).toHaveLength(2);
  });

  it('e-mail the address of the AlarmEmail parameter, when one is given', () => {
    expect(template.toJSON().Parameters.AlarmEmail).toMatchObject({ Type: 'String', Default: '' });
    const [, subscription] = Object.entries(template.findResources('AWS::SNS::Subscription') as Record<string, Resource & { Condition?: string }>).find(
      ([, s]) => s.Properties.Protocol === 'email',
    )!;
    expect(subscription.Properties).toMatchObject({ TopicArn: { Ref: topicId }, Endpoint: { Ref: 'AlarmEmail' } });
    expect(template.toJSON().Conditions[subscription.Condition!]).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AlarmEmail' }, ''] }] });
  });

  it('show the same figures, and the business metrics, on one dashboard', () => {
    const [, dashboard] = onlyResource('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const alarm of all) expect(body).toContain(String(alarm.Properties.MetricName ?? '100 * errors / requests'));
    for (const metric of Object.keys(BUSINESS_METRICS)) expect(body).toContain(`\\"${METRICS_NAMESPACE}\\",\\"${metric}\\"`);
  });

  it('publish to a topic that refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('backups', () => {
  it('back the table up every night for 35 days and on the 1st of each month for a year, into a vault that outlives the stack', () => {
    const [, plan] = onlyResource('AWS::Backup::BackupPlan');
    const [vaultId, vault] = onlyResource('AWS::Backup::BackupVault');
    expect(vault).toMatchObject({ DeletionPolicy: 'Retain' });
    expect(plan.Properties.BackupPlan.BackupPlanRule).toEqual([
      expect.objectContaining({ RuleName: 'Daily', ScheduleExpression: 'cron(0 1 * * ? *)', Lifecycle: { DeleteAfterDays: 35 }, TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] } }),
      expect.objectContaining({ RuleName: 'Monthly', ScheduleExpression: 'cron(0 2 1 * ? *)', Lifecycle: { DeleteAfterDays: 365 }, TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] } }),
    ]);
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [tableId, 'Arn'] }] }),
    });
  });

  it('name the vault and the role a restore needs in the outputs', () => {
    expect(Object.keys(template.toJSON().Outputs)).toEqual(expect.arrayContaining(['BackupVaultName', 'BackupRoleArn', 'TableArn']));
  });
});

describe('firewall', () => {
  const edgeTemplate = Template.fromStack(edge);
  const [webAclId, webAcl] = Object.entries(edgeTemplate.findResources('AWS::WAFv2::WebACL') as Record<string, Resource>)[0]!;
  const ruleNames = (acl: Resource) => (acl.Properties.Rules as { Name: string }[]).map((r) => r.Name);

  it("lives in us-east-1, where CloudFront's web ACLs must be, with the common rules, known bad inputs and a rate limit per IP on the API", () => {
    expect(edge.region).toBe('us-east-1');
    expect(webAcl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expect(ruleNames(webAcl)).toEqual(['ApiRatePerIp', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesCommonRuleSet']);
    const [rate] = webAcl.Properties.Rules;
    expect(rate.Statement.RateBasedStatement).toMatchObject({
      Limit: RATE_LIMITS.api,
      AggregateKeyType: 'IP',
      ScopeDownStatement: { ByteMatchStatement: { SearchString: '/api/', PositionalConstraint: 'STARTS_WITH', FieldToMatch: { UriPath: {} } } },
    });
    expect(rate.Action).toEqual({ Block: {} });
  });

  it('lets CSV imports through: the common rule set only counts bodies over 8 KB', () => {
    const common = webAcl.Properties.Rules.find((r: { Name: string }) => r.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('is associated with the distribution, which the Sykli stack reads across regions', () => {
    expect(JSON.stringify(distribution.Properties.DistributionConfig.WebACLId)).toContain('"Region":"us-east-1"');
    const output = distribution.Properties.DistributionConfig.WebACLId['Fn::GetStackOutput'];
    expect(output.StackName).toBe(edge.stackName);
    expect(edgeTemplate.toJSON().Outputs[output.OutputName].Value).toEqual({ 'Fn::GetAtt': [webAclId, 'Arn'] });
  });

  it('guards sign-in too: a regional web ACL on the user pool with a rate limit per IP and known bad inputs', () => {
    const [signInAclId, signInAcl] = onlyResource('AWS::WAFv2::WebACL');
    const [userPoolId] = onlyResource('AWS::Cognito::UserPool');
    expect(signInAcl.Properties.Scope).toBe('REGIONAL');
    expect(ruleNames(signInAcl)).toEqual(['SignInRatePerIp', 'AWSManagedRulesKnownBadInputsRuleSet']);
    expect(signInAcl.Properties.Rules[0].Statement.RateBasedStatement).toMatchObject({ Limit: RATE_LIMITS.signIn, AggregateKeyType: 'IP' });
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': [userPoolId, 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [signInAclId, 'Arn'] },
    });
  });

  it('cannot be walked around: CloudFront sends the API a generated secret header, which the API is given to check', () => {
    const [secretId] = onlyResource('AWS::SecretsManager::Secret');
    const behavior = distribution.Properties.DistributionConfig.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    const apiOrigin = distribution.Properties.DistributionConfig.Origins.find((o: any) => o.Id === behavior.TargetOriginId);
    const header = apiOrigin.OriginCustomHeaders.find((h: any) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    const secretValue = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] };
    expect(header.HeaderValue).toEqual(secretValue);
    expect(apiHandler.Properties.Environment.Variables[ENV.originVerifySecret]).toEqual(secretValue);
  });
});

describe('e-mail bounces and complaints', () => {
  const [configurationSetId] = onlyResource('AWS::SES::ConfigurationSet');
  const [mailEventsId, mailEvents] = lambda(template, MAIL_EVENTS_DESCRIPTION);
  const [topicId] = Object.entries(template.findResources('AWS::SNS::Topic') as Record<string, Resource>).find(([, t]) => t.Properties.DisplayName === 'Sykli mail bounces and complaints')!;

  it('go through a configuration set with the suppression list on, which is also the identity\'s default', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] } });
    template.hasResourceProperties('AWS::SES::EmailIdentity', { ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } } });
    expect(apiHandler.Properties.Environment.Variables[ENV.mailConfigurationSet]).toEqual({ Ref: configurationSetId });
  });

  it('are published to a topic only SES of this account and configuration set may publish to', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSetId },
      EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: { Ref: topicId } } },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' }, Condition: { StringEquals: Match.objectLike({ 'AWS:SourceAccount': { Ref: 'AWS::AccountId' } }) } }),
        ]),
      },
    });
  });

  it('reach the mail-events function, which gets the table only, and keeps what fails in the failure queue', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [mailEventsId, 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue() },
    });
    const own = Object.keys(mailEvents.Properties.Environment.Variables).filter((name) => name.startsWith('SYKLI_'));
    expect(own).toEqual(FUNCTION_SETTINGS.mailEvents.map((setting) => ENV[setting]));
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: mailEventsId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});

describe('the projection of derived items', () => {
  const [projectionId, projection] = lambda(template, PROJECTION_DESCRIPTION);
  const [mappingId, mapping] = onlyResource('AWS::Lambda::EventSourceMapping');

  it('reads every change of the table with the item before and after', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: tableDefinition.stream } });
  });

  it('is fed by the stream in batches, splits a failing batch, and keeps what still fails in its queue', () => {
    expect(mappingId).toBeTruthy();
    expect(mapping.Properties).toMatchObject({
      FunctionName: { Ref: projectionId },
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
    });
    const destination = mapping.Properties.DestinationConfig.OnFailure.Destination;
    expect(destination['Fn::GetAtt'][1]).toBe('Arn');
    expect(template.toJSON().Resources[destination['Fn::GetAtt'][0]].Type).toBe('AWS::SQS::Queue');
  });

  it('gets the table name only, as its composition root reads', () => {
    const own = Object.keys(projection.Properties.Environment.Variables).filter((name) => name.startsWith('SYKLI_'));
    expect(own).toEqual(FUNCTION_SETTINGS.projection.map((setting) => ENV[setting]));
  });
});

describe('outputs', () => {
  it('name the web and API URLs, the user pool, its client, the table and the workflow aliases', () => {
    expect(Object.keys(template.toJSON().Outputs)).toEqual(
      expect.arrayContaining([
        'WebUrl',
        'ApiUrl',
        'UserPoolId',
        'UserPoolClientId',
        'TableName',
        'PdsaCycleAliasArn',
        'MeasurementRoundAliasArn',
        'WeeklyDigestAliasArn',
      ]),
    );
  });
});

describe('bundling', () => {
  it.skipIf(!existsSync('functions/api/app.ts') || !existsSync('functions/tasks/index.ts'))(
    'synthesizes WITH bundling: esbuild writes each handler as one minified ES module with its source map',
    () => {
      const { app, stack: bundled } = synthStack({ bundle: true });
      const assembly = app.synth();
      const built = Template.fromStack(bundled);
      for (const description of [API_DESCRIPTION, TASKS_DESCRIPTION]) {
        const [, handler] = lambda(built, description);
        const assetDir = join(assembly.directory, `asset.${String(handler.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
        const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
        expect(code.startsWith("import { createRequire as __sykliCreateRequire } from 'node:module';"), description).toBe(true);
        expect(existsSync(join(assetDir, 'index.mjs.map')), description).toBe(true);
        // The AWS SDK is inside the bundle, not imported from the runtime's copy.
        expect(code, description).not.toMatch(/from\s*["']@aws-sdk\//);
      }
    },
  );
});
