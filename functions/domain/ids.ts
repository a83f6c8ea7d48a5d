import * as z from 'zod';

/** Ids are short, URL-safe slugs so that they can be used in keys and paths as they are. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens only');
export type Id = z.infer<typeof IdSchema>;

/** Optimistic-concurrency counter carried by every stored item. */
export const VersionSchema = z.number().int().min(1);
