import * as z from 'zod';
import { LocaleSchema } from '../../domain/localized-text.js';
import { PersonSchema } from '../../domain/person.js';
import type { PeopleRepository } from '../../store/people-repository.js';
import { ConflictError } from '../../store/errors.js';
import type { IdentityDirectory } from './identity-directory.js';

/** The organisation's first admin, as a deploy's context or a local start names them. */
export const FirstAdminSchema = z.object({
  email: PersonSchema.shape.email,
  name: PersonSchema.shape.name,
  locale: LocaleSchema,
});
export type FirstAdmin = z.infer<typeof FirstAdminSchema>;

/** A person id from an e-mail address: its local part as a slug (`tiina.koskinen@…` → `tiina-koskinen`). */
export function personIdFromEmail(email: string): string {
  const slug = (email.split('@')[0] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56);
  return slug || 'admin';
}

/**
 * The organisation's first admin, made when the stack is deployed: the person, their admin role,
 * and their sign-in with an invitation e-mail. Running it again (a redeploy) changes nothing.
 */
export function ensureFirstAdmin(deps: { people: Pick<PeopleRepository, 'findIdByEmail' | 'create' | 'addMembership'>; identities: IdentityDirectory }) {
  return async (admin: FirstAdmin): Promise<{ personId: string; created: boolean }> => {
    let personId = await deps.people.findIdByEmail(admin.email);
    const created = !personId;
    for (let n = 1; !personId; n++) {
      const id = n === 1 ? personIdFromEmail(admin.email) : `${personIdFromEmail(admin.email)}-${n}`;
      try {
        await deps.people.create({ id, name: admin.name, email: admin.email, locale: admin.locale });
        personId = id;
      } catch (error) {
        if (!(error instanceof ConflictError) || n >= 20) throw error;
        // The id is someone else's, or the address was claimed meanwhile: look again.
        personId = await deps.people.findIdByEmail(admin.email);
      }
    }
    try {
      await deps.people.addMembership({ personId, role: 'admin' });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    await deps.identities.invite(admin);
    return { personId, created };
  };
}
