import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { ORIGIN_VERIFY_HEADER } from '../../functions/api/origin-verify.js';
import { ENV } from '../../functions/runtime/env.js';
import { createApiFunction } from '../../functions/runtime/aws/api.js';
import { createTasksFunction } from '../../functions/runtime/aws/tasks.js';

const env = {
  [ENV.tableName]: 'sykli-test',
  [ENV.authIssuer]: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_example',
  [ENV.authClientId]: 'web-client-id',
  [ENV.authDomainUrl]: 'https://sykli-example.auth.eu-north-1.amazoncognito.com/',
  [ENV.pdsaCycleMachineArn]: 'arn:aws:states:eu-north-1:123456789012:stateMachine:PdsaCycle:live',
  [ENV.measurementRoundMachineArn]: 'arn:aws:states:eu-north-1:123456789012:stateMachine:MeasurementRound:live',
  [ENV.weeklyDigestMachineArn]: 'arn:aws:states:eu-north-1:123456789012:stateMachine:WeeklyDigest:live',
  [ENV.mailFrom]: 'sykli@sykli.example',
  [ENV.mailConfigurationSet]: 'sykli-mail',
  [ENV.webUrl]: 'https://sykli.example',
  [ENV.originVerifySecret]: 'from-cloudfront',
  [ENV.userPoolId]: 'eu-north-1_example',
  AWS_REGION: 'eu-north-1',
};
const throughCloudFront = { [ORIGIN_VERIFY_HEADER]: 'from-cloudfront' };

function httpApiEvent(path: string, headers: Record<string, string> = {}): LambdaEvent {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'example.execute-api.eu-north-1.amazonaws.com', ...headers },
    body: null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'example',
      domainName: 'example.execute-api.eu-north-1.amazonaws.com',
      domainPrefix: 'example',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'id',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '23/Nov/2026:00:00:00 +0000',
      timeEpoch: 0,
      authentication: null,
      authorizer: {},
    },
  };
}

describe('the API Lambda wiring', () => {
  it("points the web app at Cognito's hosted UI for the configured client", async () => {
    const { app } = createApiFunction(env);
    const response = await app.request('/api/auth-config', { headers: throughCloudFront });
    expect(await response.json()).toEqual({
      authorizeUrl: 'https://sykli-example.auth.eu-north-1.amazoncognito.com/oauth2/authorize',
      tokenUrl: 'https://sykli-example.auth.eu-north-1.amazoncognito.com/oauth2/token',
      clientId: 'web-client-id',
      logoutUrl: 'https://sykli-example.auth.eu-north-1.amazoncognito.com/logout',
    });
  });

  it('answers through hono/aws-lambda, refusing requests without a token before touching DynamoDB', async () => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const { handler } = await import('../../functions/handlers/api.js');
    const result = (await handler(httpApiEvent('/api/me', throughCloudFront), {} as LambdaContext)) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(result.statusCode).toBe(401);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(result.body)).toMatchObject({ status: 401 });
    vi.unstubAllEnvs();
  });

  it('refuses requests that did not come through CloudFront, whose firewall they would skip', async () => {
    const { app } = createApiFunction(env);
    for (const headers of [{}, { [ORIGIN_VERIFY_HEADER]: 'guessed' }] as Record<string, string>[]) {
      const response = await app.request('/api/auth-config', { headers });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await app.request('/api/auth-config', { headers: throughCloudFront })).status).toBe(200);
  });

  it('refuses to start without its configuration, naming every missing variable', () => {
    expect(() => createApiFunction({ ...env, [ENV.authIssuer]: undefined, [ENV.mailFrom]: '' })).toThrow(
      `The api function cannot start: environment variable(s) ${ENV.authIssuer}, ${ENV.mailFrom} not set.`,
    );
  });
});

describe('the tasks Lambda wiring', () => {
  const tasksEnv = {
    [ENV.tableName]: env[ENV.tableName],
    [ENV.mailFrom]: env[ENV.mailFrom],
    [ENV.mailConfigurationSet]: env[ENV.mailConfigurationSet],
    [ENV.webUrl]: env[ENV.webUrl],
    AWS_REGION: 'eu-north-1',
  };

  it('starts with the table, the sender and the web address only: it needs no state machine ARN', () => {
    expect(createTasksFunction(tasksEnv).handler).toBeTypeOf('function');
  });

  it('logs a failed task with its execution, task, cycle and unit on the line', async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => (lines.push(String(chunk)), true);
    const writes = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
    try {
      const { handler } = createTasksFunction(tasksEnv);
      await expect(handler({ task: 'noSuchTask', executionName: 'cycle-1-a1', cycleId: 'cycle-1', unitId: 'sampoharju' })).rejects.toThrow('No workflow task named noSuchTask');
    } finally {
      for (const write of writes) write.mockRestore();
    }
    const logged = lines.flatMap((line) => line.split('\n')).filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'ERROR', executionName: 'cycle-1-a1', task: 'noSuchTask', cycleId: 'cycle-1', unitId: 'sampoharju' }),
    );
  });
});
