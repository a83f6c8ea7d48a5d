import * as z from 'zod';
import { unitPermissions } from '../../domain/access-policy.js';
import { UnitSchema, type Unit, type UnitChanges } from '../../domain/unit.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { UnitAccess } from '../access.js';
import type { Caller } from '../caller.js';
import { requireVersion } from '../versions.js';

/** A unit as a person reads it, with what they may do in it: the web shows its controls from `can`, never from roles. */
export const UnitViewSchema = UnitSchema.extend({
  can: z.object({
    editPdsa: z.boolean(),
    manageReviews: z.boolean(),
    writeFigures: z.boolean(),
    manageMeasures: z.boolean(),
    confirmProgress: z.boolean(),
    updateUnit: z.boolean(),
  }),
}).meta({ id: 'UnitView' });
export type UnitView = z.infer<typeof UnitViewSchema>;

export function units(deps: { unitFor: UnitAccess; units: Pick<UnitRepository, 'update'> }) {
  const view = (caller: Caller, unit: Unit): UnitView => ({ ...unit, can: unitPermissions(caller.principal, unit) });
  return {
    async get(caller: Caller, unitId: string): Promise<UnitView> {
      return view(caller, await deps.unitFor(caller, unitId));
    },

    /** A unit's name, kind or municipality (admins). */
    async change(caller: Caller, unitId: string, changes: UnitChanges, expectedVersion: number | undefined): Promise<UnitView> {
      const unit = await deps.unitFor(caller, unitId, 'unit:update');
      const updated = await deps.units.update(unit.id, changes, requireVersion('unit', expectedVersion));
      return view(caller, updated);
    },
  };
}
