import { rolesOf } from '../../domain/access-policy.js';
import type { LocalizedText } from '../../domain/localized-text.js';
import type { Role } from '../../domain/membership.js';
import type { Person } from '../../domain/person.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { PeopleRepository } from '../../store/people-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';

export type SignInChoice = { person: Person; roles: Role[]; places: { role: Role; name: LocalizedText | null }[] };

/** The local sign-in page's people: everyone with their roles and where they hold them. The local runtime only. */
export function localSignIn(deps: {
  people: Pick<PeopleRepository, 'listPeople' | 'getWithMemberships'>;
  units: Pick<UnitRepository, 'getMany'>;
  areas: Pick<AreaRepository, 'list'>;
}) {
  return {
    async choices(): Promise<SignInChoice[]> {
      const people = (await deps.people.listPeople()).filter((p) => !p.deactivatedAt);
      const withRoles = (await Promise.all(people.map((p) => deps.people.getWithMemberships(p.id)))).flatMap((p) => (p ? [p] : []));
      const unitIds = withRoles.flatMap((p) => p.memberships.flatMap((m) => ('unitId' in m ? [m.unitId] : [])));
      const units = new Map((await deps.units.getMany(unitIds)).map((u) => [u.id, u]));
      const areas = new Map((await deps.areas.list()).map((a) => [a.id, a]));
      return withRoles
        .map(({ person, memberships }) => ({
          person,
          roles: rolesOf({ personId: person.id, memberships }),
          places: memberships.map((m) => ({
            role: m.role,
            name: m.role === 'admin' ? null : m.role === 'leader' ? (areas.get(m.areaId)?.name ?? null) : (units.get(m.unitId)?.name ?? null),
          })),
        }))
        .sort((a, b) => a.person.name.localeCompare(b.person.name, 'fi'));
    },

    /** The person to sign in as, if they exist and are not deactivated. */
    async person(personId: string): Promise<Person | undefined> {
      const person = (await deps.people.getWithMemberships(personId))?.person;
      return person?.deactivatedAt ? undefined : person;
    },
  };
}
export type LocalSignIn = ReturnType<typeof localSignIn>;
