import { z } from '@hono/zod-openapi';
import { can, type Principal } from '../../domain/access-policy.js';
import { IdSchema } from '../../domain/ids.js';
import type { Unit } from '../../domain/unit.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError } from '../problem.js';

// .meta, not .openapi: a schema made before @hono/zod-openapi was loaded lacks .openapi.
export const UnitIdParam = IdSchema.meta({ param: { name: 'unitId', in: 'path' }, example: 'palokka' });
export const idParam = (name: string) => IdSchema.meta({ param: { name, in: 'path' } });
export const IfMatchHeader = z.object({ 'if-match': z.string().max(100).optional() });

const REFUSALS = {
  'pdsa:edit': "Only the unit's supervisors and coaches edit its aims, change ideas and cycles.",
  'review:manage': "Only the unit's coaches schedule reviews and record their outcomes.",
} as const;

/**
 * The unit a PDSA route works in: 404 when the person may not see it (exactly like a unit that does
 * not exist), 403 when they see it but may not do what the route does.
 */
export function pdsaUnit(deps: Pick<ApiDeps, 'units'>) {
  return async (principal: Principal, unitId: string, need?: keyof typeof REFUSALS): Promise<Unit> => {
    const unit = await deps.units.get(unitId);
    if (!unit || !can(principal, { type: 'pdsa:read', unit })) throw new ProblemError(404, `No unit ${unitId} that you can see.`);
    if (need && !can(principal, { type: need, unit })) throw new ProblemError(403, REFUSALS[need]);
    return unit;
  };
}

export function fieldProblem(field: string, message: string): ProblemError {
  return new ProblemError(400, `The request is not valid: ${field}.`, { type: 'urn:sykli:problem:validation', errors: [{ field, message }] });
}
