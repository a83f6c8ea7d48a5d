import { useTranslation } from 'react-i18next';
import { HELSINKI } from '../../../functions/domain/helsinki-calendar.js';
import { dayOf } from '../period.js';
import { INTL_LOCALES, isLocale } from './index.js';

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
