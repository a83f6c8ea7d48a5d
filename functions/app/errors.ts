/**
 * Why a use case did not do what was asked. The application layer throws these and nothing else
 * for a refusal; the API turns each kind into its HTTP answer in one place (api/problem.ts), and a
 * workflow task lets them fail the step. `code` and `params` name the refusal so that it can be
 * said in the person's language; `message` is the English sentence.
 */
export type Refusal = { code: string; params?: Record<string, string | number> };
/** A failing field; `code` and `params` name the refusal so that it can be said in the person's language. */
export type FieldIssue = { field: string; message: string; code?: string; params?: Record<string, string | number> };

export abstract class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(message: string, refusal: Partial<Refusal> = {}) {
    super(message);
    this.code = refusal.code ?? 'refused';
    this.params = refusal.params ?? {};
  }
}

/** Nothing there, or nothing the person may see (the two are answered alike). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
}

/** Seen, but not the person's to change. */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
}

/** The thing's state does not allow it, or it exists already; the message says why and what is allowed. */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
}

/** Someone else changed it since the person read it (optimistic concurrency). */
export class StaleVersionError extends AppError {
  override readonly name = 'StaleVersionError';
}

/** A change of a stored thing without the version it was made against. */
export class VersionRequiredError extends AppError {
  override readonly name = 'VersionRequiredError';
}

/** The input itself is wrong; each failing field is named. */
export class InvalidInputError extends AppError {
  override readonly name = 'InvalidInputError';
  /** An import's refusal lists its rows; any other names the request's fields. */
  readonly kind: 'validation' | 'import';
  constructor(
    message: string,
    readonly issues: FieldIssue[],
    refusal: Partial<Refusal> & { kind?: 'validation' | 'import' } = {},
  ) {
    super(message, refusal);
    this.kind = refusal.kind ?? 'validation';
  }
}

/** A refusal naming one field, e.g. an aim id the unit does not have. */
export function invalidField(field: string, message: string, refusal: Partial<Refusal> = {}): InvalidInputError {
  return new InvalidInputError(`The request is not valid: ${field}.`, [{ field, message, ...refusal }]);
}
