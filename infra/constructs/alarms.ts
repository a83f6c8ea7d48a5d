import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface AlarmsProps {
  readonly apiHandler: IFunction;
  readonly httpApi: IHttpApi;
  readonly tasksHandler: IFunction;
  /** The state machines by a construct-id-like name, e.g. `PdsaCycle`. */
  readonly stateMachines: Record<string, IStateMachine>;
  /** Where scheduled starts go after their last retry. */
  readonly scheduleDeadLetterQueue: IQueue;
  /** The change stream's projection: its function and the queue of batches it gave up on. */
  readonly projection: { handler: IFunction; failures: IQueue };
}

const PERIOD = Duration.minutes(5);

/** Alarms on what users would notice first, sent to one topic that operators subscribe to. */
export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Sykli alarms', enforceSSL: true });
    this.countAlarm('ApiHandlerErrors', props.apiHandler.metricErrors(), 'The API Lambda threw or timed out');
    this.countAlarm('ApiServerErrors', props.httpApi.metricServerError(), 'The HTTP API answered 5xx');
    this.countAlarm('TasksHandlerErrors', props.tasksHandler.metricErrors(), 'The workflow tasks Lambda threw or timed out');
    for (const [name, machine] of Object.entries(props.stateMachines)) {
      // Tasks catch their failures and record them on the cycle: an execution that still fails
      // or times out is a defect, and its cycle or round has stopped moving.
      this.countAlarm(`${name}ExecutionsFailed`, machine.metricFailed(), `A ${name} execution failed`);
      this.countAlarm(`${name}ExecutionsTimedOut`, machine.metricTimedOut(), `A ${name} execution timed out`);
    }
    this.countAlarm('ProjectionErrors', props.projection.handler.metricErrors(), 'The projection Lambda threw or timed out');
    // Derived items (the overview, the charts' snapshots) lag the facts by this much.
    this.alarm(
      'ProjectionIteratorAge',
      props.projection.handler.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' }),
      'The projection is more than a minute behind the table: the overview and snapshots show old figures.',
      60_000,
    );
    this.alarm(
      'ProjectionFailures',
      props.projection.failures.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
      'A batch of changes could not be projected: its derived items are out of date until it is replayed.',
    );
    this.alarm(
      'ScheduleDeadLetters',
      props.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
      'A scheduled measurement round could not be started: its start is in the dead-letter queue.',
    );
  }

  /** At least one event in the period. */
  private countAlarm(id: string, metric: Metric, what: string): void {
    this.alarm(id, metric.with({ period: PERIOD, statistic: 'Sum' }), `${what} in the last ${PERIOD.toMinutes()} minutes.`);
  }

  private alarm(id: string, metric: Metric, description: string, threshold = 1): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No requests means nothing failed.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
  }
}
