import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createCycleMail } from '../../notify/cycle-mail.js';
import { createRoundMail } from '../../notify/round-mail.js';
import { createSesNotifier } from '../../notify/ses-notifier.js';
import { createDb } from '../../store/document-client.js';
import { createWorkflowTasks } from '../../tasks/index.js';
import { createTaskDispatcher } from '../../tasks/workflow-task.js';
import { createSfnAnswerer } from '../../../workflows/engine/sfn-engine.js';
import { storeDeps } from '../api-deps.js';
import { readSettings } from '../env.js';

/**
 * Composition root of the tasks Lambda, which both state machines invoke: the table, SES for the
 * workflows' e-mails, and Step Functions only to answer a wait whose decision came first. It starts
 * no execution, so it is given no state machine ARN: the machines name this function, and the
 * reverse would be a dependency cycle in the template.
 */
export function createTasksFunction(env: NodeJS.ProcessEnv) {
  const settings = readSettings('tasks', env);
  const store = storeDeps(createDb(settings.tableName));
  const notifier = createSesNotifier(new SESv2Client({}), settings.mailFrom);
  const tasks = createWorkflowTasks({
    ...store,
    cycleMail: createCycleMail({ notifier, directory: store.members, units: store.units, webUrl: settings.webUrl }),
    roundMail: createRoundMail({ notifier, webUrl: settings.webUrl }),
    workflows: createSfnAnswerer(new SFNClient({})),
  });
  return { dispatch: createTaskDispatcher(tasks) };
}
