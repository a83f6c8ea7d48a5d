import type { Notifier } from '../../functions/notify/notifier.js';
import { createOutboxNotifier } from '../../functions/notify/outbox-notifier.js';
import { createOutboxRepository } from '../../functions/store/outbox-repository.js';
import { createLocalWorkflows, type LocalWorkflowOptions } from '../../functions/runtime/local-workflows.js';
import { createCycleRepository } from '../../functions/store/cycle-repository.js';
import type { Db } from '../../functions/store/document-client.js';

export const TEST_WEB_URL = 'http://sykli.test';

/**
 * The PDSA side of the local runtime for tests: the real pdsa-cycle.asl.json (and weekly-digest.asl.json) in the local engine,
 * the real cycle tasks over the table, and the outbox as the Notifier (or a given one).
 */
export function createPdsaRuntime(
  db: Db,
  options: Pick<LocalWorkflowOptions, 'waitOverridesMs' | 'timeoutOverridesMs'> & { notifier?: Notifier } = {},
) {
  const { engine, cycleMail } = createLocalWorkflows(db, {
    ...options,
    notifier: options.notifier ?? createOutboxNotifier(createOutboxRepository(db)),
    webUrl: TEST_WEB_URL,
    // The weekly digest too: an admin may send it from the API.
    machines: ['pdsaCycle', 'weeklyDigest'],
  });
  return { engine, cycles: createCycleRepository(db), cycleMail, outbox: createOutboxRepository(db) };
}
export type PdsaRuntime = ReturnType<typeof createPdsaRuntime>;
