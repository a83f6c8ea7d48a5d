import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';

/** A change the unit could test in a cycle, ideally towards one of its aims. */
export const ChangeIdeaSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    aimId: IdSchema.nullable(),
    /** The driver of the aim's driver diagram it is placed under (domain/driver-diagram.ts), if any. */
    driverId: IdSchema.nullable().optional(),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(4000),
    createdAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'ChangeIdea' });
export type ChangeIdea = z.infer<typeof ChangeIdeaSchema>;

export const NewChangeIdeaSchema = z
  .strictObject({
    aimId: IdSchema.nullable().default(null),
    /** A driver of the idea's aim. */
    driverId: IdSchema.nullable().default(null),
    title: ChangeIdeaSchema.shape.title,
    description: ChangeIdeaSchema.shape.description.default(''),
  })
  .meta({ id: 'NewChangeIdea' });
export type NewChangeIdea = z.infer<typeof NewChangeIdeaSchema>;

export const ChangeIdeaChangesSchema = z
  .strictObject({
    aimId: IdSchema.nullable(),
    driverId: IdSchema.nullable(),
    title: ChangeIdeaSchema.shape.title,
    description: ChangeIdeaSchema.shape.description,
  })
  .partial()
  .meta({ id: 'ChangeIdeaChanges' });
export type ChangeIdeaChanges = z.infer<typeof ChangeIdeaChangesSchema>;
