import { describe, expect, it } from 'vitest';
import { nextFireTime, standardCron } from '../../../functions/domain/round-cron.js';
import { ROUND_SCHEDULES, roundDeadlines, roundPeriod } from '../../../functions/domain/round-schedule.js';

describe('the measurement round schedule', () => {
  it('fires weekly on Monday 08:00 Helsinki time, winter and summer alike', () => {
    expect(ROUND_SCHEDULES.weekly).toEqual({ expression: 'cron(0 8 ? * MON *)', timezone: 'Europe/Helsinki' });
    // Winter (EET, UTC+2): Monday 23 Nov 2026 08:00 = 06:00 UTC.
    expect(nextFireTime('weekly', new Date('2026-11-18T12:00:00Z')).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    // On the dot is not "after": the next one is a week later.
    expect(nextFireTime('weekly', new Date('2026-11-23T06:00:00Z')).toISOString()).toBe('2026-11-30T06:00:00.000Z');
    // Summer (EEST, UTC+3).
    expect(nextFireTime('weekly', new Date('2026-06-10T00:00:00Z')).toISOString()).toBe('2026-06-15T05:00:00.000Z');
  });

  it('keeps 08:00 wall-clock time over the DST changes', () => {
    // Clocks go forward on Sunday 29 March 2026: the Monday after is already summer time.
    expect(nextFireTime('weekly', new Date('2026-03-27T12:00:00Z')).toISOString()).toBe('2026-03-30T05:00:00.000Z');
    // Clocks go back on Sunday 25 October 2026.
    expect(nextFireTime('weekly', new Date('2026-10-23T12:00:00Z')).toISOString()).toBe('2026-10-26T06:00:00.000Z');
    expect(nextFireTime('monthly', new Date('2026-03-15T00:00:00Z')).toISOString()).toBe('2026-04-01T05:00:00.000Z');
    expect(nextFireTime('monthly', new Date('2026-10-15T00:00:00Z')).toISOString()).toBe('2026-11-01T06:00:00.000Z');
  });

  it('fires monthly on the 1st at 08:00, also from the last evening of the year', () => {
    expect(ROUND_SCHEDULES.monthly.expression).toBe('cron(0 8 1 * ? *)');
    expect(nextFireTime('monthly', new Date('2026-12-31T21:00:00Z')).toISOString()).toBe('2027-01-01T06:00:00.000Z');
    expect(nextFireTime('monthly', new Date('2027-01-01T06:00:01Z')).toISOString()).toBe('2027-02-01T06:00:00.000Z');
  });

  it('collects the period that has just ended, due by Wednesday 16:00 and escalated on Friday', () => {
    expect(roundPeriod('weekly', new Date('2026-11-23T06:00:00Z'))).toBe('2026-W47');
    expect(roundPeriod('monthly', new Date('2027-01-01T06:00:00Z'))).toBe('2026-12');
    const { remindAt, escalateAt } = roundDeadlines('2026-W47');
    expect(remindAt.toISOString()).toBe('2026-11-25T14:00:00.000Z');
    expect(escalateAt.toISOString()).toBe('2026-11-27T14:00:00.000Z');
  });

  it('reads the very cron expressions EventBridge Scheduler gets, and refuses one it cannot follow', () => {
    expect(standardCron(ROUND_SCHEDULES.weekly.expression)).toBe('0 8 * * MON');
    expect(standardCron(ROUND_SCHEDULES.monthly.expression)).toBe('0 8 1 * *');
    expect(() => standardCron('cron(0 8 1 * ? 2027)')).toThrow('not a yearly-recurring');
    expect(() => standardCron('rate(1 day)')).toThrow('not a yearly-recurring');
  });
});
