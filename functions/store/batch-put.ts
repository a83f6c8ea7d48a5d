import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './document-client.js';
import { inParallel } from './in-parallel.js';

const BATCH = 25;
const RETRIES = 10;

/**
 * Puts many items with BatchWriteItem, 25 a request and `concurrency` requests at a time,
 * retrying with backoff what DynamoDB leaves unprocessed. Unconditional, so for seeding only:
 * a second run overwrites.
 */
export async function batchPut(db: Db, items: Record<string, unknown>[], { concurrency = 8 } = {}): Promise<void> {
  const batches = Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
  await inParallel(batches, concurrency, async (batch) => {
    let requests: NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string] | undefined = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests?.length; attempt++) {
      if (attempt > RETRIES) throw new Error('DynamoDB left items unprocessed after retries.');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const result: BatchWriteCommandOutput = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }));
      requests = result.UnprocessedItems?.[db.tableName];
    }
  });
}
