/** Node's setTimeout overflows past 2^31−1 ms (~24.8 days) and fires at once; this sleeps in safe steps. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export function sleepUntil(targetMs: number, signal: AbortSignal, now: () => number = Date.now): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const step = () => {
      const remaining = targetMs - now();
      if (remaining <= 0 || signal.aborted) {
        signal.removeEventListener('abort', onAbort);
        resolve();
        return;
      }
      timer = setTimeout(step, Math.min(remaining, MAX_TIMEOUT_MS));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    step();
  });
}
