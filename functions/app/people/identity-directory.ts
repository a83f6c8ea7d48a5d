import type { Person } from '../../domain/person.js';

/**
 * Where people sign in: Cognito's user pool in AWS. The local runtime signs people in from the
 * table itself (`noIdentityDirectory`), so it has nothing to do here.
 */
export interface IdentityDirectory {
  /** Creates the person's sign-in with an invitation e-mail; a sign-in that exists already is left as it is. */
  invite(person: Pick<Person, 'email' | 'name' | 'locale'>): Promise<'invited' | 'exists'>;
  /** Stops the person's sign-in at once; a sign-in that does not exist is nothing to stop. */
  disable(person: Pick<Person, 'email'>): Promise<void>;
}

/** The local runtime's: the local sign-in page lists the people in the table, and refuses the deactivated. */
export const noIdentityDirectory: IdentityDirectory = {
  invite: async () => 'invited',
  disable: async () => {},
};
