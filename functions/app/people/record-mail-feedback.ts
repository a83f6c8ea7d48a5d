import type { MailFeedback } from '../../domain/person.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import type { PeopleRepository } from '../../store/people-repository.js';

/**
 * Marks each reported address's person undeliverable, so that coaches and admins see whose
 * invitations and reminders do not arrive. An address Sykli does not know (no longer anyone's) is
 * logged and left. Reporting the same again changes nothing but the time.
 */
export function recordMailFeedback(deps: {
  people: Pick<PeopleRepository, 'findIdByEmail' | 'markUndeliverable'>;
  metrics: BusinessMetrics;
  log: (message: string, detail?: unknown) => void;
}) {
  return async ({ addresses, ...undeliverable }: MailFeedback): Promise<{ marked: string[] }> => {
    const marked: string[] = [];
    for (const address of new Set(addresses.map((a) => a.toLowerCase()))) {
      const personId = await deps.people.findIdByEmail(address);
      if (!personId) {
        deps.log(`SES reported a ${undeliverable.reason} for an address that is no one's in Sykli`, address.split('@')[1]);
        continue;
      }
      await deps.people.markUndeliverable(personId, undeliverable);
      marked.push(personId);
    }
    deps.metrics.count('EmailsBounced', marked.length);
    return { marked };
  };
}
