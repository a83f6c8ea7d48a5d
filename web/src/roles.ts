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
