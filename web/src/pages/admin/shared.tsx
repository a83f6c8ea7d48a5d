import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link.js';
import { TextField } from '../../components/Fields.js';
import '../../styles/admin.css';

export type AdminSection = 'organisation' | 'people' | 'catalogue' | 'audit';
export type Names = { fi: string; sv: string; en: string };

/** The admin's pages, as a list of links under the heading; the current one is marked. */
export function AdminNav({ current }: { current: AdminSection }) {
  const { t } = useTranslation();
  const links: { section: AdminSection; href: string }[] = [
    { section: 'organisation', href: '/admin' },
    { section: 'people', href: '/admin/people' },
    { section: 'catalogue', href: '/admin/catalogue' },
    { section: 'audit', href: '/admin/audit' },
  ];
  return (
    <nav className="admin-nav" aria-label={t('administration.navLabel')}>
      <ul>
        {links.map((link) => (
          <li key={link.section}>
            <Link href={link.href} aria-current={link.section === current ? 'page' : undefined}>
              {t(`administration.sections.${link.section}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A URL-safe id from a name, as the API wants ids: `Äänekoski terveysasema` → `aanekoski-terveysasema`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** A name in Finnish, Swedish and English; the Swedish and English default to the Finnish. */
export function useNames(initial?: Names) {
  const [names, setNames] = useState<Names>(initial ?? { fi: '', sv: '', en: '' });
  const value = (): Names | undefined => {
    const fi = names.fi.trim();
    if (!fi) return undefined;
    return { fi, sv: names.sv.trim() || fi, en: names.en.trim() || fi };
  };
  return { names, setNames, value, reset: () => setNames({ fi: '', sv: '', en: '' }) };
}

export function NameFields({ names, onChange, error, idPrefix }: { names: Names; onChange: (names: Names) => void; error?: string; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="form__row form__row--three">
      <TextField
        id={`${idPrefix}-fi`}
        label={t('administration.nameFi')}
        required
        value={names.fi}
        error={error}
        onChange={(e) => onChange({ ...names, fi: e.target.value })}
      />
      <TextField
        id={`${idPrefix}-sv`}
        label={t('administration.nameSv')}
        hint={t('administration.nameDefaultHint')}
        value={names.sv}
        onChange={(e) => onChange({ ...names, sv: e.target.value })}
      />
      <TextField
        id={`${idPrefix}-en`}
        label={t('administration.nameEn')}
        hint={t('administration.nameDefaultHint')}
        value={names.en}
        onChange={(e) => onChange({ ...names, en: e.target.value })}
      />
    </div>
  );
}
