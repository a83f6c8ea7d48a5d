import * as z from 'zod';
import { unitPermissions } from '../../domain/access-policy.js';
import { IdSchema } from '../../domain/ids.js';
import { PersonSchema, UndeliverableSchema } from '../../domain/person.js';
import type { MemberDirectory } from '../../store/member-directory.js';
import type { UnitAccess } from '../access.js';
import type { Caller } from '../caller.js';

/**
 * A person who works in a unit, as others in it see them. Whether mail to them arrives is shown
 * to those who invite them to reviews and fix their details: the unit's coaches and admins.
 */
export const UnitPersonSchema = z
  .object({
    id: IdSchema,
    name: PersonSchema.shape.name,
    roles: z.array(z.enum(['coach', 'supervisor'])).min(1),
    /** Present when mail to the person does not arrive, and the reader manages the unit's reviews. */
    undeliverable: UndeliverableSchema.optional(),
  })
  .meta({ id: 'UnitPerson' });
export const UnitPeopleSchema = z.object({ items: z.array(UnitPersonSchema) }).meta({ id: 'UnitPeople' });
export type UnitPeople = z.infer<typeof UnitPeopleSchema>;

export function unitPeople(deps: { unitFor: UnitAccess; members: Pick<MemberDirectory, 'membersOf' | 'people'> }) {
  return async (caller: Caller, unitId: string): Promise<UnitPeople> => {
    const unit = await deps.unitFor(caller, unitId);
    const members = (await deps.members.membersOf({ unitId: unit.id })).filter((m) => m.role === 'coach' || m.role === 'supervisor');
    const people = await deps.members.people([...new Set(members.map((m) => m.personId))]);
    const seesMail = unitPermissions(caller.principal, unit).manageReviews;
    return {
      items: people
        .sort((a, b) => a.name.localeCompare(b.name, 'fi'))
        .map((person) => ({
          id: person.id,
          name: person.name,
          roles: members.filter((m) => m.personId === person.id).map((m) => m.role as 'coach' | 'supervisor'),
          ...(seesMail && person.undeliverable ? { undeliverable: person.undeliverable } : {}),
        })),
    };
  };
}
