import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  waitUntilTableExists,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import type { Db } from './document-client.js';
import { tableDefinition } from './table-definition.js';

/**
 * Creates the table, or adds the indexes it lacks, from the shared definition. Used by the
 * local runtime and the tests; in AWS the CDK stack owns the table.
 */
export async function ensureTable({ raw, tableName }: Db): Promise<'created' | 'updated' | 'unchanged'> {
  const keyNames = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const gsi of tableDefinition.globalSecondaryIndexes) keyNames.add(gsi.partitionKey).add(gsi.sortKey);
  const attributeDefinitions: AttributeDefinition[] = [...keyNames].map((name) => ({
    AttributeName: name,
    AttributeType: 'S',
  }));
  const indexes: GlobalSecondaryIndex[] = tableDefinition.globalSecondaryIndexes.map((gsi) => ({
    IndexName: gsi.indexName,
    KeySchema: [
      { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
      { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  }));

  let existing;
  try {
    existing = (await raw.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }

  if (!existing) {
    await raw.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions,
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexes,
      }),
    );
    await waitUntilTableExists({ client: raw, maxWaitTime: 60 }, { TableName: tableName });
    return 'created';
  }

  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName));
  const missing = indexes.filter((gsi) => !present.has(gsi.IndexName));
  for (const gsi of missing) {
    await raw.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: gsi }],
      }),
    );
  }
  return missing.length > 0 ? 'updated' : 'unchanged';
}
