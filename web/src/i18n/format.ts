import { useTranslation } from 'react-i18next';
import {
  INTL_TAGS,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatList,
  formatMeeting,
  periodName,
} from '../../../functions/domain/display-format.js';
import { isLocale, type Locale } from './index.js';

/**
 * Dates, periods, numbers and lists in the current UI language. The styles are the domain's
 * (functions/domain/display-format.ts), so the web, the e-mails and the exports read alike.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  return formatIn(isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fi');
}

/** The same in a given language, whatever the UI's: a bilingual area's briefing writes each of its languages in its own. */
export function formatIn(language: Locale) {
  const locale = INTL_TAGS[language];
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    number: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
    /** A period as people say it: "vk 49/2026", "marraskuu 2026". */
    period: (period: string) => periodName(period, language),
    /** A range of calendar days; the dates are UTC midnights standing for Helsinki days. */
    dayRange: (from: Date, to: Date) => dayFormat.formatRange(from, to),
    /** A calendar date such as "2026-11-28". */
    date: (isoDate: string) => formatDate(isoDate, language),
    /** A calendar date with its weekday. */
    dateWithWeekday: (isoDate: string) => formatDate(isoDate, language, { weekday: true }),
    /** Two calendar dates as a range ("1.–14.11.2026"). */
    isoDateRange: (from: string, to: string) => formatDateRange(from, to, language),
    /** An instant in Helsinki time, with date and time. */
    dateTime: (instant: string | Date) => formatDateTime(instant, language),
    /** A meeting: weekday, date and its start and end times in Helsinki. */
    meeting: (startsAt: string, durationMinutes: number) => formatMeeting(startsAt, durationMinutes, language),
    list: (items: string[]) => formatList(items, language),
  };
}
