import * as z from 'zod';
import type { AdminAuditEntry } from '../../domain/audit.js';
import type { Area, AreaChanges, NewArea } from '../../domain/area.js';
import { MembershipSchema, type Membership, type RoleGrant } from '../../domain/membership.js';
import { PersonSchema, type NewPerson, type Person } from '../../domain/person.js';
import type { NewUnit, Unit, UnitChanges, UnitMove } from '../../domain/unit.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { AdminAuditFilter, AuditRepository } from '../../store/audit-repository.js';
import type { MemberDirectory } from '../../store/member-directory.js';
import type { Page } from '../../store/pagination.js';
import type { PeopleRepository } from '../../store/people-repository.js';
import type { Trail } from '../../store/table.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import { requireAllowed } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError, NotFoundError, invalidField } from '../errors.js';
import { personIdFromEmail } from '../people/first-admin.js';
import type { IdentityDirectory } from '../people/identity-directory.js';
import type { SignedInPeople } from '../people/signed-in-people.js';
import { checkVersion } from '../versions.js';

/** A person as the admin's people list shows them: their profile and every role they hold. */
export const AdminPersonSchema = z
  .object({ person: PersonSchema, memberships: z.array(MembershipSchema) })
  .meta({ id: 'AdminPerson' });
export type AdminPerson = z.infer<typeof AdminPersonSchema>;

type Deps = {
  areas: Pick<AreaRepository, 'list' | 'get' | 'create' | 'save'>;
  units: Pick<UnitRepository, 'get' | 'getMany' | 'listAllOfArea' | 'create' | 'save'>;
  people: Pick<PeopleRepository, 'listPeople' | 'getWithMemberships' | 'findIdByEmail' | 'create' | 'addMembership' | 'removeMembership' | 'save'>;
  members: Pick<MemberDirectory, 'membersOf'>;
  audit: Pick<AuditRepository, 'listAdmin'>;
  identities: IdentityDirectory;
  signedIn: Pick<SignedInPeople, 'forget'>;
};

/** A role and where it is held, as one string: the unit for a unit role, the area for a leader's. */
const scopeOf = (m: Membership): string => `${m.role}:${'unitId' in m ? m.unitId : 'areaId' in m ? m.areaId : ''}`;

const trailOf = (caller: Caller): Trail => ({ actor: personActor(caller.person), at: new Date().toISOString() });

/**
 * The admin's work on the organisation: areas, units (with their branches), people and their
 * roles, and the audit trail of all of it. Every change is recorded in the admins' audit trail in
 * the transaction that makes it.
 */
export function administration(deps: Deps) {
  const requireOrganisation = (caller: Caller) => requireAllowed(caller.principal, { type: 'organisation:manage' }, 'Only admins manage areas and units.');
  const requirePeople = (caller: Caller) => requireAllowed(caller.principal, { type: 'membership:manage' }, 'Only admins manage people and their roles.');

  async function areaOf(areaId: string): Promise<Area> {
    const area = await deps.areas.get(areaId);
    if (!area) throw new NotFoundError(`No area ${areaId}.`, { code: 'area.notFound', params: { areaId } });
    return area;
  }
  async function unitOf(unitId: string): Promise<Unit> {
    const unit = await deps.units.get(unitId);
    if (!unit) throw new NotFoundError(`No unit ${unitId}.`, { code: 'unit.notFound', params: { unitId } });
    return unit;
  }
  async function personOf(personId: string) {
    const found = await deps.people.getWithMemberships(personId);
    if (!found) throw new NotFoundError(`No person ${personId}.`, { code: 'person.notFound', params: { personId } });
    return found;
  }

  /** A branch's parent: an open unit of the same area that is not itself a branch. */
  async function checkParent(parentId: string | undefined, areaId: string, unitId: string): Promise<void> {
    if (!parentId) return;
    if (parentId === unitId) throw invalidField('body.parentId', 'a unit cannot be its own branch', { code: 'unit.parentInvalid' });
    const parent = await deps.units.get(parentId);
    if (!parent || parent.areaId !== areaId) throw invalidField('body.parentId', `no unit ${parentId} in area ${areaId}`, { code: 'unit.parentInvalid' });
    if (parent.parentId) throw invalidField('body.parentId', `${parentId} is a branch itself; branches have no branches`, { code: 'unit.parentInvalid' });
    if (parent.closedAt) throw invalidField('body.parentId', `${parentId} is closed`, { code: 'unit.parentInvalid' });
  }

  async function hasBranches(unit: Unit): Promise<boolean> {
    return (await deps.units.listAllOfArea(unit.areaId)).some((u) => u.parentId === unit.id && !u.closedAt);
  }

  /** The membership a grant names, with the unit's area for a unit role. */
  async function membershipOf(personId: string, grant: RoleGrant): Promise<Membership> {
    switch (grant.role) {
      case 'admin':
        return { personId, role: 'admin' };
      case 'leader':
        await areaOf(grant.areaId).catch(() => {
          throw invalidField('body.areaId', `no area ${grant.areaId}`, { code: 'admin.unknownArea' });
        });
        return { personId, role: 'leader', areaId: grant.areaId };
      case 'coach':
      case 'supervisor': {
        const unit = await deps.units.get(grant.unitId);
        if (!unit) throw invalidField('body.unitId', `no unit ${grant.unitId}`, { code: 'admin.unknownUnit' });
        return { personId, role: grant.role, areaId: unit.areaId, unitId: unit.id };
      }
    }
  }

  return {
    async createArea(caller: Caller, input: NewArea): Promise<Area> {
      requireOrganisation(caller);
      return deps.areas.create(input, trailOf(caller));
    },

    /** Renames an area or changes its official languages (which decide the briefing's languages). */
    async changeArea(caller: Caller, areaId: string, changes: AreaChanges, expectedVersion: number | undefined): Promise<Area> {
      requireOrganisation(caller);
      const before = await areaOf(areaId);
      checkVersion('area', before, expectedVersion);
      const after: Area = { ...before, ...(changes.name ? { name: changes.name } : {}), ...(changes.languages ? { languages: changes.languages } : {}), version: before.version + 1 };
      return deps.areas.save(before, after, changes.languages ? 'update' : 'rename', trailOf(caller));
    },

    async addUnit(caller: Caller, areaId: string, input: NewUnit): Promise<Unit> {
      requireOrganisation(caller);
      await areaOf(areaId);
      await checkParent(input.parentId, areaId, input.id);
      return deps.units.create({ ...input, areaId }, trailOf(caller));
    },

    async changeUnit(caller: Caller, unitId: string, changes: UnitChanges, expectedVersion: number | undefined): Promise<Unit> {
      requireOrganisation(caller);
      const before = await unitOf(unitId);
      checkVersion('unit', before, expectedVersion);
      const after: Unit = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), version: before.version + 1 };
      return deps.units.save(before, after, 'update', trailOf(caller));
    },

    /** Moves a unit to another area; its coaches' and supervisors' roles follow it. A unit with open branches moves them first. */
    async moveUnit(caller: Caller, unitId: string, move: UnitMove, expectedVersion: number | undefined): Promise<Unit> {
      requireOrganisation(caller);
      const before = await unitOf(unitId);
      checkVersion('unit', before, expectedVersion);
      await areaOf(move.areaId).catch(() => {
        throw invalidField('body.areaId', `no area ${move.areaId}`, { code: 'admin.unknownArea' });
      });
      await checkParent(move.parentId, move.areaId, unitId);
      if (move.areaId !== before.areaId && (await hasBranches(before))) {
        throw new ConflictError(`Unit ${unitId} has branches: move or close them first.`, { code: 'unit.hasBranches', params: { unitId } });
      }
      const { parentId: _old, ...rest } = before;
      const after: Unit = { ...rest, areaId: move.areaId, ...(move.parentId ? { parentId: move.parentId } : {}), version: before.version + 1 };
      const members = await deps.members.membersOf({ unitId });
      return deps.units.save(before, after, 'move', trailOf(caller), members);
    },

    /** Closes a unit: its history stays, it leaves the overview and the rounds, and takes no new figures. */
    async closeUnit(caller: Caller, unitId: string, expectedVersion: number | undefined): Promise<Unit> {
      requireOrganisation(caller);
      const before = await unitOf(unitId);
      checkVersion('unit', before, expectedVersion);
      if (before.closedAt) throw new ConflictError(`Unit ${unitId} is closed already.`, { code: 'unit.closed', params: { unitId } });
      if (await hasBranches(before)) {
        throw new ConflictError(`Unit ${unitId} has open branches: close them first.`, { code: 'unit.hasBranches', params: { unitId } });
      }
      return deps.units.save(before, { ...before, closedAt: new Date().toISOString(), version: before.version + 1 }, 'close', trailOf(caller));
    },

    /** Everyone with their roles, by name; not on any hot path. */
    async people(caller: Caller): Promise<AdminPerson[]> {
      requirePeople(caller);
      const people = await deps.people.listPeople();
      const found = await Promise.all(people.map((p) => deps.people.getWithMemberships(p.id)));
      return found.flatMap((p) => (p ? [p] : [])).sort((a, b) => a.person.name.localeCompare(b.person.name, 'fi'));
    },

    /** Adds a person and invites them to sign in (in AWS, a Cognito user; locally they appear on the sign-in page). */
    async addPerson(caller: Caller, input: NewPerson): Promise<AdminPerson> {
      requirePeople(caller);
      if (await deps.people.findIdByEmail(input.email)) {
        throw new ConflictError(`Someone in Sykli has the e-mail address ${input.email} already.`, { code: 'person.emailTaken' });
      }
      const base = personIdFromEmail(input.email);
      for (let n = 1; n <= 20; n++) {
        const id = n === 1 ? base : `${base}-${n}`;
        if (await deps.people.getWithMemberships(id)) continue;
        const person = await deps.people.create({ id, ...input }, trailOf(caller));
        await deps.identities.invite(person);
        return { person, memberships: [] };
      }
      throw new ConflictError(`Too many people have ids like ${base}.`, { code: 'person.idTaken' });
    },

    async grantRole(caller: Caller, personId: string, grant: RoleGrant): Promise<AdminPerson> {
      requirePeople(caller);
      const { person } = await personOf(personId);
      if (person.deactivatedAt) throw new ConflictError(`${person.name} is deactivated.`, { code: 'person.deactivated' });
      await deps.people.addMembership(await membershipOf(personId, grant), trailOf(caller));
      deps.signedIn.forget(person.email);
      return personOf(personId);
    },

    /** Removes a role; it takes effect on the person's next request (see SIGNED_IN_PERSON_TTL_MS). */
    async revokeRole(caller: Caller, personId: string, grant: RoleGrant): Promise<AdminPerson> {
      requirePeople(caller);
      const { person, memberships } = await personOf(personId);
      const target = await membershipOf(personId, grant);
      const held = memberships.find((m) => scopeOf(m) === scopeOf(target));
      if (!held) throw new NotFoundError(`${person.name} does not hold this role.`, { code: 'role.notFound' });
      if (held.role === 'admin' && personId === caller.person.id) {
        throw new ConflictError('You cannot remove your own admin role: ask another admin.', { code: 'role.ownAdmin' });
      }
      await deps.people.removeMembership(held, trailOf(caller));
      deps.signedIn.forget(person.email);
      return personOf(personId);
    },

    /** Deactivates a person: their history stays, their sign-in stops (Cognito) and the API refuses their tokens. */
    async deactivatePerson(caller: Caller, personId: string, expectedVersion: number | undefined): Promise<AdminPerson> {
      requirePeople(caller);
      const { person: before } = await personOf(personId);
      checkVersion('person', before, expectedVersion);
      if (personId === caller.person.id) throw new ConflictError('You cannot deactivate yourself: ask another admin.', { code: 'person.self' });
      if (before.deactivatedAt) throw new ConflictError(`${before.name} is deactivated already.`, { code: 'person.deactivated' });
      await deps.people.save(before, { ...before, deactivatedAt: new Date().toISOString(), version: before.version + 1 }, 'deactivate', trailOf(caller));
      await deps.identities.disable(before);
      deps.signedIn.forget(before.email);
      return personOf(personId);
    },

    async auditTrail(caller: Caller, filter: AdminAuditFilter, page: { limit?: number; cursor?: string }): Promise<Page<AdminAuditEntry>> {
      requireAllowed(caller.principal, { type: 'audit:readAdmin' }, 'Only admins read the audit trail of the organisation.');
      return deps.audit.listAdmin(filter, page);
    },
  };
}
export type Administration = ReturnType<typeof administration>;
