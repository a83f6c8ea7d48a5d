import * as z from 'zod';
import { diffFields } from '../domain/audit.js';
import { MembershipSchema, type Membership } from '../domain/membership.js';
import { PersonSchema, type Person, type Undeliverable } from '../domain/person.js';
import type { Db } from './document-client.js';
import { fromItem } from './items.js';
import { keys } from './keys.js';
import { SORT_KEY } from './table-definition.js';
import { createTable, type AdminAuditRecord, type Trail } from './table.js';

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

    /**
     * Creates the profile and claims the e-mail address in one transaction, so addresses stay
     * unique; with `trail` (an admin's change) it is recorded in the admins' audit trail too.
     */
    async create(person: Omit<Person, 'version'>, trail?: Trail): Promise<Person> {
      const stored = PersonSchema.parse({ ...person, version: 1 });
      const adminAudit = trail ? { entity: { type: 'person' as const, id: person.id }, action: 'create', changes: diffFields({}, stored), personId: person.id } : undefined;
      await table.transact(
        [
          { key: { ...keys.person(person.id), ...keys.personInDirectory(person.id) }, value: stored, expectedVersion: undefined, adminAudit },
          { key: keys.personEmail(person.email), value: { personId: person.id, version: 1 }, expectedVersion: undefined },
        ],
        trail ?? null,
        { message: `Person ${person.id} or e-mail ${person.email} exists already.` },
      );
      return stored;
    },

    /** Gives the role; with `trail` (an admin's change) it is recorded in the admins' audit trail too. */
    async addMembership(membership: Membership, trail?: Trail): Promise<Membership> {
      const stored = MembershipSchema.parse(membership);
      const message = 'The person has this role here already.';
      if (!trail) {
        await table.put(keys.membership(stored), { ...stored, version: 1 }, { ifAbsent: true }, message);
        return stored;
      }
      await table.transact([{ key: keys.membership(stored), value: { ...stored, version: 1 }, expectedVersion: undefined, adminAudit: roleAudit(stored, 'grant') }], trail, {
        message,
      });
      return stored;
    },

    /** Removes the role, which must be there; recorded in the admins' audit trail. */
    async removeMembership(membership: Membership, trail: Trail): Promise<void> {
      await table.transact([{ remove: keys.membership(membership), ifPresent: true, adminAudit: roleAudit(membership, 'revoke') }], trail, {
        reason: 'stale',
        message: 'The person does not have this role here (any more).',
      });
    },

    /** Writes `after` over `before` (still at its version), audited as `action`. */
    async save(before: Person, after: Person, action: string, trail: Trail): Promise<Person> {
      const adminAudit = { entity: { type: 'person' as const, id: after.id }, action, changes: diffFields(before, after), personId: after.id };
      await table.transact([{ key: { ...keys.person(after.id), ...keys.personInDirectory(after.id) }, value: after, expectedVersion: before.version, adminAudit }], trail);
      return after;
    },

    /** Records that mail to the person's address does not arrive; the latest report wins. */
    markUndeliverable: (personId: string, undeliverable: Undeliverable): Promise<Person> =>
      table.update(PersonSchema, keys.person(personId), { undeliverable }, { ifPresent: true }),

    /** Everyone, for the admin's people list and the local sign-in page; not on any hot path. */
    listPeople: (): Promise<Person[]> => table.queryAll(PersonSchema, keys.people()),
  };
}
export type PeopleRepository = ReturnType<typeof createPeopleRepository>;

/** A role given or removed, as the admins' audit trail records it: from nothing to the role, or back. */
function roleAudit(m: Membership, action: 'grant' | 'revoke'): AdminAuditRecord {
  const scope = m.role === 'admin' ? {} : m.role === 'leader' ? { areaId: m.areaId } : { areaId: m.areaId, unitId: m.unitId };
  const role = { role: m.role, ...scope };
  return {
    entity: { type: 'role', id: `${m.personId}:${m.role}:${'unitId' in scope ? scope.unitId : (scope.areaId ?? 'org')}` },
    action,
    changes: [{ field: 'role', from: action === 'grant' ? null : role, to: action === 'grant' ? role : null }],
    personId: m.personId,
    ...scope,
  };
}
