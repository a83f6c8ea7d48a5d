/** Store-level failures that the API turns into HTTP statuses. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export type ConflictReason = 'stale' | 'exists';

/** The item changed since it was read (optimistic concurrency), or already exists. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly reason: ConflictReason,
  ) {
    super(message);
  }
}

const DEFAULT_MESSAGES: Record<ConflictReason, string> = {
  exists: 'It exists already.',
  stale: 'Someone else changed it first: reload it and apply your change again.',
};

/** The one place a failed write condition becomes a ConflictError; anything else passes through. */
export async function conflictOnFailedCondition<T>(write: Promise<T>, reason: ConflictReason, message = DEFAULT_MESSAGES[reason]): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new ConflictError(message, reason);
    throw error;
  }
}

/** A `.catch` for writes whose failed condition is an answer rather than an error: `answer` gives it. */
export function onConflict<T>(answer: () => T | Promise<T>): (error: unknown) => T | Promise<T> {
  return (error) => {
    if (error instanceof ConflictError) return answer();
    throw error;
  };
}

function isConditionalCheckFailed(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ConditionalCheckFailedException' ||
      (error.name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(error.message)))
  );
}
