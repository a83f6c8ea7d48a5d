import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import adminEn from './admin.en.json';
import adminFi from './admin.fi.json';
import adminSv from './admin.sv.json';
import en from './en.json';
import fi from './fi.json';
import learningEn from './learning.en.json';
import learningFi from './learning.fi.json';
import learningSv from './learning.sv.json';
import leadershipEn from './leadership.en.json';
import leadershipFi from './leadership.fi.json';
import leadershipSv from './leadership.sv.json';
import measuresEn from './measures.en.json';
import measuresFi from './measures.fi.json';
import measuresSv from './measures.sv.json';
import practicesEn from './practices.en.json';
import practicesFi from './practices.fi.json';
import practicesSv from './practices.sv.json';
import sv from './sv.json';

export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's own name, so that a person who does not read the current one can still find theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** BCP 47 tags for Intl: Finland Swedish, and British English for day-month dates. */
export const INTL_LOCALES: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const STORAGE_KEY = 'sykli.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language the person chose on this device, if they have chosen one. */
export function rememberedLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'fi';
}

/** Switches the UI language; a choice made by the person is remembered on this device. */
export async function changeLocale(locale: Locale, { remember = true } = {}): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode without storage: the choice lasts until the page is reloaded.
    }
  }
  await i18next.changeLanguage(locale);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = isLocale(language) ? language : 'fi';
});

void i18next.use(initReactI18next).init({
  resources: {
    fi: { translation: { ...fi, ...measuresFi, ...leadershipFi, ...learningFi, ...adminFi, ...practicesFi } },
    sv: { translation: { ...sv, ...measuresSv, ...leadershipSv, ...learningSv, ...adminSv, ...practicesSv } },
    en: { translation: { ...en, ...measuresEn, ...leadershipEn, ...learningEn, ...adminEn, ...practicesEn } },
  },
  lng: rememberedLocale() ?? 'fi',
  fallbackLng: 'fi',
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export default i18next;
