import type { PeopleRepository } from '../../store/people-repository.js';
import type { Caller } from '../caller.js';

/** How long a signed-in person's memberships are reused before they are read again. */
export const SIGNED_IN_PERSON_TTL_MS = 30_000;
const MAX_PEOPLE = 1_000;

/**
 * Finds the person behind a token's e-mail address, remembering the answer for a short while:
 * a dashboard fires several requests at once, and reading the person (two DynamoDB requests)
 * on each would double the cost of the area overview's single Query. A changed membership or a
 * deactivation takes effect at once where the admin made it (`forget`) and within
 * SIGNED_IN_PERSON_TTL_MS in every other instance of the API; a person not found, or
 * deactivated, is refused and not remembered.
 */
export function signedInPeople(people: Pick<PeopleRepository, 'findIdByEmail' | 'getWithMemberships'>, now: () => number = Date.now) {
  const remembered = new Map<string, { caller: Caller; until: number }>();

  const findByEmail = async (email: string): Promise<Caller | undefined> => {
    const hit = remembered.get(email);
    if (hit && hit.until > now()) return hit.caller;
    remembered.delete(email);
    const personId = await people.findIdByEmail(email);
    const found = personId ? await people.getWithMemberships(personId) : undefined;
    if (!found || found.person.deactivatedAt) return undefined;
    const caller: Caller = { person: found.person, principal: { personId: found.person.id, memberships: found.memberships } };
    // Oldest first: a Map iterates in insertion order, so the first key is the one to drop.
    if (remembered.size >= MAX_PEOPLE) remembered.delete(remembered.keys().next().value!);
    remembered.set(email, { caller, until: now() + SIGNED_IN_PERSON_TTL_MS });
    return caller;
  };
  /** Drops what is remembered of the person, so that a change an admin just made applies to their next request. */
  const forget = (email: string): void => void remembered.delete(email);
  return Object.assign(findByEmail, { forget });
}
export type SignedInPeople = ReturnType<typeof signedInPeople>;
