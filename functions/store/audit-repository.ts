import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AuditEntrySchema, type AuditEntry } from '../domain/audit.js';
import type { Db } from './document-client.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: string };

export function createAuditRepository({ doc, tableName }: Db) {
  /** The Put of an audit entry, to put in the same transaction as the change it records. */
  function putItem(entry: NewAuditEntry) {
    const stored = AuditEntrySchema.parse({ ...entry, id: randomUUID(), at: entry.at ?? new Date().toISOString() });
    return {
      Put: {
        TableName: tableName,
        Item: toItem(keys.auditEntry(stored.unitId, stored.at, stored.id), stored),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  async function record(entry: NewAuditEntry): Promise<void> {
    await doc.send(new PutCommand(putItem(entry).Put));
  }

  /** A unit's trail, newest first; optionally of one thing only (e.g. one cycle's timeline). */
  async function listByUnit(
    unitId: string,
    options: { limit?: number; cursor?: string; entityId?: string } = {},
  ): Promise<Page<AuditEntry>> {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.auditPartition(unitId).PK,
          ...(options.entityId ? { ':entity': options.entityId } : {}),
        },
        ...(options.entityId
          ? { FilterExpression: '#entity.#id = :entity', ExpressionAttributeNames: { '#entity': 'entity', '#id': 'id' } }
          : {}),
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor, ['PK', 'SK']),
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => fromItem(AuditEntrySchema, item)),
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
  }

  return { putItem, record, listByUnit };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
