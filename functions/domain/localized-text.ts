import * as z from 'zod';

export const LOCALES = ['fi', 'sv', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** A text shown to users, in every UI language (Finnish is the default). */
export const LocalizedTextSchema = z.strictObject({
  fi: z.string().min(1).max(500),
  sv: z.string().min(1).max(500),
  en: z.string().min(1).max(500),
}).meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Longer texts such as operational definitions. */
export const LocalizedLongTextSchema = z.strictObject({
  fi: z.string().min(1).max(4000),
  sv: z.string().min(1).max(4000),
  en: z.string().min(1).max(4000),
});
export type LocalizedLongText = z.infer<typeof LocalizedLongTextSchema>;
