import { InvalidInputError } from '../app/errors.js';

/**
 * The version an update was made against, from If-Match (the ETag this API handed out), or
 * undefined when the request sends none: the use case decides whether it needs one.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^(?:W\/)?"(\d{1,12})"$/.exec(header.trim());
  if (!match?.[1]) {
    throw new InvalidInputError('If-Match must be an ETag this API handed out, such as "3".', [{ field: 'header.if-match', message: 'expected an ETag such as "3"' }]);
  }
  return Number(match[1]);
}
