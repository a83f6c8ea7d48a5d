import type { Person } from '../../domain/person.js';

/**
 * Where people sign in: Cognito's user pool in AWS. The local runtime signs people in from the
 * table itself, so it has nothing to do here.
 */
export interface IdentityDirectory {
  /** Creates the person's sign-in with an invitation e-mail; a sign-in that exists already is left as it is. */
  invite(person: Pick<Person, 'email' | 'name' | 'locale'>): Promise<'invited' | 'exists'>;
}
