import { TZDate } from '@date-fns/tz';
import { addMonths, addWeeks, differenceInCalendarMonths, differenceInCalendarWeeks, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek } from 'date-fns';
import { HELSINKI } from './helsinki-calendar.js';
import type { Locale } from './localized-text.js';
import type { Frequency } from './measure.js';

/**
 * Measurement periods: ISO weeks (`2026-W47`) and calendar months (`2026-11`), both in
 * Europe/Helsinki, so a week starts at Monday 00:00 Finnish time whatever the server's zone.
 * Pure and without schemas (period.ts adds PeriodSchema), so the web imports it too.
 */
export const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
export const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

export type ParsedPeriod = { frequency: Frequency; year: number; number: number };

/** The period's parts, or null when it is no real week or month (week 53 exists only in some years). */
export function parsePeriod(period: string): ParsedPeriod | null {
  const week = WEEK_PATTERN.exec(period);
  if (week) {
    const year = Number(week[1]);
    const number = Number(week[2]);
    if (year < 1900 || number < 1 || number > weeksInYear(year)) return null;
    return { frequency: 'weekly', year, number };
  }
  const month = MONTH_PATTERN.exec(period);
  if (month) {
    const year = Number(month[1]);
    const number = Number(month[2]);
    if (year < 1900 || number < 1 || number > 12) return null;
    return { frequency: 'monthly', year, number };
  }
  return null;
}

function weeksInYear(year: number): number {
  return getISOWeeksInYear(new Date(year, 5, 1, 12));
}

function mustParse(period: string): ParsedPeriod {
  const parsed = parsePeriod(period);
  if (!parsed) throw new RangeError(`${period} is not a week such as 2026-W47 or a month such as 2026-11`);
  return parsed;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function periodFrequency(period: string): Frequency {
  return mustParse(period).frequency;
}

/**
 * The period's first day as a plain calendar date (local noon, so no DST shift can move it to
 * another day). Week and month arithmetic needs no time zone; only instants do.
 */
function firstDay(period: string): Date {
  const { frequency, year, number } = mustParse(period);
  if (frequency === 'monthly') return new Date(year, number - 1, 1, 12);
  // 4 January is always in ISO week 1.
  return addWeeks(startOfISOWeek(new Date(year, 0, 4, 12)), number - 1);
}

function periodOfDay(frequency: Frequency, day: Date): string {
  if (frequency === 'monthly') return `${day.getFullYear()}-${pad(day.getMonth() + 1)}`;
  return `${getISOWeekYear(day)}-W${pad(getISOWeek(day))}`;
}

/** The instant the period begins: Monday or the 1st at 00:00 in Helsinki. */
export function periodStart(period: string): Date {
  const day = firstDay(period);
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), HELSINKI).getTime());
}

/** The instant the next period begins (exclusive end). */
export function periodEnd(period: string): Date {
  return periodStart(nextPeriod(period));
}

/** The period that contains the instant, in Helsinki. */
export function periodOf(frequency: Frequency, at: Date): string {
  const local = new TZDate(at.getTime(), HELSINKI);
  return periodOfDay(frequency, new Date(local.getFullYear(), local.getMonth(), local.getDate(), 12));
}

/** The period `count` periods later (earlier when negative). */
export function addPeriods(period: string, count: number): string {
  const { frequency } = mustParse(period);
  const day = firstDay(period);
  return periodOfDay(frequency, frequency === 'weekly' ? addWeeks(day, count) : addMonths(day, count));
}

export const nextPeriod = (period: string) => addPeriods(period, 1);
export const previousPeriod = (period: string) => addPeriods(period, -1);

/** How many periods `to` is after `from` (negative when before); both of one frequency. */
export function periodsBetween(from: string, to: string): number {
  const frequency = sameFrequency(from, to);
  const [a, b] = [firstDay(from), firstDay(to)];
  return frequency === 'weekly' ? differenceInCalendarWeeks(b, a, { weekStartsOn: 1 }) : differenceInCalendarMonths(b, a);
}

/** Every period from `from` to `to`, both included; empty when `to` is before `from`. */
export function periodRange(from: string, to: string): string[] {
  const count = periodsBetween(from, to);
  return Array.from({ length: Math.max(0, count + 1) }, (_, i) => addPeriods(from, i));
}

/** Periods of one frequency sort as strings; mixing weeks and months is a mistake. */
export function comparePeriods(a: string, b: string): number {
  sameFrequency(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameFrequency(a: string, b: string): Frequency {
  const fa = periodFrequency(a);
  if (fa !== periodFrequency(b)) throw new RangeError(`${a} and ${b} are not of the same frequency`);
  return fa;
}

/** A period that has not begun yet: nothing can have been measured in it. */
export function isFuturePeriod(period: string, now: Date): boolean {
  return periodStart(period).getTime() > now.getTime();
}

const WEEK_ABBREVIATION: Record<Locale, string> = { fi: 'vk', sv: 'v.', en: 'wk' };

/** An axis label: "vk 12" / "v. 12" / "wk 12", or "3/2026" for a month. */
export function periodLabel(period: string, locale: Locale): string {
  const { frequency, year, number } = mustParse(period);
  return frequency === 'weekly' ? `${WEEK_ABBREVIATION[locale]} ${number}` : `${number}/${year}`;
}

/** The label inside sentences ("since week 12/2026"): with the year, since a series spans years. */
export function periodSentenceLabel(period: string): string {
  const { year, number } = mustParse(period);
  return `${number}/${year}`;
}
