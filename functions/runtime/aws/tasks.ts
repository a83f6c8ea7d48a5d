import { Logger } from '@aws-lambda-powertools/logger';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createWorkflowSteps } from '../../app/workflow/workflow-steps.js';
import { countingSent } from '../../metrics/business-metrics.js';
import { createEmfMetrics } from '../../metrics/emf-metrics.js';
import { createCycleMail } from '../../notify/cycle-mail.js';
import { createDigestMail } from '../../notify/digest-mail.js';
import { createRoundMail } from '../../notify/round-mail.js';
import { createSesNotifier } from '../../notify/ses-notifier.js';
import { createDb } from '../../store/document-client.js';
import { createWorkflowTasks } from '../../tasks/index.js';
import { createTaskDispatcher, taskLogKeys } from '../../tasks/workflow-task.js';
import { createSfnAnswerer } from '../../../workflows/engine/sfn-engine.js';
import { readSettings } from '../env.js';
import { createRepositories } from '../repositories.js';

/**
 * Composition root of the tasks Lambda, which both state machines invoke: the table, SES for the
 * workflows' e-mails, and Step Functions only to answer a wait whose decision came first. It starts
 * no execution, so it is given no state machine ARN: the machines name this function, and the
 * reverse would be a dependency cycle in the template. Every log line of a task names its
 * execution and the cycle, unit or round it works on; business metrics are flushed after each task.
 */
export function createTasksFunction(env: NodeJS.ProcessEnv) {
  const settings = readSettings('tasks', env);
  const logger = new Logger({ serviceName: 'sykli' });
  const metrics = createEmfMetrics();
  const repositories = createRepositories(createDb(settings.tableName));
  const notifier = countingSent(createSesNotifier(new SESv2Client({}), settings.mailFrom, settings.mailConfigurationSet), metrics);
  const steps = createWorkflowSteps({
    ...repositories,
    cycleMail: createCycleMail({ notifier, directory: repositories.members, units: repositories.units, webUrl: settings.webUrl }),
    roundMail: createRoundMail({ notifier, webUrl: settings.webUrl }),
    digestMail: createDigestMail({ notifier, webUrl: settings.webUrl }),
    workflows: createSfnAnswerer(new SFNClient({})),
    metrics,
  });
  const dispatch = createTaskDispatcher(createWorkflowTasks(steps));
  return {
    async handler(payload: unknown) {
      logger.resetKeys();
      logger.appendKeys(taskLogKeys(payload));
      try {
        return await dispatch(payload);
      } catch (error) {
        // Step Functions records the error too; this line ties it to the execution in the logs.
        logger.error('The workflow task failed', { error: error instanceof Error ? error : String(error) });
        throw error;
      } finally {
        metrics.flush();
      }
    },
  };
}
