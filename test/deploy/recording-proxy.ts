import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluate, UnsupportedPolicyError, type AuthRequest, type Decision } from './iam.js';
import { PSEUDO } from './resolver.js';
import type { OurFunction } from './stack.js';

/**
 * The one endpoint every function's AWS SDK talks to (AWS_ENDPOINT_URL). It tells the caller by the
 * access key of its SigV4 credential scope and the service by the scope's service name, records
 * each call, authorizes it against the caller's synthesized policies and answers as AWS would:
 * AccessDenied when not allowed; otherwise DynamoDB Local's answer (DynamoDB), or an emulated
 * one (Step Functions, SES v2). Calls to anything else are recorded and denied.
 */

export type Authorization = AuthRequest & { decision: Decision };
export type RecordedCall = {
  seq: number;
  /** The calling function's path. */
  fn: string;
  /** The event the function was handling, if any. */
  during: string | undefined;
  service: string;
  /** The API operation, e.g. `TransactWriteItems` or `SendEmail`. */
  operation: string;
  authorizations: Authorization[];
  allowed: boolean;
  /** False when the harness does not model the service or operation: such a call always fails the test. */
  modelled: boolean;
  /** What the harness answered; a call forwarded to DynamoDB Local shows 200, whatever it answered. */
  status: number;
  detail?: string;
};
/** A sent message; `text` is the raw MIME with its base64 parts decoded, for checks on the content. */
export type SentMail = { fn: string; during: string | undefined; from: string; to: string[]; raw: string; text: string };
export type StartedExecution = { fn: string; during: string | undefined; executionArn: string; target: string; machineArn: string; name: string; input: unknown };
export type TaskAnswer = { fn: string; during: string | undefined; token: string; kind: 'success' | 'failure'; payload: unknown };
/** A user the functions created in a user pool (AdminCreateUser), and disabled (AdminDisableUser). */
export type CreatedUser = {
  fn: string;
  during: string | undefined;
  userPoolId: string;
  username: string;
  attributes: Record<string, string>;
  deliveryMediums: string[];
  enabled: boolean;
};
/** What a custom resource handler answered CloudFormation at its pre-signed URL. */
export type CloudFormationResponse = { id: string; body: Record<string, unknown> };

/** Where the proxy takes custom resources' answers: the stand-in for CloudFormation's pre-signed S3 URLs. */
export const CLOUDFORMATION_RESPONSES = '/cloudformation-responses/';

/** Task tokens the harness hands out, each bound to the (unqualified) state machine it belongs to. */
export class TaskTokens {
  private readonly byToken = new Map<string, { machineArn: string; answers: TaskAnswer[] }>();

  mint(machineArn: string): string {
    const token = `AQB8AAAAKgAAAAMAAAAA${randomBytes(96).toString('base64url')}`;
    this.byToken.set(token, { machineArn, answers: [] });
    return token;
  }

  machineOf(token: string): string | undefined {
    return this.byToken.get(token)?.machineArn;
  }

  answersTo(token: string): TaskAnswer[] {
    return this.byToken.get(token)?.answers ?? [];
  }

  record(answer: TaskAnswer): 'first' | 'again' {
    const entry = this.byToken.get(answer.token)!;
    entry.answers.push(answer);
    return entry.answers.length === 1 ? 'first' : 'again';
  }
}

export type ProxyOptions = {
  dynamoEndpoint: string;
  /** The functions by the access key id the harness gives each. */
  callers: ReadonlyMap<string, OurFunction>;
  /** State machine ARNs (unqualified) with the qualified ARNs (alias, version) the template gives them. */
  machines: readonly { arn: string; name: string; qualified: readonly string[] }[];
  /** Verified SES identities of the template: domains and addresses. */
  emailIdentities: readonly string[];
  /** The template's user pools, by id. */
  userPoolIds: readonly string[];
  tokens: TaskTokens;
};

type Answer = { status: number; headers: Record<string, string>; body: string };
const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID(), ...headers },
  body: JSON.stringify(body),
});
/** awsJson errors carry their type in `__type`; rest-json (SES v2) in the x-amzn-ErrorType header. */
const jsonError = (type: string, message: string, status = 400) => jsonAnswer(status, { __type: type, message });
const restError = (type: string, message: string, status: number): Answer => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() },
  body: JSON.stringify({ message }),
});

const SCOPE = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export async function startRecordingProxy(options: ProxyOptions) {
  const calls: RecordedCall[] = [];
  const mails: SentMail[] = [];
  const executions: StartedExecution[] = [];
  const answers: TaskAnswer[] = [];
  const users: CreatedUser[] = [];
  const cloudFormationResponses: CloudFormationResponse[] = [];
  /** What each function is handling now: its calls are attributed to that event. */
  const activity = new Map<string, string | undefined>();
  let seq = 0;

  function authorize(fn: OurFunction, requests: AuthRequest[]): Authorization[] {
    return requests.map((request) => {
      try {
        return { ...request, decision: evaluate(fn.policies, request) };
      } catch (error) {
        if (!(error instanceof UnsupportedPolicyError)) throw error;
        return { ...request, decision: { allowed: false, why: `the harness cannot judge it: ${error.message}` } };
      }
    });
  }

  function denial(fn: OurFunction, denied: Authorization): string {
    const roleName = fn.roleArn.split('/').pop();
    return `User: arn:aws:sts::${PSEUDO.accountId}:assumed-role/${roleName}/${fn.name} is not authorized to perform: ${denied.action} on resource: ${denied.resource} because ${denied.decision.why}`;
  }

  async function handle(request: IncomingMessage, body: Buffer): Promise<Answer | 'forwarded'> {
    // Not an AWS API call: a custom resource answering CloudFormation (a pre-signed URL, no SigV4).
    if (request.method === 'PUT' && request.url?.startsWith(CLOUDFORMATION_RESPONSES)) {
      cloudFormationResponses.push({ id: request.url.slice(CLOUDFORMATION_RESPONSES.length), body: JSON.parse(body.toString('utf8') || '{}') });
      return { status: 200, headers: {}, body: '' };
    }
    const scope = SCOPE.exec(request.headers.authorization ?? '');
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.includes('.') ? target.slice(target.indexOf('.') + 1) : `${request.method} ${request.url}`;
    const fn = scope ? options.callers.get(scope[1]!) : undefined;
    const record = (call: Omit<RecordedCall, 'seq' | 'fn' | 'during'>) => {
      calls.push({ seq: ++seq, fn: fn?.path ?? `an unknown caller (${scope?.[1] ?? 'unsigned'})`, during: fn ? activity.get(fn.path) : undefined, ...call });
    };
    if (!scope || !fn) {
      record({ service: scope?.[3] ?? 'unsigned', operation, authorizations: [], allowed: false, modelled: false, status: 403 });
      return jsonError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403);
    }
    const [, , region, service] = scope as unknown as [string, string, string, string];
    const json = () => JSON.parse(body.toString('utf8') || '{}') as Record<string, any>;

    if (service === 'dynamodb' && target.startsWith('DynamoDB_20120810.')) {
      const requests = dynamoRequests(operation, json(), region);
      if (!requests) {
        record({ service, operation, authorizations: [], allowed: false, modelled: false, status: 400 });
        return jsonError('com.amazon.coral.service#AccessDeniedException', `The deploy harness does not model DynamoDB ${operation}.`);
      }
      const authorizations = authorize(fn, requests);
      const denied = authorizations.find((a) => !a.decision.allowed);
      record({ service, operation, authorizations, allowed: !denied, modelled: true, status: denied ? 400 : 200 });
      if (denied) return jsonError('com.amazon.coral.service#AccessDeniedException', denial(fn, denied));
      return 'forwarded';
    }

    if (service === 'states' && target.startsWith('AWSStepFunctions.')) {
      return stepFunctions(fn, operation, json(), region, record);
    }

    if (service === 'ses' && request.method === 'POST' && request.url?.split('?')[0] === '/v2/email/outbound-emails') {
      const input = json();
      const from = /<([^>]+)>/.exec(String(input.FromEmailAddress ?? ''))?.[1] ?? String(input.FromEmailAddress ?? '');
      const domain = from.split('@')[1] ?? '';
      const to = [input.Destination?.ToAddresses, input.Destination?.CcAddresses, input.Destination?.BccAddresses].flat().filter(Boolean) as string[];
      const context = { 'ses:FromAddress': from, 'ses:Recipients': to, 'ses:ApiVersion': '2', 'ses:FromDisplayName': undefined, 'ses:FeedbackAddress': undefined };
      const identity = input.FromEmailAddressIdentityArn ?? `arn:aws:ses:${region}:${PSEUDO.accountId}:identity/${domain}`;
      const resources = [identity, ...(input.ConfigurationSetName ? [`arn:aws:ses:${region}:${PSEUDO.accountId}:configuration-set/${input.ConfigurationSetName}`] : [])];
      const authorizations = authorize(fn, resources.map((resource) => ({ action: 'ses:SendEmail', resource, context })));
      const denied = authorizations.find((a) => !a.decision.allowed);
      if (denied) {
        record({ service, operation: 'SendEmail', authorizations, allowed: false, modelled: true, status: 403 });
        return restError('AccessDeniedException', denial(fn, denied), 403);
      }
      if (!options.emailIdentities.includes(domain) && !options.emailIdentities.includes(from)) {
        record({ service, operation: 'SendEmail', authorizations, allowed: true, modelled: true, status: 400, detail: `${from} is no verified identity of the stack` });
        return restError('MessageRejected', `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: ${from}`, 400);
      }
      record({ service, operation: 'SendEmail', authorizations, allowed: true, modelled: true, status: 200 });
      const raw = input.Content?.Raw?.Data ? Buffer.from(String(input.Content.Raw.Data), 'base64').toString('utf8') : JSON.stringify(input.Content ?? {});
      mails.push({ fn: fn.path, during: activity.get(fn.path), from, to, raw, text: decodeMime(raw) });
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ MessageId: randomUUID() }) };
    }

    if (service === 'cognito-idp' && (operation === 'AdminCreateUser' || operation === 'AdminDisableUser')) {
      const input = json();
      const userPoolId = String(input.UserPoolId ?? '');
      const resource = `arn:aws:cognito-idp:${region}:${PSEUDO.accountId}:userpool/${userPoolId}`;
      const authorizations = authorize(fn, [{ action: `cognito-idp:${operation}`, resource, context: {} }]);
      const denied = authorizations.find((a) => !a.decision.allowed);
      const cognitoAnswer = (status: number, answer: unknown) => ({ ...jsonAnswer(status, answer), headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() } });
      if (denied) {
        record({ service, operation, authorizations, allowed: false, modelled: true, status: 400 });
        return cognitoAnswer(400, { __type: 'AccessDeniedException', message: denial(fn, denied) });
      }
      if (!options.userPoolIds.includes(userPoolId)) {
        record({ service, operation, authorizations, allowed: true, modelled: true, status: 400, detail: `${userPoolId} is no user pool of the stack` });
        return cognitoAnswer(400, { __type: 'ResourceNotFoundException', message: `User pool ${userPoolId} does not exist.` });
      }
      const username = String(input.Username ?? '');
      if (operation === 'AdminDisableUser') {
        const user = users.find((u) => u.userPoolId === userPoolId && u.username.toLowerCase() === username.toLowerCase());
        if (!user) {
          record({ service, operation, authorizations, allowed: true, modelled: true, status: 400 });
          return cognitoAnswer(400, { __type: 'UserNotFoundException', message: 'User does not exist.' });
        }
        user.enabled = false;
        record({ service, operation, authorizations, allowed: true, modelled: true, status: 200 });
        return cognitoAnswer(200, {});
      }
      if (users.some((u) => u.userPoolId === userPoolId && u.username.toLowerCase() === username.toLowerCase())) {
        record({ service, operation, authorizations, allowed: true, modelled: true, status: 400 });
        return cognitoAnswer(400, { __type: 'UsernameExistsException', message: 'An account with the given email already exists.' });
      }
      const attributes = Object.fromEntries(((input.UserAttributes ?? []) as { Name: string; Value: string }[]).map((a) => [a.Name, a.Value]));
      users.push({ fn: fn.path, during: activity.get(fn.path), userPoolId, username, attributes, deliveryMediums: input.DesiredDeliveryMediums ?? [], enabled: true });
      record({ service, operation, authorizations, allowed: true, modelled: true, status: 200 });
      return cognitoAnswer(200, { User: { Username: username, Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: Date.now() / 1000 } });
    }

    record({ service, operation, authorizations: [], allowed: false, modelled: false, status: 403 });
    return restError('AccessDeniedException', `The deploy harness does not model ${service} ${operation}: it is denied.`, 403);
  }

  function stepFunctions(fn: OurFunction, operation: string, input: Record<string, any>, region: string, record: (call: Omit<RecordedCall, 'seq' | 'fn' | 'during'>) => void): Answer {
    const service = 'states';
    if (operation === 'StartExecution') {
      const target = String(input.stateMachineArn ?? '');
      // Step Functions authorizes a qualified ARN against the state machine, the qualifier in a condition key.
      const parts = target.split(':');
      const machineArn = parts.slice(0, 7).join(':');
      const qualifier = parts.length > 7 ? parts.slice(7).join(':') : undefined;
      const authorizations = authorize(fn, [{ action: 'states:StartExecution', resource: machineArn, context: { 'states:StateMachineQualifier': qualifier } }]);
      const allowed = authorizations[0]!.decision.allowed;
      if (!allowed) {
        record({ service, operation, authorizations, allowed, modelled: true, status: 400 });
        return jsonError('AccessDeniedException', denial(fn, authorizations[0]!));
      }
      const machine = options.machines.find((m) => m.arn === machineArn);
      if (!machine || (qualifier !== undefined && !machine.qualified.includes(target))) {
        record({ service, operation, authorizations, allowed, modelled: true, status: 400, detail: `${target} is no state machine, version or alias of the stack` });
        return jsonError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${target}'`);
      }
      const name = String(input.name ?? randomUUID());
      const executionArn = `arn:aws:states:${region}:${PSEUDO.accountId}:execution:${machine.name}:${name}`;
      const parsed = JSON.parse(String(input.input ?? '{}'));
      const earlier = executions.find((e) => e.executionArn === executionArn);
      if (earlier && JSON.stringify(earlier.input) !== JSON.stringify(parsed)) {
        record({ service, operation, authorizations, allowed, modelled: true, status: 400 });
        return jsonError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
      }
      record({ service, operation, authorizations, allowed, modelled: true, status: 200 });
      if (!earlier) executions.push({ fn: fn.path, during: activity.get(fn.path), executionArn, target, machineArn, name, input: parsed });
      return jsonAnswer(200, { executionArn, startDate: Date.now() / 1000 });
    }

    if (operation === 'SendTaskSuccess' || operation === 'SendTaskFailure' || operation === 'SendTaskHeartbeat') {
      const token = String(input.taskToken ?? '');
      const machineArn = options.tokens.machineOf(token);
      if (!machineArn) {
        record({ service, operation, authorizations: [], allowed: false, modelled: false, status: 400, detail: 'a task token the harness never handed out' });
        return jsonError('InvalidToken', 'Invalid Token');
      }
      const authorizations = authorize(fn, [{ action: `states:${operation}`, resource: machineArn, context: {} }]);
      const allowed = authorizations[0]!.decision.allowed;
      if (!allowed) {
        record({ service, operation, authorizations, allowed, modelled: true, status: 400 });
        return jsonError('AccessDeniedException', denial(fn, authorizations[0]!));
      }
      if (operation === 'SendTaskHeartbeat') {
        record({ service, operation, authorizations, allowed, modelled: true, status: 200 });
        return jsonAnswer(200, {});
      }
      const answer: TaskAnswer = {
        fn: fn.path,
        during: activity.get(fn.path),
        token,
        kind: operation === 'SendTaskSuccess' ? 'success' : 'failure',
        payload: operation === 'SendTaskSuccess' ? JSON.parse(String(input.output ?? 'null')) : { error: input.error, cause: input.cause },
      };
      const first = options.tokens.record(answer) === 'first';
      answers.push(answer);
      record({ service, operation, authorizations, allowed, modelled: true, status: first ? 200 : 400 });
      // A token answers once; later answers find the task gone, as in Step Functions.
      return first ? jsonAnswer(200, {}) : jsonError('TaskTimedOut', 'Task Timed Out: Provided task does not exist anymore');
    }

    record({ service, operation, authorizations: [], allowed: false, modelled: false, status: 400 });
    return jsonError('AccessDeniedException', `The deploy harness does not model Step Functions ${operation}: it is denied.`);
  }

  function forward(request: IncomingMessage, body: Buffer, response: ServerResponse) {
    const upstream = new URL(options.dynamoEndpoint);
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', (error) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`DynamoDB Local did not answer: ${error.message}`);
    });
    outgoing.end(body);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      handle(request, body)
        .then((answer) => {
          if (answer === 'forwarded') return forward(request, body, response);
          response.writeHead(answer.status, answer.headers);
          response.end(answer.body);
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' });
          response.end(JSON.stringify({ message: `The deploy harness failed: ${error instanceof Error ? error.message : String(error)}` }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    mails,
    executions,
    answers,
    users,
    cloudFormationResponses,
    /** Attributes the function's calls to an event until the next call of this. */
    setActivity: (fnPath: string, label: string | undefined) => activity.set(fnPath, label),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type RecordingProxy = Awaited<ReturnType<typeof startRecordingProxy>>;

/** The MIME message with each base64 part's body decoded in place. */
function decodeMime(raw: string): string {
  return raw.replace(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g, (_, body: string) =>
    `Content-Transfer-Encoding: base64 (decoded)\r\n\r\n${Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')}\r\n`,
  );
}

const ITEM_ACTIONS: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem', Get: 'GetItem' };

/**
 * The IAM actions and resources of one DynamoDB request: an index query is authorized on the index,
 * a transaction item by item, a batch table by table. Undefined for operations the harness does not model.
 */
export function dynamoRequests(operation: string, input: Record<string, any>, region: string): AuthRequest[] | undefined {
  const table = (name: string) => (name.startsWith('arn:') ? name : `arn:aws:dynamodb:${region}:${PSEUDO.accountId}:table/${name}`);
  const on = (action: string, name: string, index?: string) => ({
    action: `dynamodb:${action}`,
    resource: index ? `${table(name)}/index/${index}` : table(name),
    context: {},
  });
  switch (operation) {
    case 'GetItem':
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'DescribeTable':
      return [on(operation, String(input.TableName))];
    case 'Query':
    case 'Scan':
      return [on(operation, String(input.TableName), input.IndexName)];
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys(input.RequestItems ?? {}).map((name) => on(operation, name));
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as Record<string, { TableName: string }>[]).map((item) => {
        const [kind, inner] = Object.entries(item)[0]!;
        return on(ITEM_ACTIONS[kind] ?? kind, inner.TableName);
      });
    default:
      return undefined;
  }
}
