import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '../../functions/store/table-definition.js';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/** A table restored from a backup, with the stream scripts/restore-table.ts turns on (a restore does not copy it). */
export interface ExistingTable {
  readonly name: string;
  readonly streamArn: string;
}

export interface DataTableProps {
  /**
   * Use this table instead of creating one: a table restored from a backup (scripts/restore-table.ts),
   * which the stack then reads and writes but does not own.
   */
  readonly existing?: ExistingTable;
}

/**
 * The one DynamoDB table (docs/architecture.md, "Data"). Keys and indexes come from the same definition
 * the local runtime creates DynamoDB Local's table from, so the two cannot drift.
 */
export class DataTable extends Construct {
  readonly table: ITable;

  constructor(scope: Construct, id: string, props: DataTableProps = {}) {
    super(scope, id);
    if (props.existing) {
      this.table = Table.fromTableAttributes(this, 'Table', {
        tableName: props.existing.name,
        tableStreamArn: props.existing.streamArn,
        globalIndexes: tableDefinition.globalSecondaryIndexes.map((index) => index.indexName),
      });
      return;
    }
    const table = new Table(this, 'Table', {
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
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
      });
    }
    this.table = table;
  }
}
