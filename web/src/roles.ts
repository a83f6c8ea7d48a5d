import type { Me, Role } from './api/queries.js';

/**
 * The person's roles and own units as the API lists them (`me.roles`, `me.work`): for role badges
 * and lists of their own work. Whether they may do something comes from the `can` of what the API
 * answers, never from these.
 */

/** The person's roles in one unit (coach, supervisor). */
export function rolesInUnit(me: Me, unitId: string): Role[] {
  const roles: Role[] = [];
  if (me.work.coachedUnitIds.includes(unitId)) roles.push('coach');
  if (me.work.supervisedUnitIds.includes(unitId)) roles.push('supervisor');
  return roles;
}

/** The person's roles over a whole area: admin everywhere, leader of the areas they lead. */
export function rolesOverArea(me: Me, areaId: string): Role[] {
  const roles: Role[] = [];
  if (me.roles.includes('admin')) roles.push('admin');
  if (me.work.ledAreaIds.includes(areaId)) roles.push('leader');
  return roles;
}

/** The units the person works in (coaches or supervises), each once. */
export function ownUnitIds(me: Me): string[] {
  return [...new Set([...me.work.coachedUnitIds, ...me.work.supervisedUnitIds])];
}
