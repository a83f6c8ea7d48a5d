import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StartingPosition, type DlqDestinationConfig, type IEventSourceDlq, type IEventSourceMapping, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { failureQueue } from './failure-queue.js';
import { environmentFor } from '../../functions/runtime/env.js';
import { createNodeFunction, grantItemAccess, handlerEntry } from './node-function.js';

/**
 * An on-failure queue Lambda may only send to, which is all it does with it; CDK's SqsDlq also
 * grants GetQueueAttributes and GetQueueUrl.
 */
class SendOnlyQueue implements IEventSourceDlq {
  constructor(private readonly queue: IQueue) {}

  bind(_mapping: IEventSourceMapping, handler: IFunction): DlqDestinationConfig {
    handler.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
    return { destination: this.queue.queueArn };
  }
}

export interface ProjectionProps {
  /** The table, with its stream. */
  readonly table: ITable;
}

/**
 * The change stream's projection (docs/architecture.md, "Data"): a Lambda fed by the table's
 * stream that builds the derived items — series snapshots and the units' status items — again from
 * the facts each batch touched. Requests write only what they own.
 */
export class Projection extends Construct {
  readonly handler: NodejsFunction;
  /** Batches that still failed after every retry and split: each message names the records to project again. */
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: ProjectionProps) {
    super(scope, id);
    const { handler, role } = createNodeFunction(this, {
      description: 'Sykli projection: derived items from the table stream',
      entry: handlerEntry('projection'),
      memorySize: 1024,
      // A batch rebuilds a few units' status items; a minute bounds one that hangs.
      timeout: Duration.minutes(1),
      environment: environmentFor('projection', { tableName: props.table.tableName }),
    });
    this.handler = handler;
    // Reads the facts (units, measures, series, cycles, reviews) and puts the derived items.
    grantItemAccess(props.table, role, ['GetItem', 'Query', 'PutItem']);

    this.failures = failureQueue(
      this,
      'Failures',
      "This queue is itself the failure destination of the projection's event source mapping: it keeps the records of batches that could not be projected.",
    );
    handler.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        // Gather a second's changes: a form's rows or an import project together, once per unit.
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        onFailure: new SendOnlyQueue(this.failures),
      }),
    );
  }
}
