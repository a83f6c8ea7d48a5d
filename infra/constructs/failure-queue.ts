import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A queue that keeps what could not be delivered or processed, for 14 days, encrypted and TLS
 * only. cdk-nag recognises a dead-letter queue only when another queue's redrive policy names it,
 * so each one says what it is the dead letters of.
 */
export function failureQueue(scope: Construct, id: string, whatItKeeps: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: whatItKeeps });
  return queue;
}
