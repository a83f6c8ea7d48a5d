import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';
import { LocaleSchema } from './localized-text.js';

/**
 * Mail to the person's address does not arrive: it bounced for good or its owner marked it as spam,
 * as SES reported. SES's suppression list stops further sends to it; coaches and admins see why.
 */
export const UndeliverableSchema = z
  .object({
    reason: z.enum(['bounce', 'complaint']),
    /** When SES reported it. */
    at: z.iso.datetime(),
    /** SES's own words, e.g. the bounce's diagnostic code; for whoever fixes the address. */
    detail: z.string().max(500),
  })
  .meta({ id: 'Undeliverable' });
export type Undeliverable = z.infer<typeof UndeliverableSchema>;

/** SES's word that mail to these addresses does not arrive: a permanent bounce or a complaint. */
export type MailFeedback = Undeliverable & { addresses: readonly string[] };

/** Staff names and work e-mails are the only personal data Sykli holds. */
export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  email: z.email().max(254),
  locale: LocaleSchema,
  /** Absent while mail to the address arrives. */
  undeliverable: UndeliverableSchema.optional(),
  /** When an admin deactivated the person: their history stays, and they can no longer sign in. */
  deactivatedAt: z.iso.datetime().optional(),
  /** The weekly digest e-mail: sent unless the person has turned it off (false). */
  digest: z.boolean().optional(),
  version: VersionSchema,
}).meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

/** What an admin sends to add a person; the id is made from the e-mail address. */
export const NewPersonSchema = PersonSchema.pick({ name: true, email: true, locale: true }).strict();
export type NewPerson = z.infer<typeof NewPersonSchema>;

/** What a person changes of their own settings (PATCH /api/me/settings). */
export const PersonSettingsSchema = z.strictObject({ digest: z.boolean() }).meta({ id: 'PersonSettings' });
export type PersonSettings = z.infer<typeof PersonSettingsSchema>;

/** Whether the person gets the weekly digest: on unless turned off. */
export const wantsDigest = (person: Pick<Person, 'digest'>): boolean => person.digest !== false;
