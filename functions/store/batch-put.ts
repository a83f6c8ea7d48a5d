import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './document-client.js';
import { inParallel } from './in-parallel.js';
import { untilProcessed } from './table.js';

const BATCH = 25;

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/**
 * Puts many items with BatchWriteItem, 25 a request and `concurrency` requests at a time,
 * retrying with backoff what DynamoDB leaves unprocessed. Unconditional, so for seeding only:
 * a second run overwrites.
 */
export async function batchPut(db: Db, items: Record<string, unknown>[], { concurrency = 8 } = {}): Promise<void> {
  const batches = Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
  await inParallel(batches, concurrency, (batch) =>
    untilProcessed<WriteRequest>(
      batch.map((Item) => ({ PutRequest: { Item } })),
      async (requests) => (await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }))).UnprocessedItems?.[db.tableName],
    ),
  );
}
