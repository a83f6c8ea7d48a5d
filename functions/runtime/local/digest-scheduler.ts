import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import { nextDigestTime } from '../../domain/round-cron.js';
import { digestExecutionName } from '../../domain/weekly-digest.js';
import { sleepUntil } from '../../../workflows/engine/long-timer.js';
import type { WorkflowStarter } from '../../../workflows/engine/workflow-engine.js';

/**
 * The local stand-in for the weekly digest's EventBridge schedule: the same cron (DIGEST_SCHEDULE,
 * followed by croner in Europe/Helsinki), starting the weekly-digest workflow on the local engine.
 */
export function createDigestScheduler(options: { engine: WorkflowStarter; now?: () => number; log?: (line: string) => void }) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const controller = new AbortController();
  let loop: Promise<void> | undefined;

  async function run() {
    while (!controller.signal.aborted) {
      const fireAt = nextDigestTime(new Date(now()));
      await sleepUntil(fireAt.getTime(), controller.signal, now);
      if (controller.signal.aborted) return;
      const name = digestExecutionName(fireAt);
      try {
        const result = await options.engine.start('weeklyDigest', name, { scheduledTime: toWorkflowTimestamp(fireAt) });
        log(`Weekly digest ${name}: ${result}`);
      } catch (error) {
        log(`Weekly digest ${name} did not start: ${(error as Error).message}`);
      }
    }
  }

  return {
    start() {
      loop = run();
    },
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
