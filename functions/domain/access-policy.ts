import type { Membership, Role } from './membership.js';

/**
 * The one place that decides who may do what. Every use case asks `can` (or one of the list
 * questions below); nothing else looks at roles, and the views the web reads carry the answers
 * (`unitPermissions`). Decisions follow the person's memberships: admin everywhere; a leader
 * reads everything in their area; coaches and supervisors work in their own units.
 */
export type Principal = { personId: string; memberships: readonly Membership[] };

/** A closed unit (`closedAt`) keeps its history to read but takes no new figures or measures. */
export type UnitRef = { id: string; areaId: string; closedAt?: string };

export type Action =
  | { type: 'area:read'; areaId: string }
  | { type: 'unit:read'; unit: UnitRef }
  | { type: 'unit:update'; unit: UnitRef }
  /** People, their roles and deactivation. */
  | { type: 'membership:manage' }
  /** Creating and renaming areas; moving and closing units. */
  | { type: 'organisation:manage' }
  /** The admins' audit trail of changes to areas, units, people and roles. */
  | { type: 'audit:readAdmin' }
  | { type: 'catalogue:read' }
  /** Adding catalogue measures and publishing new definition versions. */
  | { type: 'catalogue:manage' }
  /** Marking an area's status-meeting briefing as presented: the area's leadership. */
  | { type: 'briefing:present'; areaId: string }
  /** The good practices (adopted changes) of every unit of an area, to start one's own cycle from. */
  | { type: 'practice:read'; areaId: string }
  /** Aims, change ideas, cycles and the unit's audit trail. */
  | { type: 'pdsa:read'; unit: UnitRef }
  | { type: 'pdsa:edit'; unit: UnitRef }
  /** An aim's driver diagram: its drivers and which change idea sits under which. */
  | { type: 'driverDiagram:edit'; unit: UnitRef }
  /** Scheduling reviews and recording their outcomes is the coach's job. */
  | { type: 'review:manage'; unit: UnitRef }
  /** The local outbox of notifications: everyone signed in reads the messages addressed to them. */
  | { type: 'outbox:read' }
  /** Every message in the local outbox, whoever it was sent to. */
  | { type: 'outbox:readAll' }
  /** A unit's measures, figures, charts and snapshots. */
  | { type: 'measurement:read'; unit: UnitRef }
  /** Logging figures (form, CSV) and chart phases: the unit's supervisors and coaches. */
  | { type: 'measurement:write'; unit: UnitRef }
  /** Which measures a unit tracks, their targets and definition versions. */
  | { type: 'measure:manage'; unit: UnitRef }
  /** Confirming or overriding a unit's progress score: the coach's judgement. */
  | { type: 'progress:confirm'; unit: UnitRef }
  /** Starting a measurement round by hand. */
  | { type: 'round:run' }
  /** Sending the week's digest by hand. */
  | { type: 'digest:run' };

/** What a closed unit no longer takes, from anyone. */
const CLOSED_UNIT_REFUSES: ReadonlySet<Action['type']> = new Set(['measurement:write', 'measure:manage']);

export function can(principal: Principal, action: Action): boolean {
  if ('unit' in action && action.unit.closedAt && CLOSED_UNIT_REFUSES.has(action.type)) return false;
  if (isAdmin(principal)) return true;
  switch (action.type) {
    case 'area:read':
      return principal.memberships.some((m) => m.role !== 'admin' && m.areaId === action.areaId);
    case 'briefing:present':
      return principal.memberships.some((m) => m.role === 'leader' && m.areaId === action.areaId);
    case 'practice:read':
      // Learning from the neighbours is the point: coaches and supervisors see past their own units here.
      return principal.memberships.some((m) => m.role !== 'admin' && m.areaId === action.areaId);
    case 'unit:read':
      return seesWholeArea(principal, action.unit.areaId) || worksInUnit(principal, action.unit.id);
    case 'unit:update':
    case 'membership:manage':
    case 'organisation:manage':
    case 'audit:readAdmin':
    case 'catalogue:manage':
    case 'outbox:readAll':
      return false;
    case 'catalogue:read':
    case 'outbox:read':
      return principal.memberships.length > 0;
    case 'pdsa:read':
      return seesWholeArea(principal, action.unit.areaId) || worksInUnit(principal, action.unit.id);
    case 'pdsa:edit':
    case 'driverDiagram:edit':
      return worksInUnit(principal, action.unit.id);
    case 'review:manage':
    case 'progress:confirm':
      return coachesUnit(principal, action.unit.id);
    case 'measurement:read':
      return seesWholeArea(principal, action.unit.areaId) || worksInUnit(principal, action.unit.id);
    case 'measurement:write':
    case 'measure:manage':
      return worksInUnit(principal, action.unit.id);
    case 'round:run':
    case 'digest:run':
      return false;
  }
}

export function isAdmin(principal: Principal): boolean {
  return principal.memberships.some((m) => m.role === 'admin');
}

/** Admins and the area's leaders see every unit of it; others only the units they work in. */
export function seesWholeArea(principal: Principal, areaId: string): boolean {
  return isAdmin(principal) || principal.memberships.some((m) => m.role === 'leader' && m.areaId === areaId);
}

function worksInUnit(principal: Principal, unitId: string): boolean {
  return principal.memberships.some((m) => (m.role === 'coach' || m.role === 'supervisor') && m.unitId === unitId);
}

export function coachesUnit(principal: Principal, unitId: string): boolean {
  return principal.memberships.some((m) => m.role === 'coach' && m.unitId === unitId);
}

/** What a person may do in one unit: the `can` the unit's views carry, so the web never re-derives it. */
export function unitPermissions(principal: Principal, unit: UnitRef) {
  return {
    editPdsa: can(principal, { type: 'pdsa:edit', unit }),
    manageReviews: can(principal, { type: 'review:manage', unit }),
    writeFigures: can(principal, { type: 'measurement:write', unit }),
    manageMeasures: can(principal, { type: 'measure:manage', unit }),
    confirmProgress: can(principal, { type: 'progress:confirm', unit }),
    updateUnit: can(principal, { type: 'unit:update', unit }),
  };
}
export type UnitPermissions = ReturnType<typeof unitPermissions>;

/** Whether the unit no longer takes `action` because it is closed (a conflict, not a missing right). */
export function refusedAsClosed(action: Action): boolean {
  return 'unit' in action && !!action.unit.closedAt && CLOSED_UNIT_REFUSES.has(action.type);
}

/** The units of an area a person sees: every one for its leaders and admins, else those they work in. */
export function visibleUnitsOfArea(principal: Principal, areaId: string): 'all' | string[] {
  if (seesWholeArea(principal, areaId)) return 'all';
  return unique(principal.memberships.flatMap((m) => ((m.role === 'coach' || m.role === 'supervisor') && m.areaId === areaId ? [m.unitId] : [])));
}

/** The units a person holds a role in (coach or supervisor): their own work, for their homes and agenda. */
export function unitsWithRole(principal: Principal, role: 'coach' | 'supervisor'): string[] {
  return unique(principal.memberships.flatMap((m) => (m.role === role ? [m.unitId] : [])));
}

/** The areas in which a person holds a role: the areas they lead, or those of the units they coach or supervise. */
export function areasWithRole(principal: Principal, role: 'leader' | 'coach' | 'supervisor'): string[] {
  return unique(principal.memberships.flatMap((m) => (m.role === role ? [m.areaId] : [])));
}

const unique = (ids: string[]) => [...new Set(ids)];

/** The areas a person reaches through memberships; `'all'` for an admin. */
export function reachableAreaIds(principal: Principal): 'all' | Set<string> {
  if (isAdmin(principal)) return 'all';
  return new Set(principal.memberships.flatMap((m) => (m.role === 'admin' ? [] : [m.areaId])));
}

/** The person's roles, each once, in a stable order: what the UI offers as homes to switch between. */
export function rolesOf(principal: Principal): Role[] {
  const order: Role[] = ['admin', 'leader', 'coach', 'supervisor'];
  const held = new Set(principal.memberships.map((m) => m.role));
  return order.filter((role) => held.has(role));
}
