import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminAudit, useAdminPeople, useOrganisation, type AdminAuditEntry, type AuditQuery } from '../../api/admin.js';
import { FormActions, SelectField, TextField } from '../../components/Fields.js';
import { PageHeading } from '../../components/PageHeading.js';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { AdminNav } from './shared.js';

const KINDS = ['area', 'unit', 'person', 'role', 'catalogueMeasure'] as const;

/** What admins changed in the organisation: who changed what from what to what, filtered by unit, person, kind and days. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const organisation = useOrganisation();
  const people = useAdminPeople();
  const [draft, setDraft] = useState<Record<'unitId' | 'personId' | 'kind' | 'from' | 'to', string>>({ unitId: '', personId: '', kind: '', from: '', to: '' });
  const [query, setQuery] = useState<AuditQuery>({});
  const audit = useAdminAudit(query);
  const units = (organisation.areas.data ?? []).flatMap((area) => organisation.unitsOf(area.id));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as AuditQuery);
  };
  const clear = () => {
    setDraft({ unitId: '', personId: '', kind: '', from: '', to: '' });
    setQuery({});
  };
  const set = (field: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value }));

  return (
    <>
      <PageHeading title={t('administration.auditTitle')} />
      <AdminNav current="audit" />
      <p className="lede">{t('administration.auditIntro')}</p>
      <form className="form panel" onSubmit={onSubmit} noValidate aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading">{t('administration.filter')}</h2>
        <div className="form__row form__row--three">
          <SelectField label={t('administration.unit')} value={draft.unitId} onChange={set('unitId')}>
            <option value="">{t('administration.all')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name[locale]}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('administration.person')} value={draft.personId} onChange={set('personId')}>
            <option value="">{t('administration.all')}</option>
            {(people.data ?? []).map((p) => (
              <option key={p.person.id} value={p.person.id}>
                {p.person.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('administration.kindOfChange')} value={draft.kind} onChange={set('kind')}>
            <option value="">{t('administration.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`administration.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__row">
          <TextField label={t('administration.from')} type="date" value={draft.from} onChange={set('from')} />
          <TextField label={t('administration.to')} type="date" value={draft.to} onChange={set('to')} />
        </div>
        <FormActions label={t('administration.applyFilter')} pending={false} onCancel={clear} />
      </form>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('administration.changes')}</h2>
        {audit.isPending ? (
          <Loading />
        ) : audit.isError ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : audit.data.items.length === 0 ? (
          <EmptyState title={t('administration.noChanges')}>
            <p>{t('administration.noChangesBody')}</p>
          </EmptyState>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="audit-heading" tabIndex={0}>
            <table className="table admin-audit">
              <thead>
                <tr>
                  <th scope="col">{t('administration.when')}</th>
                  <th scope="col">{t('administration.who')}</th>
                  <th scope="col">{t('administration.what')}</th>
                  <th scope="col">{t('administration.change')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** A stored value in words: names in the reader's language, roles by their name, anything else as text. */
function useValueText() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return function text(value: unknown): string {
    if (value === null || value === undefined || value === '') return '–';
    if (typeof value === 'object' && value && locale in value) return String((value as Record<string, unknown>)[locale]);
    if (typeof value === 'object' && value && 'role' in value) {
      const v = value as { role: string; unitId?: string; areaId?: string };
      return [t(`roles.${v.role as 'admin'}`), v.unitId ?? v.areaId].filter(Boolean).join(': ');
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
}

function AuditRow({ entry }: { entry: AdminAuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useValueText();
  return (
    <tr>
      <td>{format.dateTime(entry.at)}</td>
      <td>{entry.actor.name}</td>
      <th scope="row">
        {t(`administration.kinds.${entry.entity.type}`)}: {entry.entity.id}
        <span className="muted"> ({t(`administration.auditActions.${entry.action as 'create'}`, { defaultValue: entry.action })})</span>
      </th>
      <td>
        <ul className="admin-audit__changes">
          {entry.changes.map((c) => (
            <li key={c.field}>
              <span className="admin-audit__field">{c.field}</span>: {text(c.from)} → {text(c.to)}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
