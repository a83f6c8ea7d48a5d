import { HELSINKI } from './helsinki-calendar.js';
import type { Locale } from './localized-text.js';
import { parsePeriod } from './period-calendar.js';

/**
 * How a person reads periods, dates and times, in one place for the web, e-mails and exports: one
 * style per language, from Intl, and never a raw ISO week. Pure: the web imports it too.
 */

/** The Intl locale of each UI language (Finnish-Swedish for sv, British English for en). */
export const INTL_TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const WEEK_WITH_YEAR: Record<Locale, (week: number, year: number) => string> = {
  fi: (week, year) => `vk ${week}/${year}`,
  sv: (week, year) => `v. ${week}/${year}`,
  en: (week, year) => `week ${week}, ${year}`,
};

/** A period as people say it: "vk 49/2026" / "v. 49/2026" / "week 49, 2026", or "marraskuu 2026". Anything else is returned as it is. */
export function periodName(period: string, locale: Locale): string {
  const parsed = parsePeriod(period);
  if (!parsed) return period;
  const { frequency, year, number } = parsed;
  if (frequency === 'weekly') return WEEK_WITH_YEAR[locale](number, year);
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'numeric', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

function calendarDay(isoDate: string): Date {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A calendar date ("2026-11-29") as "29.11.2026" / "29/11/2026"; with `weekday`, "su 29.11.2026". */
export function formatDate(isoDate: string, locale: Locale, { weekday = false }: { weekday?: boolean } = {}): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { ...DATE, ...(weekday ? { weekday: 'short' } : {}), timeZone: 'UTC' }).format(calendarDay(isoDate));
}

/** An instant in Helsinki time with its date and time ("2.12.2026 klo 7.00"); with `weekday`, the weekday first. */
export function formatDateTime(instant: string | Date, locale: Locale, { weekday = false }: { weekday?: boolean } = {}): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { ...DATE, ...TIME, ...(weekday ? { weekday: 'short' } : {}), timeZone: HELSINKI }).format(new Date(instant));
}

/** A meeting in Helsinki time: weekday, date and its start and end times. */
export function formatMeeting(startsAt: string | Date, durationMinutes: number, locale: Locale): string {
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { weekday: 'short', ...DATE, ...TIME, timeZone: HELSINKI }).formatRange(start, end);
}

/** Two calendar dates as a range ("1.–14.11.2026"). */
export function formatDateRange(from: string, to: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(INTL_TAGS[locale], { ...DATE, timeZone: 'UTC' });
  return from === to ? format.format(calendarDay(from)) : format.formatRange(calendarDay(from), calendarDay(to));
}

/** Items joined as in a sentence ("A, B ja C"). */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_TAGS[locale], { style: 'long', type: 'conjunction' }).format(items);
}
