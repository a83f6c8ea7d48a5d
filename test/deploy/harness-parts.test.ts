import { describe, expect, it } from 'vitest';
import { evaluate, UnsupportedPolicyError, type NamedPolicy, type Statement } from './iam.js';
import { fillTemplate, PathError, readPath } from './jsonpath.js';
import { dynamoRequests } from './recording-proxy.js';
import { createResolver, UnresolvableError, type CfnTemplate } from './resolver.js';

/** The harness judges the stack; these check the harness's own judges, without a synth. */

const policy = (...statements: Statement[]): NamedPolicy[] => [{ source: 'TestPolicy', document: { Statement: statements } }];
const MACHINE = 'arn:aws:states:eu-north-1:123456789012:stateMachine:Cycle';

describe('the IAM evaluator', () => {
  const startThroughLive = policy({
    Effect: 'Allow',
    Action: 'states:StartExecution',
    Resource: MACHINE,
    Condition: { 'ForAnyValue:StringEquals': { 'states:StateMachineQualifier': ['live'] } },
  });
  const start = (qualifier: string | undefined) =>
    evaluate(startThroughLive, { action: 'states:StartExecution', resource: MACHINE, context: { 'states:StateMachineQualifier': qualifier } }).allowed;

  it('allows a start through the live alias only: not unqualified, not through a version', () => {
    expect(start('live')).toBe(true);
    expect(start(undefined)).toBe(false);
    expect(start('1')).toBe(false);
    expect(evaluate(startThroughLive, { action: 'states:StartExecution', resource: MACHINE, context: { 'states:StateMachineQualifier': undefined } }).why).toBe(
      'TestPolicy allows it only if {"ForAnyValue:StringEquals":{"states:StateMachineQualifier":["live"]}}, and the request has {"states:StateMachineQualifier":"(absent)"}',
    );
  });

  it('matches actions case-insensitively and with wildcards, resources case-sensitively', () => {
    const grants = policy({ Effect: 'Allow', Action: 'DynamoDB:Get*', Resource: 'arn:aws:dynamodb:*:*:table/T*' });
    const on = (action: string, resource: string) => evaluate(grants, { action, resource, context: {} }).allowed;
    expect(on('dynamodb:GetItem', 'arn:aws:dynamodb:eu-north-1:1:table/Table')).toBe(true);
    expect(on('dynamodb:PutItem', 'arn:aws:dynamodb:eu-north-1:1:table/Table')).toBe(false);
    expect(on('dynamodb:GetItem', 'arn:aws:dynamodb:eu-north-1:1:table/table')).toBe(false);
  });

  it('lets an explicit deny win over an allow', () => {
    const grants = policy({ Effect: 'Allow', Action: 'ses:*', Resource: '*' }, { Effect: 'Deny', Action: 'ses:SendRawEmail', Resource: '*', Sid: 'NoRaw' });
    expect(evaluate(grants, { action: 'ses:SendEmail', resource: 'x', context: {} }).allowed).toBe(true);
    expect(evaluate(grants, { action: 'ses:SendRawEmail', resource: 'x', context: {} })).toEqual({ allowed: false, why: 'explicitly denied by TestPolicy (NoRaw)' });
  });

  it('compares ARNs part by part in ArnLike, and treats an absent key as a match for negated operators only', () => {
    const grants = policy({
      Effect: 'Allow',
      Action: 'ses:SendEmail',
      Resource: '*',
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:states:*:123456789012:stateMachine:*' }, StringNotEquals: { 'ses:FromDisplayName': 'Spam' } },
    });
    const send = (source: string) =>
      evaluate(grants, { action: 'ses:SendEmail', resource: 'x', context: { 'aws:SourceArn': source, 'ses:FromDisplayName': undefined } }).allowed;
    expect(send(`${MACHINE}`)).toBe(true);
    expect(send('arn:aws:states:eu-north-1:999999999999:stateMachine:Cycle')).toBe(false);
  });

  it('refuses to judge what it does not model: an operator, or a key the request does not know', () => {
    const numeric = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } });
    expect(() => evaluate(numeric, { action: 'x:Y', resource: 'r', context: { 'aws:MultiFactorAuthAge': '1' } })).toThrow(UnsupportedPolicyError);
    const unknownKey = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'dynamodb:LeadingKeys': 'u' } } });
    expect(() => evaluate(unknownKey, { action: 'dynamodb:GetItem', resource: 'r', context: {} })).toThrow(/does not model that key/);
  });
});

describe('the intrinsic resolver', () => {
  const template: CfnTemplate = {
    Resources: {
      Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineName: 'Cycle' } },
      Version: { Type: 'AWS::StepFunctions::StateMachineVersion', Properties: { StateMachineArn: { Ref: 'Machine' } } },
      Alias: { Type: 'AWS::StepFunctions::StateMachineAlias', Properties: { Name: 'live', RoutingConfiguration: [{ StateMachineVersionArn: { 'Fn::GetAtt': ['Version', 'Arn'] }, Weight: 100 }] } },
      Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
      Odd: { Type: 'AWS::Some::Thing', Properties: {} },
    },
  };
  const resolver = createResolver(template, 'Stack');

  it('gives versions and aliases the qualified ARNs of their state machine', () => {
    expect(resolver.ref('Version')).toBe(`${MACHINE}:1`);
    expect(resolver.getAtt('Alias', 'Arn')).toBe(`${MACHINE}:live`);
  });

  it('resolves Sub, Join, Select, Split and pseudo parameters, and leaves AWS::NoValue out', () => {
    const table = resolver.ref('Table');
    expect(table).toMatch(/^Stack-Table-[A-Z0-9]{12}$/);
    expect(resolver.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:x:${AWS::Region}:${AWS::AccountId}:${Table}/${Table.Arn}/${!Literal}' })).toBe(
      `arn:aws:x:eu-north-1:123456789012:${table}/arn:aws:dynamodb:eu-north-1:123456789012:table/${table}/\${Literal}`,
    );
    expect(resolver.resolve({ 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Join': [':', ['a', 'b', 'c']] }] }] })).toBe('b');
    expect(resolver.resolve({ keep: 'x', drop: { Ref: 'AWS::NoValue' }, list: ['y', { Ref: 'AWS::NoValue' }] })).toEqual({ keep: 'x', list: ['y'] });
  });

  it('throws, naming the resource and attribute, for what it has no rule for', () => {
    expect(() => resolver.getAtt('Table', 'KinesisStreamArn')).toThrow(new UnresolvableError('No rule for Fn::GetAtt Table.KinesisStreamArn (AWS::DynamoDB::Table).'));
    expect(() => resolver.ref('Odd')).toThrow('No rule for Ref of Odd (AWS::Some::Thing).');
    expect(() => resolver.resolve({ 'Fn::If': ['C', 'a', 'b'] })).toThrow(/does not model Fn::If/);
  });
});

describe('the DynamoDB authorizations of a request', () => {
  it('authorizes a transaction item by item, an index query on the index, a batch table by table', () => {
    const table = 'arn:aws:dynamodb:eu-north-1:123456789012:table/T';
    const actions = (operation: string, input: Record<string, unknown>) => dynamoRequests(operation, input, 'eu-north-1')?.map((r) => `${r.action} ${r.resource}`);
    expect(actions('TransactWriteItems', { TransactItems: [{ Put: { TableName: 'T' } }, { Update: { TableName: 'T' } }, { ConditionCheck: { TableName: 'T' } }] })).toEqual([
      `dynamodb:PutItem ${table}`,
      `dynamodb:UpdateItem ${table}`,
      `dynamodb:ConditionCheckItem ${table}`,
    ]);
    expect(actions('Query', { TableName: 'T', IndexName: 'GSI1' })).toEqual([`dynamodb:Query ${table}/index/GSI1`]);
    expect(actions('BatchGetItem', { RequestItems: { T: {}, U: {} } })).toEqual([`dynamodb:BatchGetItem ${table}`, 'dynamodb:BatchGetItem arn:aws:dynamodb:eu-north-1:123456789012:table/U']);
    expect(actions('RestoreTableFromBackup', {})).toBeUndefined();
  });
});

describe('the JSONPath of Parameters', () => {
  it('fills `.$` keys from the state input and the context object, and throws for a path that finds nothing', () => {
    const filled = fillTemplate({ task: 'x', 'id.$': '$.ids[1]', 'token.$': '$$.Task.Token', nested: { 'n.$': "$['a']" } }, { ids: ['p', 'q'], a: 1 }, { Task: { Token: 't' } });
    expect(filled).toEqual({ task: 'x', id: 'q', token: 't', nested: { n: 1 } });
    expect(() => readPath({ round: {} }, '$.round.period')).toThrow(PathError);
  });
});
