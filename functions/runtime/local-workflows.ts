import { createWorkflowSteps } from '../app/workflow/workflow-steps.js';
import { createCycleMail } from '../notify/cycle-mail.js';
import { createDigestMail } from '../notify/digest-mail.js';
import { createRoundMail } from '../notify/round-mail.js';
import type { Notifier } from '../notify/notifier.js';
import type { Db } from '../store/document-client.js';
import { createWorkflowTasks } from '../tasks/index.js';
import { createTaskDispatcher } from '../tasks/workflow-task.js';
import { loadLocalDefinitions } from '../../workflows/definitions.js';
import { createLocalEngine, type LocalEngineOptions } from '../../workflows/engine/local-engine.js';
import type { MachineName } from '../../workflows/engine/workflow-engine.js';
import { noMetrics } from '../metrics/business-metrics.js';
import { createRepositories } from './repositories.js';

export type LocalWorkflowOptions = Pick<LocalEngineOptions, 'waitOverridesMs' | 'timeoutOverridesMs' | 'log'> & {
  notifier: Notifier;
  webUrl: string;
  machines: readonly MachineName[];
};

/**
 * The workflow side of the local runtime (and of the tests): the real ASL files in the local
 * engine, dispatching to the same task code as the tasks Lambda.
 */
export function createLocalWorkflows(db: Db, options: LocalWorkflowOptions) {
  const repositories = createRepositories(db);
  const cycleMail = createCycleMail({ notifier: options.notifier, directory: repositories.members, units: repositories.units, webUrl: options.webUrl });
  // Tasks answer a wait themselves when the decision came first; the engine exists by then.
  let engine: ReturnType<typeof createLocalEngine> | undefined;
  const steps = createWorkflowSteps({
    ...repositories,
    cycleMail,
    roundMail: createRoundMail({ notifier: options.notifier, webUrl: options.webUrl }),
    digestMail: createDigestMail({ notifier: options.notifier, webUrl: options.webUrl }),
    workflows: { sendTaskSuccess: (token, output) => engine!.sendTaskSuccess(token, output) },
    metrics: noMetrics,
  });
  engine = createLocalEngine({
    definitions: loadLocalDefinitions(options.machines),
    dispatch: createTaskDispatcher(createWorkflowTasks(steps)),
    waitOverridesMs: options.waitOverridesMs,
    timeoutOverridesMs: options.timeoutOverridesMs,
    log: options.log,
  });
  return { engine, cycleMail };
}
