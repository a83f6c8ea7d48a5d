/** Lists hand out an opaque cursor: DynamoDB's LastEvaluatedKey, base64url-encoded. */
export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/**
 * Where a page's query reads: the key attributes a cursor of it has, and the partition and sort
 * keys it may start from. A cursor of another list (or a forged one) would make DynamoDB refuse the
 * query, or read another partition.
 */
export type CursorScope = {
  attributes: readonly string[];
  partitionKey: string;
  partition: string;
  sortKey: string;
  /** The sort keys the query reads, both ends included. */
  sortFrom: string;
  sortTo: string;
};

export function decodeCursor(cursor: string | undefined, scope: CursorScope): Record<string, string> | undefined {
  if (!cursor) return undefined;
  const refused = new InvalidCursorError('The cursor is not one this API handed out for this list.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw refused;
  const key = parsed as Record<string, unknown>;
  const names = Object.keys(key);
  const complete = names.length === scope.attributes.length && scope.attributes.every((name) => Object.hasOwn(key, name) && typeof key[name] === 'string');
  if (!complete) throw refused;
  const sort = key[scope.sortKey] as string;
  if (key[scope.partitionKey] !== scope.partition || sort < scope.sortFrom || sort > scope.sortTo) throw refused;
  return key as Record<string, string>;
}
