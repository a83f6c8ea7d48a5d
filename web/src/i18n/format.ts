import { useTranslation } from 'react-i18next';
import { INTL_LOCALES, isLocale } from './index.js';

/** Dates, numbers and lists in the current UI language, through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = INTL_LOCALES[isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fi'];
  return {
    locale,
    number: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
    /** A range of calendar days; the dates are UTC midnights standing for Helsinki days. */
    dayRange: (from: Date, to: Date) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatRange(from, to),
    list: (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items),
  };
}
