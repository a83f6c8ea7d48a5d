import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { HELSINKI } from './helsinki-time.js';
import type { Frequency } from './measure.js';
import { periodEnd, periodOf, previousPeriod } from './period.js';

/**
 * When measurement rounds run: weekly on Monday at 08:00 and monthly on the 1st at 08:00,
 * Helsinki time. EventBridge Scheduler (CDK) and the local in-process scheduler both read these.
 */
export const ROUND_SCHEDULES: Record<Frequency, { expression: string; timezone: string }> = {
  weekly: { expression: 'cron(0 8 ? * MON *)', timezone: HELSINKI },
  monthly: { expression: 'cron(0 8 1 * ? *)', timezone: HELSINKI },
};

/** A round collects the period that has just ended: last week on Monday, last month on the 1st. */
export function roundPeriod(frequency: Frequency, scheduledTime: Date): string {
  return previousPeriod(periodOf(frequency, scheduledTime));
}

/**
 * A round's deadlines, from the end of its period: figures are due by Wednesday 16:00 (weekly)
 * or the 5th at 16:00 (monthly), when the late are reminded; two working days later the unit's
 * coach hears of it.
 */
export function roundDeadlines(period: string): { remindAt: Date; escalateAt: Date } {
  const end = new TZDate(periodEnd(period).getTime(), HELSINKI);
  const weekly = period.includes('W');
  const at = (daysAfterEnd: number) => {
    const day = addDays(end, daysAfterEnd);
    return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 16, 0, 0, HELSINKI).getTime());
  };
  return weekly ? { remindAt: at(2), escalateAt: at(4) } : { remindAt: at(4), escalateAt: at(9) };
}

/** The period whose figures are due now: the last one that has ended. */
export function duePeriod(frequency: Frequency, now: Date): string {
  return previousPeriod(periodOf(frequency, now));
}

/** The execution name of a round started at `scheduledTime`; the round itself refuses a second run of its period. */
export function roundExecutionName(frequency: Frequency, scheduledTime: Date): string {
  return `round-${frequency}-${scheduledTime.toISOString().replace(/[:.]/g, '')}`;
}
