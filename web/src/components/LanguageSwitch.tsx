import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES, changeLocale, currentLocale } from '../i18n/index.js';

/** Three buttons, each language named in itself; the current one is marked pressed (not by colour alone). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = currentLocale();
  return (
    <div className="language-switch" role="group" aria-labelledby="language-switch-label">
      <span id="language-switch-label" className="language-switch__label">
        {t('layout.language')}
      </span>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-switch__option"
          aria-pressed={locale === current}
          onClick={() => void changeLocale(locale)}
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
