import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRoundScheduler } from '../../../functions/runtime/local/round-scheduler.js';

describe('the local round scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('starts the weekly round on Monday 08:00 Helsinki time and the monthly one on the 1st', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
    const started: { name: string; input: Record<string, unknown> }[] = [];
    const scheduler = createRoundScheduler({
      engine: { start: async (_machine, name, input) => (started.push({ name, input }), 'started') },
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(17 * 60 * 60 * 1000);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 * 60 * 60 * 1000 + 1000);
    expect(started.map((s) => s.input)).toEqual([{ frequency: 'weekly', scheduledTime: '2026-11-23T06:00:00Z' }]);
    await vi.advanceTimersByTimeAsync(9 * 24 * 60 * 60 * 1000);
    expect(started.map((s) => s.input)).toEqual([
      { frequency: 'weekly', scheduledTime: '2026-11-23T06:00:00Z' },
      { frequency: 'weekly', scheduledTime: '2026-11-30T06:00:00Z' },
      { frequency: 'monthly', scheduledTime: '2026-12-01T06:00:00Z' },
    ]);
    await scheduler.stop();
  });
});
