import { CfnCondition, CfnParameter, Duration, Fn } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSubscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { BUSINESS_METRICS } from '../../functions/metrics/business-metrics.js';
import { METRICS_NAMESPACE } from '../../functions/metrics/emf-metrics.js';

export interface AlarmsProps {
  readonly httpApi: IHttpApi;
  /** Our functions by a construct-id-like name, e.g. `Api`. */
  readonly functions: Record<string, IFunction>;
  readonly table: ITable;
  /** The state machines by a construct-id-like name, e.g. `PdsaCycle`. */
  readonly stateMachines: Record<string, IStateMachine>;
  /** Queues where work that could not be done waits, by name: a message in one is work not done. */
  readonly failureQueues: Record<string, IQueue>;
  /** Functions fed by a stream (DynamoDB Streams, Kinesis): their iterator age says how far behind they are. */
  readonly streamConsumers?: Record<string, IFunction>;
}

const PERIOD = Duration.minutes(5);
/** p95 above this for two of three periods: pages take seconds to load (the API times out at 10 s). */
export const API_LATENCY_P95_MS = 2000;
/** Above this share of answers being 5xx (with at least MIN_REQUESTS requests) something is broken for many. */
export const API_5XX_PERCENT = 5;
const MIN_REQUESTS = 20;
/**
 * Lambda's default concurrency quota per account and region is 1000; Sykli uses a few. Running at
 * 80 % of it means a runaway loop or a flood, and new requests are about to be throttled.
 */
export const ACCOUNT_CONCURRENCY_ALARM = 800;
/** A message older than this in a failure queue has waited past every retry and needs a person. */
export const FAILURE_AGE_SECONDS = 60;
/** A stream consumer this far behind shows leadership stale figures. */
export const ITERATOR_AGE_MS = 60_000;

/** The table operations Sykli's functions call (docs/architecture.md, "Data"). */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/**
 * Alarms on what users notice first — slow or failing pages, throttling, executions that stop,
 * work left in failure queues — sent to one topic that operators subscribe to (the `AlarmEmail`
 * parameter), and a dashboard showing the same figures with the business metrics beside them.
 * The README's "Operating Sykli" says what each alarm means and what to check first.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  private readonly widgets: IWidget[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Sykli alarms', enforceSSL: true });
    this.subscribeByParameter();

    const api = props.httpApi;
    this.alarm('ApiLatencyP95', api.metricLatency({ period: PERIOD, statistic: 'p95' }), {
      threshold: API_LATENCY_P95_MS,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description: `The API's p95 latency was above ${API_LATENCY_P95_MS} ms in two of the last three ${PERIOD.toMinutes()}-minute periods.`,
    });
    const serverErrorRate = new MathExpression({
      label: 'API 5xx %',
      expression: `IF(requests >= ${MIN_REQUESTS}, 100 * errors / requests, 0)`,
      usingMetrics: { errors: api.metricServerError({ statistic: 'Sum' }), requests: api.metricCount({ statistic: 'Sum' }) },
      period: PERIOD,
    });
    this.alarm('ApiServerErrorRate', serverErrorRate, {
      threshold: API_5XX_PERCENT,
      description: `More than ${API_5XX_PERCENT} % of the API's answers were 5xx in the last ${PERIOD.toMinutes()} minutes.`,
    });

    for (const [name, fn] of Object.entries(props.functions)) {
      this.countAlarm(`${name}Errors`, fn.metricErrors(), `The ${name} function threw or timed out`);
      this.countAlarm(`${name}Throttles`, fn.metricThrottles(), `Lambda throttled the ${name} function`);
    }
    this.alarm(
      'AccountConcurrency',
      new Metric({ namespace: 'AWS/Lambda', metricName: 'ConcurrentExecutions', statistic: 'Maximum', period: PERIOD }),
      {
        threshold: ACCOUNT_CONCURRENCY_ALARM,
        description: `More than ${ACCOUNT_CONCURRENCY_ALARM} Lambda functions ran at once in this account and region (the default quota is 1000).`,
      },
    );

    this.countAlarm(
      'TableThrottles',
      props.table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD }),
      'DynamoDB throttled requests to the table',
    );
    this.countAlarm(
      'TableSystemErrors',
      props.table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD }),
      'DynamoDB answered requests to the table with an internal error',
    );

    for (const [name, machine] of Object.entries(props.stateMachines)) {
      // Tasks catch their failures and record them on the cycle: an execution that still fails,
      // times out or is aborted is a defect or a person's doing, and its cycle or round has stopped.
      this.countAlarm(`${name}ExecutionsFailed`, machine.metricFailed(), `A ${name} execution failed`);
      this.countAlarm(`${name}ExecutionsTimedOut`, machine.metricTimedOut(), `A ${name} execution timed out`);
      this.countAlarm(`${name}ExecutionsAborted`, machine.metricAborted(), `A ${name} execution was aborted`);
    }

    for (const [name, queue] of Object.entries(props.failureQueues)) {
      this.alarm(`${name}OldestMessage`, queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum' }), {
        threshold: FAILURE_AGE_SECONDS,
        description: `A message has waited more than ${FAILURE_AGE_SECONDS} s in the ${name} queue: work that failed after its retries.`,
      });
    }
    for (const [name, fn] of Object.entries(props.streamConsumers ?? {})) this.addIteratorAgeAlarm(name, fn);

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: '# Sykli\nEach graph is the figure of one alarm (its line is the threshold); the README\'s "Operating Sykli" says what to check first.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(...this.widgets);
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'What people and the workflows got done (Sykli business metrics)',
        width: 24,
        left: Object.entries(BUSINESS_METRICS).map(
          ([metricName, label]) =>
            new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: 'sykli' }, statistic: 'Sum', period: Duration.hours(1), label: `${metricName}: ${label}` }),
        ),
      }),
    );
  }

  /** How far behind a stream-fed function is; one line per consumer (the change-stream projection). */
  addIteratorAgeAlarm(name: string, fn: IFunction): void {
    this.alarm(`${name}IteratorAge`, fn.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' }), {
      threshold: ITERATOR_AGE_MS,
      description: `The ${name} function is more than ${ITERATOR_AGE_MS / 1000} s behind its stream.`,
    });
  }

  /**
   * An e-mail subscription when the `AlarmEmail` parameter is given (`--parameters Sykli:AlarmEmail=…`);
   * the address confirms it from the first message SNS sends.
   */
  private subscribeByParameter(): void {
    const email = new CfnParameter(this, 'AlarmEmail', {
      type: 'String',
      default: '',
      allowedPattern: '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
      description: 'Where Sykli alarms are e-mailed (an operations mailbox); empty for no e-mail subscription.',
    });
    email.overrideLogicalId('AlarmEmail');
    const given = new CfnCondition(this, 'AlarmEmailGiven', { expression: Fn.conditionNot(Fn.conditionEquals(email.valueAsString, '')) });
    const subscription = new CfnSubscription(this, 'EmailSubscription', {
      topicArn: this.topic.topicArn,
      protocol: SubscriptionProtocol.EMAIL,
      endpoint: email.valueAsString,
    });
    subscription.cfnOptions.condition = given;
  }

  /** At least one event in the period. */
  private countAlarm(id: string, metric: IMetric, what: string): void {
    const withPeriod = metric instanceof Metric ? metric.with({ period: PERIOD, statistic: 'Sum' }) : metric;
    this.alarm(id, withPeriod, { threshold: 1, description: `${what} in the last ${PERIOD.toMinutes()} minutes.` });
  }

  private alarm(id: string, metric: IMetric, options: { threshold: number; description: string; evaluationPeriods?: number; datapointsToAlarm?: number }): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: options.description,
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      datapointsToAlarm: options.datapointsToAlarm,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No requests or no messages means nothing went wrong.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    const widget = new GraphWidget({ title: id, left: [metric], leftAnnotations: [{ value: options.threshold, label: 'alarm' }], width: 8, height: 5 });
    // Alarms added after construction (addIteratorAgeAlarm) get a row of their own.
    if (this.dashboard) this.dashboard.addWidgets(widget);
    else this.widgets.push(widget);
  }
}
