import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { LOCAL_AWS_CONFIG } from '../../functions/runtime/local/dynamodb-local.js';
import { createDb, type Db } from '../../functions/store/document-client.js';
import { ensureTable } from '../../functions/store/ensure-table.js';

/** A fresh table in the shared DynamoDB Local, so test files never see each other's data. */
export async function createTestTable(): Promise<Db> {
  const db = createDb(`test-${randomUUID()}`, { ...LOCAL_AWS_CONFIG, endpoint: inject('dynamoEndpoint') });
  await ensureTable(db);
  return db;
}
