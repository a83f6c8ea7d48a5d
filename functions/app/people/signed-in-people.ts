import type { PeopleRepository } from '../../store/people-repository.js';
import type { Caller } from '../caller.js';

/** How long a signed-in person's memberships are reused before they are read again. */
export const SIGNED_IN_PERSON_TTL_MS = 30_000;
const MAX_PEOPLE = 1_000;

/**
 * Finds the person behind a token's e-mail address, remembering the answer for a short while:
 * a dashboard fires several requests at once, and reading the person (two DynamoDB requests)
 * on each would double the cost of the area overview's single Query. A changed membership
 * takes effect within SIGNED_IN_PERSON_TTL_MS; a person not found is not remembered.
 */
export function signedInPeople(people: Pick<PeopleRepository, 'findIdByEmail' | 'getWithMemberships'>, now: () => number = Date.now) {
  const remembered = new Map<string, { caller: Caller; until: number }>();

  return async function findByEmail(email: string): Promise<Caller | undefined> {
    const hit = remembered.get(email);
    if (hit && hit.until > now()) return hit.caller;
    remembered.delete(email);
    const personId = await people.findIdByEmail(email);
    const found = personId ? await people.getWithMemberships(personId) : undefined;
    if (!found) return undefined;
    const caller: Caller = { person: found.person, principal: { personId: found.person.id, memberships: found.memberships } };
    // Oldest first: a Map iterates in insertion order, so the first key is the one to drop.
    if (remembered.size >= MAX_PEOPLE) remembered.delete(remembered.keys().next().value!);
    remembered.set(email, { caller, until: now() + SIGNED_IN_PERSON_TTL_MS });
    return caller;
  };
}
