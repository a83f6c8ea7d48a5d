import * as z from 'zod';
import { IdSchema } from '../domain/ids.js';
import { PeriodSchema } from '../domain/period.js';
import type { Db } from './document-client.js';
import { onConflict } from './errors.js';
import { keys } from './keys.js';
import { createTable } from './table.js';

/** A person's weekly digest for one ISO week: claimed by the execution that sends it, then marked sent. */
export const DigestSentSchema = z
  .object({
    week: PeriodSchema,
    personId: IdSchema,
    /** The execution that claimed it; a retry of the same execution finds itself here and may send. */
    claimedBy: z.string().min(1).max(400),
    status: z.enum(['sending', 'sent']),
    claimedAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'DigestSent' });
export type DigestSent = z.infer<typeof DigestSentSchema>;

export function createDigestRepository(db: Db) {
  const table = createTable(db);
  return {
    /**
     * Claims the person's digest of the week with a conditional put. 'claimed' also for the
     * claimant itself while it has not sent (a retried task); anyone else, or a sent digest, 'taken'.
     */
    async claim(claim: { week: string; personId: string; claimedBy: string; at: string }): Promise<'claimed' | 'taken'> {
      const stored = DigestSentSchema.parse({ week: claim.week, personId: claim.personId, claimedBy: claim.claimedBy, status: 'sending', claimedAt: claim.at, sentAt: null, version: 1 });
      const byMeUnsent = { expression: '(claimedBy = :me AND #status = :sending)', names: { '#status': 'status' }, values: { ':me': stored.claimedBy, ':sending': 'sending' } };
      return table
        .put(keys.digestSent(claim.week, claim.personId), stored, { ifAbsent: true, orIf: byMeUnsent })
        .then(() => 'claimed' as const, onConflict(() => 'taken' as const));
    },

    async markSent(week: string, personId: string, at: string): Promise<void> {
      await table.update(DigestSentSchema, keys.digestSent(week, personId), { status: 'sent', sentAt: at }, { ifPresent: true });
    },

    get: (week: string, personId: string): Promise<DigestSent | undefined> => table.get(DigestSentSchema, keys.digestSent(week, personId)),
  };
}
export type DigestRepository = ReturnType<typeof createDigestRepository>;
