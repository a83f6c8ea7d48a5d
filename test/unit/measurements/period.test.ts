import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  isFuturePeriod,
  parsePeriod,
  periodEnd,
  periodLabel,
  periodOf,
  periodRange,
  periodStart,
  periodsBetween,
} from '../../../functions/domain/period.js';

describe('measurement periods in Europe/Helsinki', () => {
  it('knows which years have a week 53', () => {
    expect(parsePeriod('2026-W53')).toEqual({ frequency: 'weekly', year: 2026, number: 53 });
    expect(parsePeriod('2025-W53')).toBeNull();
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-W00')).toBeNull();
    expect(parsePeriod('2026-11')).toEqual({ frequency: 'monthly', year: 2026, number: 11 });
  });

  it('starts a week on Monday midnight Finnish time, also across the year boundary', () => {
    expect(periodStart('2026-W01').toISOString()).toBe('2025-12-28T22:00:00.000Z');
    expect(periodStart('2027-W01').toISOString()).toBe('2027-01-03T22:00:00.000Z');
    expect(periodEnd('2026-W53').toISOString()).toBe('2027-01-03T22:00:00.000Z');
    // Summer time: the week of 30 March 2026 starts at 00:00 EEST = 21:00 UTC.
    expect(periodStart('2026-W14').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(periodStart('2026-11').toISOString()).toBe('2026-10-31T22:00:00.000Z');
  });

  it('finds the period of an instant in Helsinki, not in UTC', () => {
    // Thursday 31 Dec 2026 at 23:30 UTC is already Friday 1 January 2027 in Helsinki.
    expect(periodOf('monthly', new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    expect(periodOf('weekly', new Date('2026-12-31T23:30:00Z'))).toBe('2026-W53');
    // Monday 4 Jan 2027 00:30 Helsinki is 3 Jan 22:30 UTC: week 1.
    expect(periodOf('weekly', new Date('2027-01-03T22:30:00Z'))).toBe('2027-W01');
  });

  it('steps across week 53, year ends and the DST change', () => {
    expect(addPeriods('2026-W52', 1)).toBe('2026-W53');
    expect(addPeriods('2026-W53', 1)).toBe('2027-W01');
    expect(addPeriods('2025-W52', 1)).toBe('2026-W01');
    expect(addPeriods('2026-W12', 2)).toBe('2026-W14');
    expect(addPeriods('2026-W44', -1)).toBe('2026-W43');
    expect(addPeriods('2026-12', 1)).toBe('2027-01');
    expect(addPeriods('2026-03', -3)).toBe('2025-12');
    expect(periodRange('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(periodsBetween('2026-W10', '2026-W45')).toBe(35);
    expect(periodRange('2026-11', '2026-10')).toEqual([]);
  });

  it('labels periods for chart axes in each language', () => {
    expect(periodLabel('2026-W12', 'fi')).toBe('vk 12');
    expect(periodLabel('2026-W12', 'sv')).toBe('v. 12');
    expect(periodLabel('2026-W12', 'en')).toBe('wk 12');
    expect(periodLabel('2026-03', 'fi')).toBe('3/2026');
  });

  it('tells a period that has not begun', () => {
    const now = new Date('2026-11-18T10:00:00Z');
    expect(isFuturePeriod('2026-W47', now)).toBe(false);
    expect(isFuturePeriod('2026-W48', now)).toBe(true);
    expect(isFuturePeriod('2026-12', now)).toBe(true);
  });
});
