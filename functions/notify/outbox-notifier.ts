import type { OutboxRepository } from '../store/outbox-repository.js';
import { withOneLineSubject, type Notifier } from './notifier.js';

/** The local Notifier: nothing leaves the machine; messages land in the outbox, shown in the UI and the log. */
export function createOutboxNotifier(outbox: Pick<OutboxRepository, 'add'>, log: (line: string) => void = () => {}): Notifier {
  return {
    async send(message) {
      const stored = await outbox.add(withOneLineSubject(message));
      log(`Outbox: ${stored.kind} to ${stored.to.join(', ')}: ${stored.subject}`);
    },
  };
}
