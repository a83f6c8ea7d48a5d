import type { z } from 'zod';

type Keys = { PK: string; SK: string } & Record<string, string>;

/** A stored item is its keys plus the concept's fields; the keys never leak into the domain. */
export function toItem<T extends object>(key: Keys, value: T): Record<string, unknown> {
  return { ...value, ...key };
}

/** Parse on read so that an item of an older shape fails loudly instead of flowing on silently. */
export function fromItem<S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.infer<S> {
  const { PK, SK, GSI1PK, GSI1SK, ...rest } = item;
  void PK, SK, GSI1PK, GSI1SK;
  const parsed = schema.safeParse(rest);
  if (!parsed.success) {
    throw new Error(`Stored item ${String(PK)} / ${String(SK)} does not match its schema: ${parsed.error.message}`);
  }
  return parsed.data;
}
