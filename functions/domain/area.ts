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
