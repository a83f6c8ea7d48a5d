import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '../../functions/store/table-definition.js';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The one DynamoDB table (docs/architecture.md, "Data"). Keys and indexes come from the same definition
 * the local runtime creates DynamoDB Local's table from, so the two cannot drift.
 */
export class DataTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The AWS managed key leaves a CloudTrail record of every key use without us managing key policies.
      encryption: TableEncryption.AWS_MANAGED,
      // The table holds the units' measurement history: it must outlive the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      // Every change with the item before and after: the projection of derived items reads it.
      stream: StreamViewType[tableDefinition.stream],
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
      });
    }
  }
}
