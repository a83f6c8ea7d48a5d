import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddPerson, useAdminPeople, useDeactivatePerson, useGrantRole, useOrganisation, useRevokeRole, type AdminPerson, type RoleGrant } from '../../api/admin.js';
import type { Area, Unit } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { FormActions, SelectField, TextField } from '../../components/Fields.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { LOCALES, LOCALE_NAMES, currentLocale, type Locale } from '../../i18n/index.js';
import { AdminNav } from './shared.js';

type Membership = AdminPerson['memberships'][number];
type Places = { areas: Area[]; unitsOf: (areaId: string) => Unit[] };

/** The admin's people: add a person, give and remove roles per unit or area, deactivate a person. */
export function PeoplePage() {
  const { t } = useTranslation();
  const people = useAdminPeople();
  const organisation = useOrganisation();
  const [message, setMessage] = useState('');
  const [grantTo, setGrantTo] = useState<AdminPerson | null>(null);
  const [deactivate, setDeactivate] = useState<AdminPerson | null>(null);
  const places: Places = { areas: organisation.areas.data ?? [], unitsOf: organisation.unitsOf };

  return (
    <>
      <PageHeading title={t('administration.peopleTitle')} />
      <AdminNav current="people" />
      <p className="lede">{t('administration.peopleIntro')}</p>
      <p role="status" className="status-message">
        {message}
      </p>
      <AddPersonForm onDone={setMessage} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t('administration.everyone')}</h2>
        {people.isPending || organisation.isPending ? (
          <Loading />
        ) : people.isError ? (
          <ErrorState error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="people-heading" tabIndex={0}>
            <table className="table admin-people">
              <thead>
                <tr>
                  <th scope="col">{t('administration.person')}</th>
                  <th scope="col">{t('administration.language')}</th>
                  <th scope="col">{t('administration.roles')}</th>
                  <th scope="col">{t('administration.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {people.data.map((p) => (
                  <PersonRow key={p.person.id} entry={p} places={places} onGrant={() => setGrantTo(p)} onDeactivate={() => setDeactivate(p)} onDone={setMessage} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {grantTo && (
        <GrantRoleDialog
          entry={grantTo}
          places={places}
          onClose={() => setGrantTo(null)}
          onDone={(m) => {
            setGrantTo(null);
            setMessage(m);
          }}
        />
      )}
      {deactivate && (
        <DeactivateDialog
          entry={deactivate}
          onClose={() => setDeactivate(null)}
          onDone={(m) => {
            setDeactivate(null);
            setMessage(m);
          }}
        />
      )}
    </>
  );
}

function AddPersonForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<Locale>('fi');
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const add = useAddPerson();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      name: name.trim() ? undefined : t('form.requiredError'),
      email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : t('administration.emailError'),
    };
    setErrors(problems);
    if (problems.name || problems.email) return;
    add.mutate(
      { name: name.trim(), email: email.trim(), locale },
      {
        onSuccess: (added) => {
          setName('');
          setEmail('');
          onDone(t('administration.personAdded', { name: added.person.name }));
        },
      },
    );
  };

  return (
    <form className="form panel" onSubmit={onSubmit} noValidate aria-labelledby="add-person-heading">
      <h2 id="add-person-heading">{t('administration.addPerson')}</h2>
      <p className="field__hint">{t('administration.addPersonHint')}</p>
      <div className="form__row form__row--three">
        <TextField label={t('administration.personName')} required autoComplete="off" value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        <TextField label={t('administration.email')} type="email" required autoComplete="off" value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        <SelectField label={t('administration.language')} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </SelectField>
      </div>
      <ActionError error={add.error} />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('administration.addPersonButton')}
      </button>
    </form>
  );
}

/** Where a role is held, in words: the unit's or area's name. */
function usePlaceName(places: Places) {
  const locale = currentLocale();
  return (m: Membership): string | null => {
    if (m.role === 'admin') return null;
    const area = places.areas.find((a) => a.id === m.areaId);
    if (m.role === 'leader') return area?.name[locale] ?? m.areaId;
    return places.unitsOf(m.areaId).find((u) => u.id === m.unitId)?.name[locale] ?? m.unitId;
  };
}

const grantOf = (m: Membership): RoleGrant =>
  m.role === 'admin' ? { role: 'admin' } : m.role === 'leader' ? { role: 'leader', areaId: m.areaId } : { role: m.role, unitId: m.unitId };

function PersonRow({ entry, places, onGrant, onDeactivate, onDone }: { entry: AdminPerson; places: Places; onGrant: () => void; onDeactivate: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const placeName = usePlaceName(places);
  const revoke = useRevokeRole();
  const { person, memberships } = entry;
  const roleLabel = (m: Membership) => {
    const place = placeName(m);
    return place ? `${t(`roles.${m.role}`)}: ${place}` : t(`roles.${m.role}`);
  };

  return (
    <tr>
      <th scope="row">
        {person.name}
        <span className="muted admin-people__email">{person.email}</span>
      </th>
      <td>{LOCALE_NAMES[person.locale]}</td>
      <td>
        {person.deactivatedAt ? (
          <p>{t('administration.deactivatedOn', { date: format.dateTime(person.deactivatedAt) })}</p>
        ) : memberships.length === 0 ? (
          <p className="muted">{t('administration.noRoles')}</p>
        ) : (
          <ul className="admin-roles">
            {memberships.map((m) => (
              <li key={`${m.role}-${'unitId' in m ? m.unitId : 'areaId' in m ? m.areaId : 'org'}`}>
                {roleLabel(m)}{' '}
                <button
                  type="button"
                  className="button button--quiet button--small"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ personId: person.id, grant: grantOf(m) }, { onSuccess: () => onDone(t('administration.roleRemoved', { role: roleLabel(m), name: person.name })) })}
                >
                  {t('administration.removeRole')}
                  <span className="visually-hidden">
                    {' '}
                    {roleLabel(m)}, {person.name}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <ActionError error={revoke.error} />
      </td>
      <td>
        {!person.deactivatedAt && (
          <div className="admin-actions">
            <button type="button" className="button button--small" onClick={onGrant}>
              {t('administration.giveRole')}
              <span className="visually-hidden"> {person.name}</span>
            </button>
            <button type="button" className="button button--quiet button--small button--danger" onClick={onDeactivate}>
              {t('administration.deactivate')}
              <span className="visually-hidden"> {person.name}</span>
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

const ROLE_CHOICES = ['supervisor', 'coach', 'leader', 'admin'] as const;

function GrantRoleDialog({ entry, places, onClose, onDone }: { entry: AdminPerson; places: Places; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const grant = useGrantRole();
  const [role, setRole] = useState<(typeof ROLE_CHOICES)[number]>('supervisor');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<string>();
  const needsUnit = role === 'supervisor' || role === 'coach';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (role !== 'admin' && !place) return setError(t('form.requiredError'));
    const chosen: RoleGrant = role === 'admin' ? { role } : role === 'leader' ? { role, areaId: place } : { role, unitId: place };
    grant.mutate({ personId: entry.person.id, grant: chosen }, { onSuccess: () => onDone(t('administration.roleGiven', { role: t(`roles.${role}`), name: entry.person.name })) });
  };

  return (
    <Dialog title={t('administration.giveRoleTitle', { name: entry.person.name })} onClose={onClose} description={<p>{t('administration.giveRoleIntro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField
          label={t('administration.role')}
          value={role}
          onChange={(e) => {
            setRole(e.target.value as (typeof ROLE_CHOICES)[number]);
            setPlace('');
          }}
        >
          {ROLE_CHOICES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        {role !== 'admin' && (
          <SelectField label={needsUnit ? t('administration.unit') : t('administration.area')} required value={place} error={error} onChange={(e) => setPlace(e.target.value)}>
            <option value="">{t('administration.choose')}</option>
            {needsUnit
              ? places.areas.map((area) => (
                  <optgroup key={area.id} label={area.name[locale]}>
                    {places
                      .unitsOf(area.id)
                      .filter((u) => !u.closedAt)
                      .map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name[locale]}
                        </option>
                      ))}
                  </optgroup>
                ))
              : places.areas.map((area) => (
                  <option key={area.id} value={area.id}>
                    {area.name[locale]}
                  </option>
                ))}
          </SelectField>
        )}
        <ActionError error={grant.error} />
        <FormActions label={t('administration.giveRole')} pending={grant.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function DeactivateDialog({ entry, onClose, onDone }: { entry: AdminPerson; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const deactivate = useDeactivatePerson();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    deactivate.mutate({ personId: entry.person.id, version: entry.person.version }, { onSuccess: () => onDone(t('administration.deactivated', { name: entry.person.name })) });
  };
  return (
    <Dialog title={t('administration.deactivateTitle', { name: entry.person.name })} onClose={onClose} description={<p>{t('administration.deactivateIntro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ActionError error={deactivate.error} />
        <FormActions label={t('administration.deactivate')} pending={deactivate.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
