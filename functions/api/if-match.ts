import { ProblemError } from './problem.js';

/** Updates name the version they were made against; without it a lost update could go unnoticed. */
export function parseIfMatch(header: string | undefined): number {
  if (!header) throw new ProblemError(428, "Send If-Match with the item's ETag so that a concurrent change is not overwritten.");
  const match = /^(?:W\/)?"(\d{1,12})"$/.exec(header.trim());
  if (!match?.[1]) {
    throw new ProblemError(400, 'If-Match must be an ETag this API handed out, such as "3".', {
      errors: [{ field: 'header.if-match', message: 'expected an ETag such as "3"' }],
    });
  }
  return Number(match[1]);
}
