import { toWorkflowTimestamp } from '../../domain/helsinki-time.js';
import { FREQUENCIES, type Frequency } from '../../domain/measure.js';
import { nextFireTime } from '../../domain/round-cron.js';
import { roundExecutionName } from '../../domain/round-schedule.js';
import { sleepUntil } from '../../../workflows/engine/long-timer.js';
import type { WorkflowStarter } from '../../../workflows/engine/workflow-engine.js';

/**
 * The local stand-in for EventBridge Scheduler: the very cron expressions the schedules get
 * (ROUND_SCHEDULES, followed by croner in Europe/Helsinki), starting the measurement round through
 * the workflow engine. Timers sleep in safe steps, so a month away does not overflow setTimeout.
 */
export function createRoundScheduler(options: {
  engine: WorkflowStarter;
  now?: () => number;
  log?: (line: string) => void;
  frequencies?: readonly Frequency[];
}) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const controller = new AbortController();
  const loops: Promise<void>[] = [];

  async function loop(frequency: Frequency) {
    while (!controller.signal.aborted) {
      const fireAt = nextFireTime(frequency, new Date(now()));
      await sleepUntil(fireAt.getTime(), controller.signal, now);
      if (controller.signal.aborted) return;
      const name = roundExecutionName(frequency, fireAt);
      try {
        const result = await options.engine.start('measurementRound', name, { frequency, scheduledTime: toWorkflowTimestamp(fireAt) });
        log(`Measurement round ${name}: ${result}`);
      } catch (error) {
        log(`Measurement round ${name} did not start: ${(error as Error).message}`);
      }
    }
  }

  return {
    start() {
      for (const frequency of options.frequencies ?? FREQUENCIES) loops.push(loop(frequency));
    },
    async stop() {
      controller.abort();
      await Promise.all(loops);
    },
  };
}
