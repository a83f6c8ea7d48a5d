import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, describe, expect, it } from 'vitest';
import { ENV, FUNCTION_SETTINGS } from '../../functions/runtime/env.js';
import { tableDefinition } from '../../functions/store/table-definition.js';
import { synthStack } from './synth-stack.js';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

const { stack } = synthStack();
const template = Template.fromStack(stack);

function onlyResource(type: string): [logicalId: string, resource: Resource] {
  const found = Object.entries(template.findResources(type) as Record<string, Resource>);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const [tableId] = onlyResource('AWS::DynamoDB::Table');
const [distributionId, distribution] = onlyResource('AWS::CloudFront::Distribution');
const [httpApiId] = onlyResource('AWS::ApiGatewayV2::Api');

/** The stack's Lambdas by description: the API and the workflow tasks (docs/architecture.md, "Deployment"). */
function lambda(template: Template, description: string): [logicalId: string, resource: Resource] {
  const found = Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, Resource>).filter(
    ([, fn]) => fn.Properties.Description === description,
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}
const API_DESCRIPTION = 'Sykli API (Hono)';
const TASKS_DESCRIPTION = 'Sykli workflow tasks (both state machines)';
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
      ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
    );
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
      ResponseHeadersPolicyId: ResponseHeadersPolicy.SECURITY_HEADERS.responseHeadersPolicyId,
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
  const [topicId] = onlyResource('AWS::SNS::Topic');

  it('watch the API Lambda errors and the HTTP API 5xx, notifying the topic', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: apiHandlerId } }],
      AlarmActions: [{ Ref: topicId }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: httpApiId } }],
      AlarmActions: [{ Ref: topicId }],
    });
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
