/** Store-level failures that the API turns into HTTP statuses. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The item changed since it was read (optimistic concurrency), or already exists. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly reason: 'stale' | 'exists',
  ) {
    super(message);
  }
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ConditionalCheckFailedException' ||
      (error.name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(error.message)))
  );
}
