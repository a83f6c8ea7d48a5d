import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { OutgoingMessageSchema, type OutgoingMessage } from '../notify/notifier.js';
import type { Db } from './document-client.js';
import { keys } from './keys.js';
import type { Page } from './pagination.js';
import { createTable } from './table.js';

/** A message as the local outbox keeps it; the id encodes when it was sent, which locates it. */
export const OutboxMessageSchema = OutgoingMessageSchema.extend({
  id: z.string().regex(/^[0-9a-z]+-[0-9a-f]{12}$/),
  at: z.iso.datetime(),
}).meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

function newId(at: Date): string {
  return `${at.getTime().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/** When the message with this id was sent; null for an id this outbox never gave (`constructor`, say). */
function sentAt(id: string): string | null {
  if (!OutboxMessageSchema.shape.id.safeParse(id).success) return null;
  const at = new Date(Number.parseInt(id.split('-')[0]!, 36));
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The local runtime's outbox: every message Sykli would have e-mailed, newest first. */
export function createOutboxRepository(db: Db) {
  const table = createTable(db);
  return {
    async add(message: OutgoingMessage, now = new Date()): Promise<OutboxMessage> {
      const stored = OutboxMessageSchema.parse({ ...message, id: newId(now), at: now.toISOString() });
      await table.put(keys.outboxMessage(stored.at, stored.id), { ...stored, version: 1 }, { unconditional: true });
      return stored;
    },

    /**
     * Newest first, with an opaque cursor; only those sent to `to` when given. A page of messages
     * to others is read past, so that an empty page means there are no more.
     */
    async list(options: { limit?: number; cursor?: string; to?: string } = {}): Promise<Page<OutboxMessage>> {
      const filter = options.to ? { expression: 'contains(#to, :to)', names: { '#to': 'to' }, values: { ':to': options.to } } : undefined;
      let cursor = options.cursor;
      for (;;) {
        const page = await table.queryPage(OutboxMessageSchema, { ...keys.outbox(), descending: true, limit: options.limit, cursor, filter });
        if (page.items.length > 0 || !page.nextCursor) return page;
        cursor = page.nextCursor;
      }
    },

    async get(id: string): Promise<OutboxMessage | undefined> {
      const at = sentAt(id);
      return at ? table.get(OutboxMessageSchema, keys.outboxMessage(at, id)) : undefined;
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
