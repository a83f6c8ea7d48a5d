import * as z from 'zod';
import { MembershipSchema, type Membership } from '../domain/membership.js';
import { PersonSchema, type Person, type Undeliverable } from '../domain/person.js';
import type { Db } from './document-client.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import { SORT_KEY } from './table-definition.js';
import { createTable } from './table.js';

export type PersonWithMemberships = { person: Person; memberships: Membership[] };

/** The item that reserves an e-mail address for one person. */
const EmailClaimSchema = z.object({ personId: z.string() });

export function createPeopleRepository(db: Db) {
  const table = createTable(db);
  return {
    /** A person's profile and all their memberships live in one partition: one Query. */
    async getWithMemberships(personId: string): Promise<PersonWithMemberships | undefined> {
      const items = await table.queryItems(keys.personItems(personId));
      const profile = items.find((item) => item[SORT_KEY] === keys.person(personId)[SORT_KEY]);
      if (!profile) return undefined;
      return {
        person: fromItem(PersonSchema, profile),
        memberships: items
          .filter((item) => String(item[SORT_KEY]).startsWith(keys.membershipPrefix()))
          .map((item) => fromItem(MembershipSchema, item)),
      };
    },

    findIdByEmail: async (email: string): Promise<string | undefined> => (await table.get(EmailClaimSchema, keys.personEmail(email)))?.personId,

    /** Creates the profile and claims the e-mail address in one transaction, so addresses stay unique. */
    async create(person: Omit<Person, 'version'>): Promise<Person> {
      const stored = PersonSchema.parse({ ...person, version: 1 });
      await table.transact(
        [
          { key: { ...keys.person(person.id), ...keys.personInDirectory(person.id) }, value: stored, expectedVersion: undefined },
          { key: keys.personEmail(person.email), value: { personId: person.id, version: 1 }, expectedVersion: undefined },
        ],
        null,
        { message: `Person ${person.id} or e-mail ${person.email} exists already.` },
      );
      return stored;
    },

    async addMembership(membership: Membership): Promise<Membership> {
      const stored = MembershipSchema.parse(membership);
      await table.put(keys.membership(stored), { ...stored, version: 1 }, { ifAbsent: true }, 'The person has this role here already.');
      return stored;
    },

    /** Records that mail to the person's address does not arrive; the latest report wins. */
    markUndeliverable: (personId: string, undeliverable: Undeliverable): Promise<Person> =>
      table.update(PersonSchema, keys.person(personId), { undeliverable }, { ifPresent: true }),

    /** Everyone, for the admin's people list and the local sign-in page; not on any hot path. */
    listPeople: (): Promise<Person[]> => table.queryAll(PersonSchema, keys.people()),
  };
}
export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
