import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IDestination } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { failureQueue } from './failure-queue.js';
import { environmentFor } from '../../functions/runtime/env.js';
import type { Mail } from './mail.js';
import { createNodeFunction, grantItemAccess, handlerEntry } from './node-function.js';

export interface MailFeedbackProps {
  readonly mail: Mail;
  readonly table: ITable;
}

/**
 * Bounces and complaints reach the table: the configuration set publishes them to a topic, whose
 * subscriber (functions/handlers/mail-events.ts) marks the person's address undeliverable. An event
 * that cannot be handled after Lambda's retries, or that SNS cannot deliver, waits in the failure
 * queue, whose oldest message raises an alarm.
 */
export class MailFeedback extends Construct {
  readonly handler: NodejsFunction;
  readonly topic: Topic;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: MailFeedbackProps) {
    super(scope, id);
    this.failures = failureQueue(
      this,
      'Failures',
      "This queue is itself the dead-letter queue: the mail-events function's on-failure destination and the SNS " +
        "subscription's redrive queue, which cdk-nag does not recognize as dead-letter queues.",
    );

    const { handler, role } = createNodeFunction(this, {
      description: 'Sykli mail events: SES bounces and complaints',
      entry: handlerEntry('mail-events'),
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: environmentFor('mailEvents', { tableName: props.table.tableName }),
      retryAttempts: 2,
      onFailure: sendTo(this.failures.queueArn),
    });
    this.handler = handler;
    // Finds the person by the address, then marks their profile.
    grantItemAccess(props.table, role, ['GetItem', 'UpdateItem']);
    // Lambda sends a failed event to the destination with the function's role; only SendMessage is needed.
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.failures.queueArn] }));

    this.topic = new Topic(this, 'Topic', { displayName: 'Sykli mail bounces and complaints', enforceSSL: true });
    this.topic.addSubscription(new LambdaSubscription(handler, { deadLetterQueue: this.failures }));
    props.mail.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
  }
}

/**
 * An on-failure destination by ARN, granted by hand: the L2's SqsDestination also grants
 * GetQueueAttributes and GetQueueUrl, which Lambda does not use for it.
 */
function sendTo(queueArn: string): IDestination {
  return { bind: () => ({ destination: queueArn }) };
}
