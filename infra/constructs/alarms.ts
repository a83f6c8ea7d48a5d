import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface AlarmsProps {
  readonly apiHandler: IFunction;
  readonly httpApi: IHttpApi;
}

const PERIOD = Duration.minutes(5);

/** Alarms on what users would notice first, sent to one topic that operators subscribe to. */
export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Sykli alarms', enforceSSL: true });
    this.alarm('ApiHandlerErrors', props.apiHandler.metricErrors({ period: PERIOD }), 'The API Lambda threw or timed out');
    this.alarm('ApiServerErrors', props.httpApi.metricServerError({ period: PERIOD }), 'The HTTP API answered 5xx');
  }

  private alarm(id: string, metric: Metric, description: string): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: `${description} in the last ${PERIOD.toMinutes()} minutes.`,
      metric: metric.with({ statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No requests means nothing failed.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
  }
}
