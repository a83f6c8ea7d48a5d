import { helsinkiDate } from '../../functions/domain/helsinki-calendar.js';
import { parsePeriod, periodEnd, periodOf, periodStart } from '../../functions/domain/period-calendar.js';

/**
 * Days and periods as the web shows them, from the domain's Helsinki calendar (DOMAIN.md): the
 * arithmetic is functions/domain's, this only shapes it for display. Pure: no DOM, no i18n.
 */

/** A calendar date ("2026-11-28") as the UTC midnight that stands for that Helsinki day (formatted in UTC). */
export function dayOf(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The ISO week `now` falls in, in Helsinki: its period ("2026-W48"), number and year, and its Monday and Sunday (as dayOf dates). */
export function isoWeekOf(now: Date): { period: string; week: number; year: number; monday: Date; sunday: Date } {
  const period = periodOf('weekly', now);
  const { year, number } = parsePeriod(period)!;
  const monday = dayOf(helsinkiDate(periodStart(period)));
  const sunday = dayOf(helsinkiDate(new Date(periodEnd(period).getTime() - 1)));
  return { period, week: number, year, monday, sunday };
}

/** The ISO week and the month that `now` falls in, in Helsinki. */
export function currentPeriods(now: Date): { week: string; month: string } {
  return { week: periodOf('weekly', now), month: periodOf('monthly', now) };
}
