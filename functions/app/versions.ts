import { StaleVersionError, VersionRequiredError } from './errors.js';

/**
 * A change of a stored thing names the version it was made against; without it a lost update could
 * go unnoticed, and another version means someone else changed it first.
 */
export function checkVersion(what: string, current: { version: number }, expected: number | undefined): void {
  const version = requireVersion(what, expected);
  if (current.version !== version) {
    throw new StaleVersionError(`The ${what} is at version ${current.version}, not ${version}: someone else changed it. Reload it and apply your change again.`, {
      code: 'version.stale',
      params: { what, current: current.version, expected: version },
    });
  }
}

/** The version a change was made against, which every change of a stored thing must name. */
export function requireVersion(what: string, expected: number | undefined): number {
  if (expected !== undefined) return expected;
  throw new VersionRequiredError(`Send the version of the ${what} you changed (If-Match with its ETag) so that a concurrent change is not overwritten.`, {
    code: 'version.required',
  });
}
