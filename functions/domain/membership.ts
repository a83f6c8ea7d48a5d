import * as z from 'zod';
import { IdSchema } from './ids.js';

export const ROLES = ['admin', 'leader', 'coach', 'supervisor'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * A person's role somewhere: admin of the whole organisation, leader of an area,
 * coach or supervisor of a unit. The scope is part of the role because one person
 * may hold different roles in different places.
 */
export const MembershipSchema = z.discriminatedUnion('role', [
  z.object({ personId: IdSchema, role: z.literal('admin') }),
  z.object({ personId: IdSchema, role: z.literal('leader'), areaId: IdSchema }),
  z.object({ personId: IdSchema, role: z.literal('coach'), areaId: IdSchema, unitId: IdSchema }),
  z.object({ personId: IdSchema, role: z.literal('supervisor'), areaId: IdSchema, unitId: IdSchema }),
]).meta({ id: 'Membership' });
export type Membership = z.infer<typeof MembershipSchema>;

/**
 * A role as an admin gives or removes it: admin (no scope), leader of an area, coach or supervisor
 * of a unit (whose area is the unit's own).
 */
export const RoleGrantSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('admin') }),
  z.strictObject({ role: z.literal('leader'), areaId: IdSchema }),
  z.strictObject({ role: z.literal('coach'), unitId: IdSchema }),
  z.strictObject({ role: z.literal('supervisor'), unitId: IdSchema }),
]).meta({ id: 'RoleGrant' });
export type RoleGrant = z.infer<typeof RoleGrantSchema>;
