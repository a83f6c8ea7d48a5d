import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDigestScheduler } from '../../../functions/runtime/local/digest-scheduler.js';

describe('the local weekly digest scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('starts the weekly digest on Monday 07:00 Helsinki time, before the round, and every Monday after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Sunday 22.11.2026 14:00 in Helsinki.
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
    const started: { machine: string; name: string; input: Record<string, unknown> }[] = [];
    const scheduler = createDigestScheduler({
      engine: { start: async (machine, name, input) => (started.push({ machine, name, input }), 'started') },
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(16 * 60 * 60 * 1000);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 * 60 * 60 * 1000 + 1000);
    expect(started).toEqual([{ machine: 'weeklyDigest', name: 'digest-2026-W48-2026-11-23T050000000Z', input: { scheduledTime: '2026-11-23T05:00:00Z' } }]);
    await vi.advanceTimersByTimeAsync(7 * 24 * 60 * 60 * 1000);
    expect(started.map((s) => s.input)).toEqual([{ scheduledTime: '2026-11-23T05:00:00Z' }, { scheduledTime: '2026-11-30T05:00:00Z' }]);
    await scheduler.stop();
  });
});
