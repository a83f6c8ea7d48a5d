import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES } from '../../functions/domain/measure.js';
import { ENV, FUNCTION_SETTINGS } from '../../functions/runtime/env.js';
import { tableDefinition } from '../../functions/store/table-definition.js';
import { ROUND_SCHEDULES } from '../../functions/domain/round-schedule.js';
import { DIGEST_SCHEDULE } from '../../functions/domain/weekly-digest.js';
import { LIVE_ALIAS, type Workflows } from '../../infra/constructs/workflows.js';
import { DEFINITION_FILES, definitionPath, SUBSTITUTIONS } from '../../workflows/definitions.js';
import { MACHINES, type MachineName } from '../../workflows/engine/workflow-engine.js';
import { synthStack } from './synth-stack.js';

type Resource = { Type: string; Properties: Record<string, any>; UpdateReplacePolicy?: string; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

type TaskState = { Type: 'Task'; Resource: string; Parameters?: Record<string, unknown> };
type StateMachineDefinition = {
  States: Record<
    string,
    { Type: string; Branches?: StateMachineDefinition[]; ItemProcessor?: StateMachineDefinition; Iterator?: StateMachineDefinition }
  >;
};

/** Every Task state of a definition, inside Parallel branches and Map item processors too. */
function taskStates(definition: StateMachineDefinition): TaskState[] {
  return Object.values(definition.States).flatMap((state) => [
    ...(state.Type === 'Task' ? [state as unknown as TaskState] : []),
    ...(state.Branches ?? []).flatMap(taskStates),
    ...[state.ItemProcessor, state.Iterator].filter((inner) => inner !== undefined).flatMap(taskStates),
  ]);
}

// The stack stages the ASL files while it is built: without them there is nothing to synthesize.
const definitionsExist = MACHINES.every((machine) => existsSync(definitionPath(machine)));

describe.skipIf(!definitionsExist)('workflows', () => {
  const { app, stack } = synthStack();
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const workflows = stack.node.findChild('Workflows') as Workflows;
  const logicalId = (element: unknown) => stack.getLogicalId(element as CfnElement);

  const tasksId = logicalId(workflows.tasksHandler.node.defaultChild);
  const tasksFn = resources[tasksId]!;
  const tasksArn = { 'Fn::GetAtt': [tasksId, 'Arn'] };
  const tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!;
  const [identityId] = Object.keys(template.findResources('AWS::SES::EmailIdentity'));
  const [configurationSetId] = Object.keys(template.findResources('AWS::SES::ConfigurationSet'));
  const apiId = Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, Resource>).find(
    ([, fn]) => fn.Properties.Description === 'Sykli API (Hono)',
  )![0];

  const machineIds = (machine: MachineName) => {
    const m = workflows.machines[machine];
    return {
      stateMachine: logicalId(m.stateMachine.node.defaultChild),
      version: logicalId(m.version),
      alias: logicalId(m.alias),
    };
  };
  const ids = { pdsaCycle: machineIds('pdsaCycle'), measurementRound: machineIds('measurementRound'), weeklyDigest: machineIds('weeklyDigest') };

  /** Every (action, resource, condition) a role's inline policies allow, one string each. */
  function grantsOf(roleId: string): string[] {
    return Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
      .flatMap((statement) =>
        [statement.Action].flat().flatMap((action) =>
          [statement.Resource].flat().map((resource) =>
            [statement.Effect, action, JSON.stringify(resource), JSON.stringify(statement.Condition ?? null)].join(' '),
          ),
        ),
      )
      .sort();
  }
  const roleOf = (fn: Resource) => fn.Properties.Role['Fn::GetAtt'][0] as string;
  const ref = (id: string) => JSON.stringify({ Ref: id });
  const viaLiveAlias = JSON.stringify({ 'ForAnyValue:StringEquals': { 'states:StateMachineQualifier': [LIVE_ALIAS] } });

  describe('tasks Lambda', () => {
    it('is built like the API Lambda: Node.js 22 on ARM, traced, source maps, bounded timeout', () => {
      expect(tasksFn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
      });
      expect(tasksFn.Properties.Timeout).toBeGreaterThan(0);
      expect(tasksFn.Properties.Timeout).toBeLessThanOrEqual(300);
      const logGroup = resources[tasksFn.Properties.LoggingConfig.LogGroup.Ref as string]!;
      expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
    });

    it('gets the table, the sender address, the configuration set and the web URL — what its composition root reads — and nothing of the API', () => {
      const variables = tasksFn.Properties.Environment.Variables as Record<string, unknown>;
      const own = Object.keys(variables).filter((name) => name.startsWith('SYKLI_'));
      expect(own.sort()).toEqual(FUNCTION_SETTINGS.tasks.map((setting) => ENV[setting]).sort());
      expect(own.sort()).toEqual([ENV.mailFrom, ENV.mailConfigurationSet, ENV.tableName, ENV.webUrl].sort());
      expect(variables[ENV.mailConfigurationSet]).toEqual({ Ref: configurationSetId });
      expect(variables[ENV.tableName]).toEqual({ Ref: tableId });
      expect(variables[ENV.mailFrom]).toBe('sykli@sykli.example');
      expect(JSON.stringify(variables[ENV.webUrl])).toContain('https://');
      expect(variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'sykli' });
      expect(variables.NODE_OPTIONS).toBeUndefined();
    });

    it('may read and write table items (no Scan), send mail as the Sykli identity through its configuration set, answer PDSA cycle waits, and trace; nothing else', () => {
      const roleId = roleOf(tasksFn);
      const grants = grantsOf(roleId);
      const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
      const tableResources = [
        tableArn,
        ...tableDefinition.globalSecondaryIndexes.map((index) => ({ 'Fn::Join': ['', [tableArn, `/index/${index.indexName}`]] })),
      ].map((r) => JSON.stringify(r));
      const dynamodb = grants.filter((g) => g.includes(' dynamodb:'));
      expect(dynamodb.length).toBeGreaterThan(0);
      for (const grant of dynamodb) expect(tableResources).toContain(grant.split(' ')[2]);
      expect(dynamodb.join('\n')).not.toContain('dynamodb:Scan');

      const ses = grants.filter((g) => g.includes(' ses:'));
      expect(ses.map((g) => g.split(' ')[1]).sort()).toEqual(['ses:SendEmail', 'ses:SendEmail']);
      expect(ses.find((g) => g.includes(':identity/'))).toContain(`"${identityId}"`);
      expect(ses.find((g) => g.includes(':configuration-set/'))).toContain(`"${configurationSetId}"`);

      expect(grants.filter((g) => g.includes(' states:'))).toEqual([`Allow states:SendTaskSuccess ${ref(ids.pdsaCycle.stateMachine)} null`]);
      const services = new Set(grants.map((g) => g.split(' ')[1]!.split(':')[0]));
      expect([...services].sort()).toEqual(['dynamodb', 'logs', 'ses', 'states', 'xray']);
      expect(resources[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
    });
  });

  describe.each(MACHINES)('state machine %s', (machine) => {
    const id = ids[machine];
    const stateMachine = resources[id.stateMachine]!;

    it('is a Standard machine, logging ALL with execution data to a retained log group, traced', () => {
      expect(stateMachine.Properties).toMatchObject({
        StateMachineType: 'STANDARD',
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: true },
        TracingConfiguration: { Enabled: true },
      });
      const destination = stateMachine.Properties.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn;
      const logGroup = resources[destination['Fn::GetAtt'][0] as string]!;
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
    });

    it(`deploys ${DEFINITION_FILES[machine]} itself, with its placeholder filled by the tasks function's ARN`, () => {
      expect(stateMachine.Properties.DefinitionString).toBeUndefined();
      expect(stateMachine.Properties.DefinitionSubstitutions).toEqual({ [SUBSTITUTIONS.tasksFunctionArn]: tasksArn });
      const key = stateMachine.Properties.DefinitionS3Location.Key as string;
      const staged = readFileSync(join(app.synth().directory, `asset.${key}`), 'utf8');
      expect(staged).toBe(readFileSync(definitionPath(machine), 'utf8'));
      // CloudFormation fills the placeholders; one it has no value for would stay in the definition.
      const placeholders = new Set([...staged.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]));
      expect([...placeholders]).toEqual([SUBSTITUTIONS.tasksFunctionArn]);
    });

    it('calls nothing but the tasks function, which is all its role allows', () => {
      const tasks = taskStates(JSON.parse(readFileSync(definitionPath(machine), 'utf8')));
      expect(tasks.length).toBeGreaterThan(0);
      for (const task of tasks) {
        expect(task.Resource).toMatch(/^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/);
        expect(task.Parameters?.FunctionName).toBe(`\${${SUBSTITUTIONS.tasksFunctionArn}}`);
      }
    });

    it('may invoke the tasks function (unqualified) and nothing else', () => {
      const grants = grantsOf(stateMachine.Properties.RoleArn['Fn::GetAtt'][0] as string);
      expect(grants.filter((g) => g.includes(' lambda:'))).toEqual([`Allow lambda:InvokeFunction ${JSON.stringify(tasksArn)} null`]);
      const services = new Set(grants.map((g) => g.split(' ')[1]!.split(':')[0]));
      expect([...services].sort()).toEqual(['lambda', 'logs', 'xray']);
    });

    it('publishes a version on every change, never deleting old ones: executions run on them for weeks', () => {
      const version = resources[id.version]!;
      expect(version.Type).toBe('AWS::StepFunctions::StateMachineVersion');
      expect(version.Properties).toMatchObject({
        StateMachineArn: { Ref: id.stateMachine },
        StateMachineRevisionId: { 'Fn::GetAtt': [id.stateMachine, 'StateMachineRevisionId'] },
      });
      expect(version.UpdateReplacePolicy).toBe('Retain');
      expect(version.DeletionPolicy).toBe('Retain');
    });

    it(`routes all of the "${LIVE_ALIAS}" alias to that version`, () => {
      const alias = resources[id.alias]!;
      expect(alias.Type).toBe('AWS::StepFunctions::StateMachineAlias');
      expect(alias.Properties).toMatchObject({
        Name: LIVE_ALIAS,
        RoutingConfiguration: [{ StateMachineVersionArn: { 'Fn::GetAtt': [id.version, 'Arn'] }, Weight: 100 }],
      });
    });

    it('alarms on failed, timed-out and aborted executions', () => {
      for (const metricName of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/States',
          MetricName: metricName,
          Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: id.stateMachine } }],
          Statistic: 'Sum',
          AlarmActions: [{ Ref: logicalId(stack.alarms.topic.node.defaultChild) }],
        });
      }
    });

    it('has its alias ARN as a stack output', () => {
      const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
      const name = { pdsaCycle: 'PdsaCycleAliasArn', measurementRound: 'MeasurementRoundAliasArn', weeklyDigest: 'WeeklyDigestAliasArn' }[machine];
      expect(outputs[name]!.Value).toEqual({ 'Fn::GetAtt': [id.alias, 'Arn'] });
    });
  });

  describe('API Lambda and the workflows', () => {
    const api = resources[apiId]!;

    it('gets the alias ARNs, not the state machines', () => {
      const variables = api.Properties.Environment.Variables as Record<string, unknown>;
      expect(variables[ENV.pdsaCycleMachineArn]).toEqual({ 'Fn::GetAtt': [ids.pdsaCycle.alias, 'Arn'] });
      expect(variables[ENV.measurementRoundMachineArn]).toEqual({ 'Fn::GetAtt': [ids.measurementRound.alias, 'Arn'] });
      expect(variables[ENV.weeklyDigestMachineArn]).toEqual({ 'Fn::GetAtt': [ids.weeklyDigest.alias, 'Arn'] });
    });

    it('may start executions through the aliases only, and answer the PDSA cycle waits; nothing more', () => {
      const states = grantsOf(roleOf(api)).filter((g) => g.includes(' states:'));
      expect(states).toEqual(
        [
          `Allow states:StartExecution ${ref(ids.pdsaCycle.stateMachine)} ${viaLiveAlias}`,
          `Allow states:StartExecution ${ref(ids.measurementRound.stateMachine)} ${viaLiveAlias}`,
          `Allow states:StartExecution ${ref(ids.weeklyDigest.stateMachine)} ${viaLiveAlias}`,
          `Allow states:SendTaskSuccess ${ref(ids.pdsaCycle.stateMachine)} null`,
        ].sort(),
      );
    });

    it('may send mail as the Sykli identity through its configuration set, for review invitations', () => {
      const ses = grantsOf(roleOf(api)).filter((g) => g.includes(' ses:'));
      expect(ses.map((g) => g.split(' ')[1])).toEqual(['ses:SendEmail', 'ses:SendEmail']);
      expect(ses.find((g) => g.includes(':identity/'))).toContain(`"${identityId}"`);
      expect(ses.find((g) => g.includes(':configuration-set/'))).toContain(`"${configurationSetId}"`);
    });
  });

  describe('measurement round and weekly digest schedules', () => {
    const allSchedules = Object.values(template.findResources('AWS::Scheduler::Schedule') as Record<string, Resource>);
    const schedules = allSchedules.filter((s) => 'frequency' in JSON.parse(s.Properties.Target.Input));
    const digestSchedule = allSchedules.find((s) => !('frequency' in JSON.parse(s.Properties.Target.Input)))!;
    const queueId = logicalId(stack.node.findChild('Schedules').node.findChild('DeadLetters').node.defaultChild);
    const queue = resources[queueId]!;

    it('exist for every measure frequency, as the local scheduler computes them', () => {
      expect(schedules).toHaveLength(FREQUENCIES.length);
      for (const frequency of FREQUENCIES) {
        const schedule = schedules.find((s) => JSON.parse(s.Properties.Target.Input).frequency === frequency)!;
        expect(schedule.Properties.ScheduleExpression).toBe(ROUND_SCHEDULES[frequency].expression);
        expect(schedule.Properties.ScheduleExpressionTimezone).toBe(ROUND_SCHEDULES[frequency].timezone);
      }
    });

    it.each([
      { frequency: 'weekly', expression: 'cron(0 8 ? * MON *)' },
      { frequency: 'monthly', expression: 'cron(0 8 1 * ? *)' },
    ])('start the $frequency round at 08:00 Helsinki time, exactly then', ({ frequency, expression }) => {
      const schedule = schedules.find((s) => JSON.parse(s.Properties.Target.Input).frequency === frequency)!;
      expect(schedule.Properties).toMatchObject({
        ScheduleExpression: expression,
        ScheduleExpressionTimezone: 'Europe/Helsinki',
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
      });
      expect(JSON.parse(schedule.Properties.Target.Input)).toEqual({
        frequency,
        scheduledTime: '<aws.scheduler.scheduled-time>',
      });
    });

    it('target the measurement round alias, with retries and a dead-letter queue', () => {
      expect(schedules).toHaveLength(2);
      for (const schedule of schedules) {
        expect(schedule.Properties.Target).toMatchObject({
          Arn: { 'Fn::GetAtt': [ids.measurementRound.alias, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        });
        const retry = schedule.Properties.Target.RetryPolicy;
        expect(retry.MaximumRetryAttempts).toBeGreaterThan(0);
        expect(retry.MaximumEventAgeInSeconds).toBeGreaterThanOrEqual(60);
      }
    });

    it('start the weekly digest on Monday at 07:00 Helsinki time through its alias, with retries and the same dead-letter queue', () => {
      expect(allSchedules).toHaveLength(FREQUENCIES.length + 1);
      expect(digestSchedule.Properties).toMatchObject({
        ScheduleExpression: DIGEST_SCHEDULE.expression,
        ScheduleExpressionTimezone: 'Europe/Helsinki',
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
      });
      expect(DIGEST_SCHEDULE.expression).toBe('cron(0 7 ? * MON *)');
      expect(JSON.parse(digestSchedule.Properties.Target.Input)).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
      expect(digestSchedule.Properties.Target).toMatchObject({
        Arn: { 'Fn::GetAtt': [ids.weeklyDigest.alias, 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      });
      expect(digestSchedule.Properties.Target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
    });

    it('run as a role that may only start the round and the digest through their aliases and dead-letter its failures', () => {
      const roleIds = new Set(allSchedules.map((s) => s.Properties.Target.RoleArn['Fn::GetAtt'][0] as string));
      expect(roleIds.size).toBe(1);
      const [roleId] = [...roleIds] as [string];
      expect(grantsOf(roleId)).toEqual(
        [
          `Allow states:StartExecution ${ref(ids.measurementRound.stateMachine)} ${viaLiveAlias}`,
          `Allow states:StartExecution ${ref(ids.weeklyDigest.stateMachine)} ${viaLiveAlias}`,
          `Allow sqs:SendMessage ${JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] })} null`,
        ].sort(),
      );
      const trust = resources[roleId]!.Properties.AssumeRolePolicyDocument.Statement;
      expect(trust).toHaveLength(1);
      expect(trust[0]).toMatchObject({
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      });
      expect(JSON.stringify(trust[0].Condition.StringEquals['aws:SourceArn'])).toContain(':schedule-group/default');
    });

    it('dead-letter into an encrypted queue that refuses plain HTTP, and alarm when a message waits in it', () => {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Threshold: 60,
      });
    });
  });

  describe('mail', () => {
    it('sends from an SES domain identity with DKIM, whose records are stack outputs', () => {
      template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'sykli.example' });
      const outputs = Object.keys(template.toJSON().Outputs);
      expect(outputs).toEqual(expect.arrayContaining(['MailDkimRecord1', 'MailDkimRecord2', 'MailDkimRecord3']));
    });
  });

  it('alarms on tasks Lambda errors', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: tasksId } }],
    });
  });
});
