import { createDerivedItems } from '../../app/derived-items.js';
import { projectChanges } from '../../app/projection/project-changes.js';
import { changeOf, type StreamRecord } from '../../store/changes.js';
import { createDb } from '../../store/document-client.js';
import { readSettings } from '../env.js';
import { createRepositories } from '../repositories.js';

/**
 * Composition root of the projection Lambda, which the table's stream invokes through an event
 * source mapping: the changed facts' derived items (snapshots, the units' status items) are built
 * again. It reads and writes the table only. A batch that throws is retried, then split in halves
 * until the failing record is alone; what still fails goes to the on-failure queue.
 */
export function createProjectionFunction(env: NodeJS.ProcessEnv) {
  const settings = readSettings('projection', env);
  const repositories = createRepositories(createDb(settings.tableName));
  const project = projectChanges({ ...repositories, derived: createDerivedItems(repositories) });
  return {
    handler: async (event: { Records?: StreamRecord[] }) => {
      await project((event.Records ?? []).map(changeOf));
    },
  };
}
