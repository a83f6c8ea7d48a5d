import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';

export const UNIT_KINDS = ['healthStation', 'soteCentre', 'oralHealth', 'reception', 'other'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);

/** A team that runs improvement cycles: a health station's reception, a sote centre, … */
export const UnitSchema = z.object({
  id: IdSchema,
  areaId: IdSchema,
  name: LocalizedTextSchema,
  kind: UnitKindSchema,
  municipality: z.string().min(1).max(100),
  /** The unit this one is a branch of (e.g. a sote centre's branch), in the same area; one level only. */
  parentId: IdSchema.optional(),
  /**
   * When an admin closed the unit: it keeps its history, leaves the overview and the measurement
   * rounds, and takes no new figures.
   */
  closedAt: z.iso.datetime().optional(),
  version: VersionSchema,
}).meta({ id: 'Unit' });
export type Unit = z.infer<typeof UnitSchema>;

/** What an admin sends to create a unit; the id is chosen by the admin so that it reads well in URLs. */
export const NewUnitSchema = UnitSchema.omit({ version: true, areaId: true, closedAt: true }).strict();
export type NewUnit = z.infer<typeof NewUnitSchema>;

export const UnitChangesSchema = UnitSchema.pick({ name: true, kind: true, municipality: true }).partial().strict();
export type UnitChanges = z.infer<typeof UnitChangesSchema>;

/** Moving a unit to another area (admin): its memberships follow it; a branch may name its new parent there. */
export const UnitMoveSchema = z.object({ areaId: IdSchema, parentId: IdSchema.optional() }).strict();
export type UnitMove = z.infer<typeof UnitMoveSchema>;
