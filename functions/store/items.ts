import type * as z from 'zod';
import { KEY_ATTRIBUTES, PARTITION_KEY, SORT_KEY, type ItemKey } from './table-definition.js';

/** A key with any index entries the item carries. */
export type StoredKey = ItemKey & Record<string, string>;

/** A stored item is its keys plus the concept's fields; the keys never leak into the domain. */
export function toItem<T extends object>(key: StoredKey, value: T): Record<string, unknown> {
  return { ...value, ...key };
}

/**
 * Parse on read so that an item of an older shape fails loudly instead of flowing on silently.
 * Every key attribute goes first, the indexes' too (a review on the agenda), whatever the schema.
 */
export function fromItem<S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.infer<S> {
  const rest = Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.includes(name)));
  const parsed = schema.safeParse(rest);
  if (!parsed.success) {
    throw new Error(`Stored item ${String(item[PARTITION_KEY])} / ${String(item[SORT_KEY])} does not match its schema: ${parsed.error.message}`);
  }
  return parsed.data;
}
