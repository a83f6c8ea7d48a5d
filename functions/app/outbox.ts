import * as z from 'zod';
import { can } from '../domain/access-policy.js';
import { OutboxMessageSchema, type OutboxMessage, type OutboxRepository } from '../store/outbox-repository.js';
import { requireAllowed } from './access.js';
import type { Caller } from './caller.js';
import { NotFoundError } from './errors.js';
import { withAppErrors } from './store-errors.js';

export { OutboxMessageSchema, type OutboxMessage };
export const OutboxPageSchema = z.object({ items: z.array(OutboxMessageSchema), nextCursor: z.string().nullable() });

/**
 * The local outbox of what Sykli would have e-mailed, with the invitations' .ics. The local runtime
 * only. A person reads the messages addressed to them; admins read them all. A message to someone
 * else is answered like one that does not exist.
 */
export function outbox(deps: { outbox: Pick<OutboxRepository, 'list' | 'get'> }) {
  const allow = (caller: Caller) => requireAllowed(caller.principal, { type: 'outbox:read' }, 'You have no role in any unit yet; ask an admin to add you.');
  const readsAll = (caller: Caller) => can(caller.principal, { type: 'outbox:readAll' });
  const addressedTo = (message: OutboxMessage, caller: Caller) => message.to.some((to) => to.toLowerCase() === caller.person.email.toLowerCase());

  async function message(caller: Caller, id: string): Promise<OutboxMessage> {
    allow(caller);
    const found = await deps.outbox.get(id);
    if (!found || !(readsAll(caller) || addressedTo(found, caller))) throw new NotFoundError(`The outbox has no message ${id} to you.`, { code: 'outbox.notFound' });
    return found;
  }

  return withAppErrors({
    async list(caller: Caller, page: { limit?: number; cursor?: string }) {
      allow(caller);
      return deps.outbox.list(readsAll(caller) ? page : { ...page, to: caller.person.email });
    },
    message,
    async attachment(caller: Caller, id: string, n: number) {
      const attachment = (await message(caller, id)).attachments[n];
      if (!attachment) throw new NotFoundError(`Message ${id} has no attachment ${n}.`, { code: 'outbox.noAttachment' });
      return attachment;
    },
  });
}
export type Outbox = ReturnType<typeof outbox>;
