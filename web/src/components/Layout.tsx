import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Link } from './Link.js';

type LayoutProps = {
  /** The signed-in person's name; absent before sign-in or while it loads. */
  personName?: string;
  onSignOut?: () => void;
  /** The signed-in person's places in the app (home, agenda, outbox); the current one is marked. */
  navigation?: { href: string; label: string; current: boolean }[];
  children: ReactNode;
};

export function Layout({ personName, onSignOut, navigation, children }: LayoutProps) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToMain')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="brand">
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="11" fill="none" stroke="currentColor" strokeWidth="5" />
              <path d="M16 1.5 L22 5 L16 8.5 Z" fill="currentColor" />
            </svg>
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            {personName && (
              <p className="person">
                <span className="visually-hidden">{t('layout.signedInAs')}: </span>
                {personName}
              </p>
            )}
            <LanguageSwitch />
            {onSignOut && (
              <button type="button" className="button button--quiet" onClick={onSignOut}>
                {t('layout.signOut')}
              </button>
            )}
          </div>
        </div>
        {navigation && navigation.length > 1 && (
          <nav className="site-nav" aria-label={t('layout.navigation')}>
            <ul className="site-nav__list">
              {navigation.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="site-nav__link" aria-current={item.current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
        <p>
          <Link href="/saavutettavuus">{t('accessibility.footerLink')}</Link>
        </p>
      </footer>
    </>
  );
}
