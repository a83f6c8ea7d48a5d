import * as store from '../store/errors.js';
import { ImportTooLargeError } from '../store/measurement-repository.js';
import { InvalidCursorError } from '../store/pagination.js';
import { ConflictError, InvalidInputError, NotFoundError, StaleVersionError } from './errors.js';

/** The store's failures in the application's terms, so that nothing above app/ knows the store. */
function translate(error: unknown): unknown {
  if (error instanceof store.ConflictError) {
    return error.reason === 'stale'
      ? new StaleVersionError(error.message, { code: 'version.stale' })
      : new ConflictError(error.message, { code: 'exists' });
  }
  if (error instanceof store.NotFoundError) return new NotFoundError(error.message);
  if (error instanceof ImportTooLargeError) return new InvalidInputError(error.message, [{ field: 'body', message: error.message }], { kind: 'import' });
  if (error instanceof InvalidCursorError) return new InvalidInputError(error.message, [{ field: 'query.cursor', message: error.message }]);
  return error;
}

type Functions = { [name: string]: ((...args: never[]) => unknown) | Functions };

/** Every use case of `group` (nested groups too), throwing application errors for the store's. */
export function withAppErrors<G extends Functions>(group: G): G {
  return Object.fromEntries(
    Object.entries(group).map(([name, value]) => [
      name,
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => unknown)(...args);
            } catch (error) {
              throw translate(error);
            }
          }
        : withAppErrors(value),
    ]),
  ) as G;
}
