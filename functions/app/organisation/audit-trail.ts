import type { AuditRepository } from '../../store/audit-repository.js';
import type { UnitAccess } from '../access.js';
import type { Caller } from '../caller.js';

/** A unit's audit trail, newest first; `entityId` gives one cycle's (or aim's, review's) timeline. */
export function auditTrail(deps: { unitFor: UnitAccess; audit: Pick<AuditRepository, 'listByUnit'> }) {
  return async (caller: Caller, unitId: string, query: { entityId?: string; limit?: number; cursor?: string }) => {
    const unit = await deps.unitFor(caller, unitId);
    return deps.audit.listByUnit(unit.id, query);
  };
}
