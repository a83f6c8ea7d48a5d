import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';
import { LocaleSchema } from './localized-text.js';

/** Staff names and work e-mails are the only personal data Sykli holds. */
export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  email: z.email().max(254),
  locale: LocaleSchema,
  version: VersionSchema,
}).meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;
