import { toWorkflowTimestamp } from '../functions/domain/helsinki-time.js';
import { createOutboxNotifier } from '../functions/notify/outbox-notifier.js';
import { createOutboxRepository } from '../functions/store/outbox-repository.js';
import { createLocalWorkflows } from '../functions/runtime/local-workflows.js';
import type { Db } from '../functions/store/document-client.js';
import type { DynamoRequestCounter } from './dynamo-requests.js';

const PROGRESS_EVERY_MS = 30_000;

export type RoundResult = {
  status: string;
  ms: number;
  /** The round's own result (units, late units) or the execution's error; not the state with every unit id. */
  result: unknown;
  /** Outbox messages by kind: round-opened, round-reminder, round-escalation. */
  sent: Record<string, number>;
  dynamoRequests: number;
};

/**
 * The weekly measurement round for the period due now, run by the local engine from
 * workflows/measurement-round.asl.json with the real tasks and the outbox notifier. The waits for
 * the reminder and escalation deadlines are cut to nothing (as in the workflow tests), so the wall
 * time is the round's own work over every unit.
 */
export async function measureRound(db: Db, counter: DynamoRequestCounter, progress: (line: string) => void): Promise<RoundResult> {
  const { engine } = createLocalWorkflows(db, {
    notifier: createOutboxNotifier(createOutboxRepository(db)),
    webUrl: 'http://127.0.0.1',
    machines: ['measurementRound'],
    waitOverridesMs: { WaitForDeadline: 0, WaitForEscalation: 0 },
  });
  const started = performance.now();
  const ticker = setInterval(() => progress(`round: running for ${Math.round((performance.now() - started) / 1000)} s`), PROGRESS_EVERY_MS);
  try {
    const execution = await counter.count('round', async () => {
      await engine.start('measurementRound', 'bench-round', { frequency: 'weekly', scheduledTime: toWorkflowTimestamp(new Date()) });
      return engine.waitFor('bench-round');
    });
    const ms = Math.round(performance.now() - started);
    const sent: Record<string, number> = {};
    const outbox = createOutboxRepository(db);
    let cursor: string | undefined;
    do {
      const page = await outbox.list({ limit: 500, cursor });
      for (const message of page.items) sent[message.kind] = (sent[message.kind] ?? 0) + 1;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const calls = counter.take('round');
    const output = execution.output as { result?: unknown } | undefined;
    return { status: execution.status, ms, result: output?.result ?? execution.error, sent, dynamoRequests: calls.authPerRequest + calls.routePerRequest };
  } finally {
    clearInterval(ticker);
    await engine.stop();
  }
}
