import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { LOCAL_AWS_CONFIG } from '../../functions/runtime/local/dynamodb-local.js';
import { createDb, type Db } from '../../functions/store/document-client.js';
import { ensureTable } from '../../functions/store/ensure-table.js';
import { ensureSeededTable } from '../../functions/runtime/seed/seeded-table.js';

/** A fresh table in the shared DynamoDB Local, so test files never see each other's data. */
export async function createTestTable(): Promise<Db> {
  const db = testDb();
  await ensureTable(db);
  return db;
}

/** A fresh table with the demo organisation, seeded as the local runtime seeds it. */
export async function createSeededTestTable(): Promise<Db> {
  const db = testDb();
  await ensureSeededTable(db);
  return db;
}

/** A client of the shared DynamoDB Local for a table: a fresh one by default. */
export function testDb(tableName = `test-${randomUUID()}`): Db {
  return createDb(tableName, { ...LOCAL_AWS_CONFIG, endpoint: inject('dynamoEndpoint') });
}
