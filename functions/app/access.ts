import { can, refusedAsClosed, type Action, type Principal } from '../domain/access-policy.js';
import type { Unit } from '../domain/unit.js';
import type { UnitRepository } from '../store/unit-repository.js';
import type { Caller } from './caller.js';
import { ConflictError, ForbiddenError, NotFoundError } from './errors.js';

/** Actions on one unit that a use case may need beyond seeing it. */
export type UnitNeed = Extract<Action, { unit: unknown }>['type'];

const REFUSALS: Partial<Record<UnitNeed, string>> = {
  'pdsa:edit': "Only the unit's supervisors and coaches edit its aims, change ideas and cycles.",
  'driverDiagram:edit': "Only the unit's supervisors and coaches edit its driver diagrams.",
  'review:manage': "Only the unit's coaches schedule reviews and record their outcomes.",
  'measurement:write': "Only the unit's supervisors and coaches log its figures and chart phases.",
  'measure:manage': "Only the unit's supervisors and coaches (and admins) choose its measures, targets and definitions.",
  'progress:confirm': "Only the unit's coaches (and admins) confirm its progress score.",
  'unit:update': 'Only admins can change units.',
};

/**
 * The unit a use case works in: NotFound when the person may not see it (exactly like a unit that
 * does not exist), Forbidden when they see it but may not do `need`.
 */
export function unitAccess(units: Pick<UnitRepository, 'get'>) {
  return async (caller: Caller, unitId: string, need?: UnitNeed): Promise<Unit> => allowedUnit(caller, await units.get(unitId), unitId, need);
}

/** The same check of a unit already read (e.g. together with what the use case needs of it). */
export function allowedUnit(caller: Caller, unit: Unit | undefined, unitId: string, need?: UnitNeed): Unit {
  if (!unit || !can(caller.principal, { type: 'unit:read', unit })) throw new NotFoundError(`No unit ${unitId} that you can see.`, { code: 'unit.notFound', params: { unitId } });
  if (need && refusedAsClosed({ type: need, unit } as Action)) {
    throw new ConflictError(`Unit ${unit.id} is closed: it keeps its history but takes no new figures or measures.`, { code: 'unit.closed', params: { unitId: unit.id } });
  }
  if (need) requireAllowed(caller.principal, { type: need, unit } as Action);
  return unit;
}
export type UnitAccess = ReturnType<typeof unitAccess>;

/** Forbidden unless the policy allows it, with the sentence saying who may. */
export function requireAllowed(principal: Principal, action: Action, refusal?: string): void {
  if (can(principal, action)) return;
  throw new ForbiddenError(refusal ?? REFUSALS[action.type as UnitNeed] ?? 'You may not do this.', { code: `forbidden.${action.type}` });
}
