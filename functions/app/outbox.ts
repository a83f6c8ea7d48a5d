import * as z from 'zod';
import { OutboxMessageSchema, type OutboxMessage, type OutboxRepository } from '../store/outbox-repository.js';
import { requireAllowed } from './access.js';
import type { Caller } from './caller.js';
import { NotFoundError } from './errors.js';

export { OutboxMessageSchema, type OutboxMessage };
export const OutboxPageSchema = z.object({ items: z.array(OutboxMessageSchema), nextCursor: z.string().nullable() });

/** The local outbox of what Sykli would have e-mailed, with the invitations' .ics. The local runtime only. */
export function outbox(deps: { outbox: Pick<OutboxRepository, 'list' | 'get'> }) {
  const allow = (caller: Caller) => requireAllowed(caller.principal, { type: 'outbox:read' }, 'You have no role in any unit yet; ask an admin to add you.');

  async function message(caller: Caller, id: string): Promise<OutboxMessage> {
    allow(caller);
    const found = await deps.outbox.get(id);
    if (!found) throw new NotFoundError(`The outbox has no message ${id}.`, { code: 'outbox.notFound' });
    return found;
  }

  return {
    async list(caller: Caller, page: { limit?: number; cursor?: string }) {
      allow(caller);
      return deps.outbox.list(page);
    },
    message,
    async attachment(caller: Caller, id: string, n: number) {
      const attachment = (await message(caller, id)).attachments[n];
      if (!attachment) throw new NotFoundError(`Message ${id} has no attachment ${n}.`, { code: 'outbox.noAttachment' });
      return attachment;
    },
  };
}
export type Outbox = ReturnType<typeof outbox>;
