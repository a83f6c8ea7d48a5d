import * as z from 'zod';
import { unitPermissions } from '../../domain/access-policy.js';
import { UnitSchema, type Unit } from '../../domain/unit.js';
import type { UnitAccess } from '../access.js';
import type { Caller } from '../caller.js';

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

export function units(deps: { unitFor: UnitAccess }) {
  const view = (caller: Caller, unit: Unit): UnitView => ({ ...unit, can: unitPermissions(caller.principal, unit) });
  return {
    async get(caller: Caller, unitId: string): Promise<UnitView> {
      return view(caller, await deps.unitFor(caller, unitId));
    },

    /** The unit as the person reads it, after an admin changed it. */
    view,
  };
}
