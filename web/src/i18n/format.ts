import { useTranslation } from 'react-i18next';
import { INTL_LOCALES, isLocale } from './index.js';

const HELSINKI = 'Europe/Helsinki';

/** A calendar date ("2026-11-28") as the UTC midnight that stands for that Helsinki day. */
export function dayOf(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Today's date in Helsinki as "YYYY-MM-DD". */
export function helsinkiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: HELSINKI, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Dates, numbers and lists in the current UI language, through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = INTL_LOCALES[isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fi'];
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    number: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
    /** A range of calendar days; the dates are UTC midnights standing for Helsinki days. */
    dayRange: (from: Date, to: Date) => dayFormat.formatRange(from, to),
    /** A calendar date such as "2026-11-28". */
    date: (isoDate: string) => dayFormat.format(dayOf(isoDate)),
    /** A calendar date with its weekday. */
    dateWithWeekday: (isoDate: string) =>
      new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
        dayOf(isoDate),
      ),
    /** Two calendar dates as a range ("1.–14.11.2026"). */
    isoDateRange: (from: string, to: string) => (from === to ? dayFormat.format(dayOf(from)) : dayFormat.formatRange(dayOf(from), dayOf(to))),
    /** An instant in Helsinki time, with date and time. */
    dateTime: (instant: string | Date) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: HELSINKI }).format(new Date(instant)),
    /** A meeting: weekday, date and its start and end times in Helsinki. */
    meeting: (startsAt: string, durationMinutes: number) => {
      const start = new Date(startsAt);
      const end = new Date(start.getTime() + durationMinutes * 60_000);
      return new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'numeric',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: HELSINKI,
      }).formatRange(start, end);
    },
    list: (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items),
  };
}
