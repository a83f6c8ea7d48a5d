import { createDerivedItems } from '../app/derived-items.js';
import { projectChanges } from '../app/projection/project-changes.js';
import { rebuildAllDerivedItems } from '../app/projection/rebuild-all.js';
import type { Db } from '../store/document-client.js';
import { startChangeStream, type ChangeStreamOptions } from './local/change-stream.js';
import { createRepositories } from './repositories.js';

/**
 * The projection of derived items locally: the same use case the projection Lambda runs in AWS,
 * fed by polling DynamoDB Local's stream of the table. `rebuildFirst` builds every derived item
 * before following the stream, for a table whose earlier changes were never projected.
 */
export async function startLocalProjection(db: Db, options: Omit<ChangeStreamOptions, 'db' | 'onChanges'> & { rebuildFirst?: boolean }) {
  const repositories = createRepositories(db);
  const derived = createDerivedItems(repositories);
  if (options.rebuildFirst) {
    const { units } = await rebuildAllDerivedItems({ ...repositories, derived });
    options.log?.(`Projection: the derived items of ${units} unit(s) built again.`);
  }
  return startChangeStream({ ...options, db, onChanges: projectChanges({ ...repositories, derived }) });
}
