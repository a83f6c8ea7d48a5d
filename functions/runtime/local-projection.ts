import { createDerivedItems } from '../app/derived-items.js';
import { projectChanges } from '../app/projection/project-changes.js';
import type { Db } from '../store/document-client.js';
import { startChangeStream, type ChangeStreamOptions } from './local/change-stream.js';
import { createRepositories } from './repositories.js';

/**
 * The projection of derived items locally: the same use case the projection Lambda runs in AWS,
 * fed by polling DynamoDB Local's stream of the table.
 */
export function startLocalProjection(db: Db, options: Omit<ChangeStreamOptions, 'db' | 'onChanges'>) {
  const repositories = createRepositories(db);
  const project = projectChanges({ ...repositories, derived: createDerivedItems(repositories) });
  return startChangeStream({ ...options, db, onChanges: project });
}
