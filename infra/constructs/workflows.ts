import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  CfnStateMachineAlias,
  CfnStateMachineVersion,
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { environmentFor } from '../../functions/runtime/env.js';
import { definitionPath, SUBSTITUTIONS } from '../../workflows/definitions.js';
import type { MachineName } from '../../workflows/engine/workflow-engine.js';
import type { Mail } from './mail.js';
import { createNodeFunction, grantItemAccess, handlerEntry, LOG_RETENTION, type TableAction } from './node-function.js';

/** The alias every execution starts through; a deployment points it at the newly published version. */
export const LIVE_ALIAS = 'live';

export interface WorkflowMachineProps {
  readonly description: string;
  /** The ASL file, with `${TasksFunctionArn}` placeholders (workflows/definitions.ts). */
  readonly definitionFile: string;
  readonly tasksFunction: IFunction;
}

/**
 * One state machine from its ASL file (docs/architecture.md, "Workflows"): Standard, logging ALL with
 * execution data, traced. Each deployment that changes it publishes a new version and points the
 * `live` alias at it; executions start through the alias, so a running execution stays on the
 * version it started with while new ones get the new definition.
 */
export class WorkflowMachine extends Construct {
  readonly stateMachine: StateMachine;
  readonly version: CfnStateMachineVersion;
  readonly alias: CfnStateMachineAlias;
  /** `<state machine ARN>:live`: what the API and the schedules start executions with. */
  readonly aliasArn: string;

  constructor(scope: Construct, id: string, props: WorkflowMachineProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      definitionBody: DefinitionBody.fromFile(props.definitionFile),
      definitionSubstitutions: { [SUBSTITUTIONS.tasksFunctionArn]: props.tasksFunction.functionArn },
      stateMachineType: StateMachineType.STANDARD,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    });
    // By hand rather than grantInvoke: the definitions name the unqualified function ARN only,
    // so no version or alias of the function (`<arn>:*`) needs to be invocable.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.tasksFunction.functionArn] }),
    );
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions needs the CloudWatch Logs delivery actions (CreateLogDelivery, PutResourcePolicy, ...) and ' +
        'X-Ray PutTraceSegments/GetSamplingRules for logging and tracing; none of them has resource-level permissions.',
    });

    // A revision id that changes with every update of the state machine replaces the version,
    // i.e. publishes a new one. The stack never deletes a version: executions of a cycle run for
    // weeks on the version they started with. Deleting the state machine deletes its versions.
    this.version = new CfnStateMachineVersion(this, 'Version', {
      stateMachineArn: this.stateMachine.stateMachineArn,
      stateMachineRevisionId: this.stateMachine.stateMachineRevisionId,
      description: `${props.description} (published by the Sykli stack)`,
    });
    this.version.applyRemovalPolicy(RemovalPolicy.RETAIN);

    this.alias = new CfnStateMachineAlias(this, 'Alias', {
      name: LIVE_ALIAS,
      description: 'Where executions start: the version the last deployment published.',
      routingConfiguration: [{ stateMachineVersionArn: this.version.attrArn, weight: 100 }],
    });
    this.aliasArn = this.alias.attrArn;
  }

  /**
   * StartExecution through the `live` alias, and only through it. Step Functions authorizes a
   * qualified ARN (`<machine>:live`) against the state machine's own ARN and passes the alias
   * name in `states:StateMachineQualifier`; the condition refuses the unqualified ARN (no
   * qualifier) and every version ARN.
   */
  grantStartExecution(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [this.stateMachine.stateMachineArn],
        conditions: { 'ForAnyValue:StringEquals': { 'states:StateMachineQualifier': [LIVE_ALIAS] } },
      }),
    );
  }

  /**
   * Answering this machine's `.waitForTaskToken` waits with success, which is all Sykli does: no
   * wait is failed by hand, and no state uses HeartbeatSeconds (the L2's grantTaskResponse allows
   * all three). Step Functions authorizes a token against the state machine's own ARN, whichever
   * version the execution runs.
   */
  taskResponseStatement(): PolicyStatement {
    return new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: [this.stateMachine.stateMachineArn] });
  }
}

export interface WorkflowsProps {
  readonly table: ITable;
  readonly mail: Mail;
  /** The web app's address, for links in e-mails. */
  readonly webUrl: string;
}

/** What the workflow tasks' repositories call, as the API's: reads, puts, updates, transactions of puts. */
const TASKS_TABLE_ACTIONS: TableAction[] = ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'];

const MACHINE_CONSTRUCTS: Record<MachineName, { id: string; description: string }> = {
  pdsaCycle: { id: 'PdsaCycle', description: 'Sykli PDSA cycle: Do, Study with a coach review, Act' },
  measurementRound: { id: 'MeasurementRound', description: 'Sykli measurement round: collect, remind, compute SPC' },
  weeklyDigest: { id: 'WeeklyDigest', description: 'Sykli weekly digest: one e-mail per coach and leader per week' },
};

/** The tasks Lambda and the state machines that call it (docs/architecture.md, "Workflows"). */
export class Workflows extends Construct {
  /** Runs every workflow task of every machine; the payload's `task` names which one. */
  readonly tasksHandler: NodejsFunction;
  readonly machines: Record<MachineName, WorkflowMachine>;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const tasks = new Construct(this, 'Tasks');
    const { handler, role } = createNodeFunction(tasks, {
      description: 'Sykli workflow tasks (every state machine)',
      entry: handlerEntry('tasks'),
      memorySize: 1024,
      // A measurement round's tasks work through every unit of an area; the states retry on
      // Lambda's transient errors, so a task is bounded rather than tight.
      timeout: Duration.minutes(1),
      environment: environmentFor('tasks', {
        tableName: props.table.tableName,
        mailFrom: props.mail.from,
        mailConfigurationSet: props.mail.configurationSet.configurationSetName,
        webUrl: props.webUrl,
      }),
    });
    this.tasksHandler = handler;
    grantItemAccess(props.table, role, TASKS_TABLE_ACTIONS);
    props.mail.grantSend(role);

    const machine = (name: MachineName) =>
      new WorkflowMachine(this, MACHINE_CONSTRUCTS[name].id, {
        description: MACHINE_CONSTRUCTS[name].description,
        definitionFile: definitionPath(name),
        tasksFunction: handler,
      });
    this.machines = { pdsaCycle: machine('pdsaCycle'), measurementRound: machine('measurementRound'), weeklyDigest: machine('weeklyDigest') };

    // A decision recorded before its wait began is answered by the task itself. The machines name
    // this function, so the grant is a policy of its own that the function does not depend on:
    // in the role's default policy it would close a cycle (function → policy → machine → function).
    new Policy(tasks, 'AnswerWaits', { roles: [role], statements: [this.machines.pdsaCycle.taskResponseStatement()] });
  }
}
