import { MembershipSchema, type Membership } from '../domain/membership.js';
import { PersonSchema, type Person } from '../domain/person.js';
import type { Db } from './document-client.js';
import { keys } from './keys.js';
import { createTable } from './table.js';

/**
 * Who works in a unit or leads an area, and their profiles: the participants a review may
 * invite, and the people a reminder or an escalation goes to.
 */
export function createMemberDirectory(db: Db) {
  const table = createTable(db);

  const membersOf = (scope: { unitId: string } | { areaId: string }): Promise<Membership[]> =>
    table.queryAll(MembershipSchema, keys.membersOf(scope));

  /** Profiles by id; unknown ids are left out. */
  const people = (personIds: readonly string[]): Promise<Person[]> => table.batchGet(PersonSchema, personIds.map((id) => keys.person(id)));

  return {
    membersOf,
    people,
    /** Coaches and supervisors of the unit, each once. */
    async unitPeople(unitId: string): Promise<{ coaches: Person[]; supervisors: Person[] }> {
      const members = await membersOf({ unitId });
      const ids = (role: Membership['role']) => members.filter((m) => m.role === role).map((m) => m.personId);
      const everyone = await people(members.map((m) => m.personId));
      const pick = (role: Membership['role']) => everyone.filter((p) => ids(role).includes(p.id));
      return { coaches: pick('coach'), supervisors: pick('supervisor') };
    },
    async areaLeaders(areaId: string): Promise<Person[]> {
      const members = await membersOf({ areaId });
      return people(members.filter((m) => m.role === 'leader').map((m) => m.personId));
    },
  };
}
export type MemberDirectory = ReturnType<typeof createMemberDirectory>;
