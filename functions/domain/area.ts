import * as z from 'zod';
import { IdSchema, VersionSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';

/** The official languages an area serves its residents in; a bilingual area's briefing is given in both. */
export const AREA_LANGUAGES = ['fi', 'sv'] as const;
export const AreaLanguageSchema = z.enum(AREA_LANGUAGES);
export type AreaLanguage = z.infer<typeof AreaLanguageSchema>;

export const AreaLanguagesSchema = z
  .array(AreaLanguageSchema)
  .min(1)
  .max(AREA_LANGUAGES.length)
  .refine((languages) => new Set(languages).size === languages.length, 'each language once')
  .meta({ description: 'The area\'s official languages, at least one; Finnish and Swedish for a bilingual area.', example: ['fi', 'sv'] });

/** A wellbeing services county (hyvinvointialue). */
export const AreaSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  /** Areas stored before languages were recorded are Finnish-speaking. */
  languages: AreaLanguagesSchema.default(['fi']),
  version: VersionSchema,
}).meta({ id: 'Area' });
export type Area = z.infer<typeof AreaSchema>;

/** What an admin sends to add an area; the id reads well in URLs. */
export const NewAreaSchema = AreaSchema.omit({ version: true }).strict();
export type NewArea = z.infer<typeof NewAreaSchema>;
export type NewAreaInput = z.input<typeof NewAreaSchema>;

/** A rename, a change of languages, or both; without a default, so that a rename leaves the languages as they are. */
export const AreaChangesSchema = z
  .object({ name: LocalizedTextSchema.optional(), languages: AreaLanguagesSchema.optional() })
  .strict()
  .refine((changes) => changes.name !== undefined || changes.languages !== undefined, { message: 'a new name or languages', path: ['name'] });
export type AreaChanges = z.infer<typeof AreaChangesSchema>;

/** The area's languages in the order a briefing gives them: Finnish first. */
export const briefingLanguagesOf = (area: Pick<Area, 'languages'>): AreaLanguage[] => AREA_LANGUAGES.filter((l) => area.languages.includes(l));
