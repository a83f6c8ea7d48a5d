import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { type IRole, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ContextAttribute,
  type IScheduleTarget,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
  TimeWindow,
} from 'aws-cdk-lib/aws-scheduler';
import { ScheduleTargetBase, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { failureQueue } from './failure-queue.js';
import type { Frequency } from '../../functions/domain/measure.js';
import { ROUND_SCHEDULES } from '../../functions/domain/round-schedule.js';
import { DIGEST_SCHEDULE } from '../../functions/domain/weekly-digest.js';
import type { WorkflowMachine } from './workflows.js';


/** What a scheduled round execution receives; the round reads the period from `scheduledTime`. */
export function measurementRoundInput(frequency: Frequency) {
  return { frequency, scheduledTime: ContextAttribute.scheduledTime };
}

/** What the scheduled weekly digest receives; the digest reads its ISO week from `scheduledTime`. */
export function weeklyDigestInput() {
  return { scheduledTime: ContextAttribute.scheduledTime };
}

/**
 * Starts executions through a state machine's alias. CDK's StepFunctionsStartExecution target
 * takes a state machine, not an alias, and grants StartExecution on the ARN it is given, which
 * would not authorize a start through the alias.
 */
class StartExecutionThroughAlias extends ScheduleTargetBase implements IScheduleTarget {
  private readonly machine: WorkflowMachine;

  constructor(machine: WorkflowMachine, props: ScheduleTargetBaseProps) {
    super(props, machine.aliasArn);
    this.machine = machine;
  }

  protected override addTargetActionToRole(role: IRole): void {
    this.machine.grantStartExecution(role);
  }
}

export interface SchedulesProps {
  readonly measurementRound: WorkflowMachine;
  readonly weeklyDigest: WorkflowMachine;
}

/** EventBridge Scheduler starting the measurement rounds and the weekly digest (docs/architecture.md, "Two runtimes"). */
export class Schedules extends Construct {
  /** Starts that failed after every retry; one message is one round or digest that did not begin. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    this.deadLetterQueue = failureQueue(
      this,
      'DeadLetters',
      "This queue is itself a dead-letter queue: the schedules' target DLQ, which cdk-nag cannot see as it " +
        'only recognizes queues named in another queue\'s redrive policy.',
    );

    const stack = Stack.of(this);
    // Scheduler may assume the role only for schedules of this account's default group.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });

    // The same crons the local scheduler computes (functions/domain/round-schedule.ts).
    for (const [frequency, { expression, timezone }] of Object.entries(ROUND_SCHEDULES) as [Frequency, (typeof ROUND_SCHEDULES)[Frequency]][]) {
      new Schedule(this, `${frequency.charAt(0).toUpperCase()}${frequency.slice(1)}`, {
        description: `Starts the ${frequency} measurement round`,
        schedule: ScheduleExpression.expression(expression, TimeZone.of(timezone)),
        // At the stated time: the round opens the period that people are told about.
        timeWindow: TimeWindow.off(),
        target: new StartExecutionThroughAlias(props.measurementRound, {
          role,
          input: ScheduleTargetInput.fromObject(measurementRoundInput(frequency)),
          // Throttling and transient errors are retried for up to six hours; a start still
          // failing then lands in the dead-letter queue, which raises an alarm.
          retryAttempts: 20,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: this.deadLetterQueue,
        }),
      });
    }

    // The same cron the local scheduler follows (functions/domain/weekly-digest.ts).
    new Schedule(this, 'WeeklyDigest', {
      description: 'Starts the weekly digest',
      schedule: ScheduleExpression.expression(DIGEST_SCHEDULE.expression, TimeZone.of(DIGEST_SCHEDULE.timezone)),
      timeWindow: TimeWindow.off(),
      target: new StartExecutionThroughAlias(props.weeklyDigest, {
        role,
        input: ScheduleTargetInput.fromObject(weeklyDigestInput()),
        retryAttempts: 20,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: this.deadLetterQueue,
      }),
    });
  }
}
