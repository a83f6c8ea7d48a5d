import * as z from 'zod';
import { areasWithRole, can, rolesOf, unitsWithRole } from '../../domain/access-policy.js';
import { IdSchema } from '../../domain/ids.js';
import { MembershipSchema, RoleSchema } from '../../domain/membership.js';
import { PersonSchema } from '../../domain/person.js';
import type { Caller } from '../caller.js';

/** The signed-in person: who they are, their roles, the places they work in, and what they may do beyond one unit. */
export const MeSchema = z
  .object({
    person: PersonSchema,
    memberships: z.array(MembershipSchema),
    roles: z.array(RoleSchema),
    /** Their own work, for their homes and agenda: the policy's list answers. */
    work: z.object({
      coachedUnitIds: z.array(IdSchema),
      supervisedUnitIds: z.array(IdSchema),
      ledAreaIds: z.array(IdSchema),
      coachedAreaIds: z.array(IdSchema),
      supervisedAreaIds: z.array(IdSchema),
    }),
    can: z.object({ runRound: z.boolean(), runDigest: z.boolean(), administer: z.boolean() }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export function describeMe(caller: Caller): Me {
  const { principal } = caller;
  return {
    person: caller.person,
    memberships: [...principal.memberships],
    roles: rolesOf(principal),
    work: {
      coachedUnitIds: unitsWithRole(principal, 'coach'),
      supervisedUnitIds: unitsWithRole(principal, 'supervisor'),
      ledAreaIds: areasWithRole(principal, 'leader'),
      coachedAreaIds: areasWithRole(principal, 'coach'),
      supervisedAreaIds: areasWithRole(principal, 'supervisor'),
    },
    can: {
      runRound: can(principal, { type: 'round:run' }),
      runDigest: can(principal, { type: 'digest:run' }),
      administer: can(principal, { type: 'organisation:manage' }),
    },
  };
}
