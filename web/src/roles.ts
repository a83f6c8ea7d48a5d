import type { Membership, Role } from './api/queries.js';

const ORDER: Role[] = ['admin', 'leader', 'coach', 'supervisor'];

function ordered(roles: Iterable<Role>): Role[] {
  const held = new Set(roles);
  return ORDER.filter((role) => held.has(role));
}

/** The person's roles in one unit (coach, supervisor), each once. */
export function rolesInUnit(memberships: readonly Membership[], unitId: string): Role[] {
  return ordered(memberships.flatMap((m) => ((m.role === 'coach' || m.role === 'supervisor') && m.unitId === unitId ? [m.role] : [])));
}

/** The person's roles over a whole area (leadership; admin counts everywhere). */
export function rolesOverArea(memberships: readonly Membership[], areaId: string): Role[] {
  return ordered(memberships.flatMap((m) => (m.role === 'admin' || (m.role === 'leader' && m.areaId === areaId) ? [m.role] : [])));
}

const isAdmin = (memberships: readonly Membership[]) => memberships.some((m) => m.role === 'admin');

/** Supervisors and coaches of the unit (and admins) edit its aims, change ideas and cycles, as the API's policy says. */
export function canEditPdsa(memberships: readonly Membership[], unitId: string): boolean {
  return isAdmin(memberships) || rolesInUnit(memberships, unitId).length > 0;
}

/** Coaches of the unit (and admins) schedule its reviews and record their outcomes. */
export function canManageReviews(memberships: readonly Membership[], unitId: string): boolean {
  return isAdmin(memberships) || rolesInUnit(memberships, unitId).includes('coach');
}

/** The units the person coaches: their agenda covers these. */
export function coachedUnitIds(memberships: readonly Membership[]): string[] {
  return [...new Set(memberships.flatMap((m) => (m.role === 'coach' ? [m.unitId] : [])))];
}
