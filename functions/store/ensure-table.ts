import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  waitUntilTableExists,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import type { Db } from './document-client.js';
import { KEY_ATTRIBUTES, tableDefinition } from './table-definition.js';

export type TableChange = 'created' | 'updated' | 'unchanged';

/**
 * Creates the table, or adds the indexes and change stream it lacks, from the shared definition.
 * Used by the local runtime and the tests; in AWS the CDK stack owns the table. `stream: false`
 * leaves the stream off for now (a seed written before it is not streamed; the next call turns it on).
 */
export async function ensureTable({ raw, tableName }: Db, { stream = true } = {}): Promise<TableChange> {
  const attributeDefinitions: AttributeDefinition[] = KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' }));
  const indexes: GlobalSecondaryIndex[] = tableDefinition.globalSecondaryIndexes.map((gsi) => ({
    IndexName: gsi.indexName,
    KeySchema: keySchema(gsi),
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
        KeySchema: keySchema(tableDefinition),
        GlobalSecondaryIndexes: indexes,
        ...(stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream } }),
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
  // A table made before the projection existed gets its change stream.
  const streaming = existing.StreamSpecification?.StreamEnabled === true || !stream;
  if (!streaming) {
    await raw.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream } }));
  }
  return missing.length > 0 || !streaming ? 'updated' : 'unchanged';
}

function keySchema({ partitionKey, sortKey }: { partitionKey: string; sortKey: string }): KeySchemaElement[] {
  return [
    { AttributeName: partitionKey, KeyType: 'HASH' },
    { AttributeName: sortKey, KeyType: 'RANGE' },
  ];
}
