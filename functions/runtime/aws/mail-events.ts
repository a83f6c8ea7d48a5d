import { Logger } from '@aws-lambda-powertools/logger';
import { recordMailFeedback } from '../../app/people/record-mail-feedback.js';
import { createEmfMetrics } from '../../metrics/emf-metrics.js';
import { mailFeedbackOf, SnsEventSchema } from '../../notify/ses-events.js';
import { createDb } from '../../store/document-client.js';
import { createPeopleRepository } from '../../store/people-repository.js';
import { readSettings } from '../env.js';

/**
 * Composition root of the mail-events Lambda: SES publishes the configuration set's bounce and
 * complaint events to an SNS topic, which invokes this function; a permanent bounce or a complaint
 * marks the person's address undeliverable in the table. A failure is thrown, so that Lambda
 * retries the event and, after its retries, keeps it in the on-failure queue.
 */
export function createMailEventsFunction(env: NodeJS.ProcessEnv) {
  const settings = readSettings('mailEvents', env);
  const logger = new Logger({ serviceName: 'sykli' });
  const metrics = createEmfMetrics();
  const record = recordMailFeedback({
    people: createPeopleRepository(createDb(settings.tableName)),
    metrics,
    log: (message, detail) => logger.warn(message, { detail: String(detail) }),
  });
  return {
    async handler(event: unknown) {
      try {
        for (const { Sns } of SnsEventSchema.parse(event).Records) {
          const feedback = mailFeedbackOf(Sns.Message);
          if (!feedback) continue;
          const { marked } = await record(feedback);
          logger.info('SES reported mail that does not arrive', { reason: feedback.reason, people: marked });
        }
      } finally {
        metrics.flush();
      }
    },
  };
}
