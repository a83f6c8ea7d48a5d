import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';

/** A wellbeing services county (hyvinvointialue). */
export const AreaSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  version: VersionSchema,
}).meta({ id: 'Area' });
export type Area = z.infer<typeof AreaSchema>;

/** What an admin sends to add an area; the id reads well in URLs. */
export const NewAreaSchema = AreaSchema.omit({ version: true }).strict();
export type NewArea = z.infer<typeof NewAreaSchema>;

export const AreaChangesSchema = AreaSchema.pick({ name: true }).strict();
export type AreaChanges = z.infer<typeof AreaChangesSchema>;
