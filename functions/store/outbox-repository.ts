import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { OutgoingMessageSchema, type OutgoingMessage } from '../notify/notifier.js';
import type { Db } from './document-client.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';

/** A message as the local outbox keeps it; the id encodes when it was sent, which locates it. */
export const OutboxMessageSchema = OutgoingMessageSchema.extend({
  id: z.string().regex(/^[0-9a-z]+-[0-9a-f]{12}$/),
  at: z.iso.datetime(),
}).meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

function newId(at: Date): string {
  return `${at.getTime().toString(36)}-${randomBytes(6).toString('hex')}`;
}

function sentAt(id: string): string | null {
  const ms = Number.parseInt(id.split('-')[0] ?? '', 36);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null;
}

/** The local runtime's outbox: every message Sykli would have e-mailed, newest first. */
export function createOutboxRepository({ doc, tableName }: Db) {
  return {
    async add(message: OutgoingMessage, now = new Date()): Promise<OutboxMessage> {
      const stored = OutboxMessageSchema.parse({ ...message, id: newId(now), at: now.toISOString() });
      await doc.send(new PutCommand({ TableName: tableName, Item: toItem(keys.outboxMessage(stored.at, stored.id), { ...stored, version: 1 }) }));
      return stored;
    },

    /** Newest first, with an opaque cursor. */
    async list(options: { limit?: number; cursor?: string } = {}): Promise<Page<OutboxMessage>> {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.outboxPartition().PK },
          ScanIndexForward: false,
          Limit: options.limit,
          ExclusiveStartKey: decodeCursor(options.cursor, ['PK', 'SK']),
        }),
      );
      return { items: (page.Items ?? []).map((item) => fromItem(OutboxMessageSchema, item)), nextCursor: encodeCursor(page.LastEvaluatedKey) };
    },

    async get(id: string): Promise<OutboxMessage | undefined> {
      const at = sentAt(id);
      if (!at) return undefined;
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.outboxMessage(at, id) }));
      return Item ? fromItem(OutboxMessageSchema, Item) : undefined;
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
