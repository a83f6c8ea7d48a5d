import { isoWeekOf } from '../../period.js';

/** Measurement periods as the API names them: ISO weeks "2026-W47" and months "2026-11", in Europe/Helsinki. Pure. */

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO week and the month that `now` falls in, in Helsinki. */
export function currentPeriods(now: Date): { week: string; month: string } {
  const { week, year } = isoWeekOf(now);
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' }).format(now).split('-');
  return { week: `${year}-W${pad(week)}`, month: `${y}-${m}` };
}

/** The Monday (UTC midnight) of ISO week `week` of `year`: week 1 is the one with 4 January in it. */
function mondayOf(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY + (week - 1) * 7 * DAY;
}

function weekOfMonday(monday: number): string {
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${pad(week)}`;
}

/** `count` weeks or months after (or, negative, before) the period. */
export function shiftPeriod(period: string, count: number): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return weekOfMonday(mondayOf(Number(week[1]), Number(week[2])) + count * 7 * DAY);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) throw new Error(`Not a period: ${period}`);
  const index = Number(month[1]) * 12 + Number(month[2]) - 1 + count;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Year and number of a period, for labels. */
export function periodParts(period: string): { kind: 'week' | 'month'; year: number; number: number } {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return { kind: 'week', year: Number(week[1]), number: Number(week[2]) };
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { kind: 'month', year, number: month };
}
