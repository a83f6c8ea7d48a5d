/** Lists hand out an opaque cursor: DynamoDB's LastEvaluatedKey, base64url-encoded. */
export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

export function decodeCursor(cursor: string | undefined, expectedKeys: readonly string[]): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('The cursor is not one this API handed out.');
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.keys(parsed).every((k) => expectedKeys.includes(k)) &&
    Object.values(parsed).every((v) => typeof v === 'string');
  if (!valid) throw new InvalidCursorError('The cursor is not one this API handed out.');
  return parsed as Record<string, string>;
}
