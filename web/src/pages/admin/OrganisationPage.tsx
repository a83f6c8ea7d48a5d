import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddUnit, useChangeAreaLanguages, useCloseUnit, useCreateArea, useMoveUnit, useOrganisation, useRenameArea, useRenameUnit } from '../../api/admin.js';
import { useMe, type Area, type Unit, type UnitKind } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { Choice, Choices, FormActions, SelectField, TextField } from '../../components/Fields.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { INTL_LOCALES, currentLocale } from '../../i18n/index.js';
import { AdminNav, NameFields, slugOf, useNames, type Names } from './shared.js';
import { DigestControl } from '../settings/DigestControl.js';

const UNIT_KINDS: UnitKind[] = ['healthStation', 'soteCentre', 'oralHealth', 'reception', 'other'];
type AreaLanguage = Area['languages'][number];
const AREA_LANGUAGES: AreaLanguage[] = ['fi', 'sv'];

/** The admin's areas and units: add and rename areas and set their languages; add, rename, move and close units, branches under their unit. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const me = useMe();
  const [message, setMessage] = useState('');

  return (
    <>
      <PageHeading title={t('administration.title')} />
      <AdminNav current="organisation" />
      <p className="lede">{t('administration.organisationIntro')}</p>
      <p role="status" className="status-message">
        {message}
      </p>
      <NewAreaForm onDone={setMessage} />
      {me.data?.can.runDigest && <DigestControl />}
      {organisation.isPending ? (
        <Loading />
      ) : organisation.error ? (
        <ErrorState error={organisation.error} />
      ) : (
        (organisation.areas.data ?? []).map((area) => (
          <AreaPanel key={area.id} area={area} units={organisation.unitsOf(area.id)} areas={organisation.areas.data ?? []} onDone={setMessage} />
        ))
      )}
    </>
  );
}

function NewAreaForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const create = useCreateArea();
  const [languages, setLanguages] = useState<AreaLanguage[]>(['fi']);
  const [error, setError] = useState<string>();
  const [languagesError, setLanguagesError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = names.value();
    const id = name ? slugOf(name.fi) : '';
    setError(!name || !id ? t('form.requiredError') : undefined);
    setLanguagesError(languages.length === 0 ? t('areaLanguages.required') : undefined);
    if (!name || !id || languages.length === 0) return;
    create.mutate(
      { id, name, languages },
      {
        onSuccess: (area) => {
          names.reset();
          setLanguages(['fi']);
          onDone(t('administration.areaAdded', { name: area.name[currentLocale()] }));
        },
      },
    );
  };

  return (
    <form className="form panel" onSubmit={onSubmit} noValidate aria-labelledby="new-area-heading">
      <h2 id="new-area-heading">{t('administration.newArea')}</h2>
      <NameFields idPrefix="new-area" names={names.names} onChange={names.setNames} error={error} />
      <LanguageChoices value={languages} onChange={setLanguages} error={languagesError} />
      <ActionError error={create.error} />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('administration.addArea')}
      </button>
    </form>
  );
}

/** Units in the order the admin reads them: each unit followed by its branches. */
function withBranches(units: Unit[], locale: 'fi' | 'sv' | 'en'): { unit: Unit; branchOf?: Unit }[] {
  const collator = new Intl.Collator(INTL_LOCALES[locale]);
  const byName = (a: Unit, b: Unit) => collator.compare(a.name[locale], b.name[locale]);
  const ids = new Set(units.map((u) => u.id));
  const tops = units.filter((u) => !u.parentId || !ids.has(u.parentId)).sort(byName);
  return tops.flatMap((unit) => [{ unit }, ...units.filter((u) => u.parentId === unit.id).sort(byName).map((branch) => ({ unit: branch, branchOf: unit }))]);
}

type Change = { kind: 'renameArea' | 'areaLanguages' } | { kind: 'rename' | 'move' | 'close'; unit: Unit };

function AreaPanel({ area, units, areas, onDone }: { area: Area; units: Unit[]; areas: Area[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const [change, setChange] = useState<Change | null>(null);
  const headingId = `admin-area-${area.id}`;
  const rows = withBranches(units, locale);
  const done = (message: string) => {
    setChange(null);
    onDone(message);
  };

  return (
    <section className="panel admin-area" aria-labelledby={headingId}>
      <div className="admin-area__header">
        <h2 id={headingId}>{area.name[locale]}</h2>
        <button type="button" className="button button--quiet button--small" onClick={() => setChange({ kind: 'renameArea' })}>
          {t('administration.renameArea')}
          <span className="visually-hidden"> {area.name[locale]}</span>
        </button>
        <span className="muted">{t('areaLanguages.shown', { languages: format.list(area.languages.map((l) => t(`areaLanguages.names.${l}`))) })}</span>
        <button type="button" className="button button--quiet button--small" onClick={() => setChange({ kind: 'areaLanguages' })}>
          {t('areaLanguages.change')}
          <span className="visually-hidden"> {area.name[locale]}</span>
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('administration.noUnits')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('administration.unit')}</th>
                <th scope="col">{t('administration.kind')}</th>
                <th scope="col">{t('administration.municipality')}</th>
                <th scope="col">{t('administration.state')}</th>
                <th scope="col">{t('administration.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ unit, branchOf }) => {
                const name = unit.name[locale];
                return (
                  <tr key={unit.id} className={branchOf ? 'admin-unit--branch' : undefined}>
                    <th scope="row">
                      <Link href={`/units/${unit.id}`}>{name}</Link>
                      {branchOf && <span className="muted"> {t('administration.branchOf', { name: branchOf.name[locale] })}</span>}
                    </th>
                    <td>{t(`unitKinds.${unit.kind}`)}</td>
                    <td>{unit.municipality}</td>
                    <td>{unit.closedAt ? t('administration.closedOn', { date: format.dateTime(unit.closedAt) }) : t('administration.open')}</td>
                    <td>
                      {!unit.closedAt && (
                        <div className="admin-actions">
                          {(['rename', 'move', 'close'] as const).map((kind) => (
                            <button key={kind} type="button" className={`button button--small button--quiet${kind === 'close' ? ' button--danger' : ''}`} onClick={() => setChange({ kind, unit })}>
                              {t(`administration.unitActions.${kind}`)}
                              <span className="visually-hidden"> {name}</span>
                            </button>
                          ))}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewUnitForm area={area} units={units.filter((u) => !u.parentId && !u.closedAt)} onDone={onDone} />
      {change?.kind === 'renameArea' && (
        <RenameDialog
          title={t('administration.renameAreaTitle', { name: area.name[locale] })}
          initial={area.name}
          version={area.version}
          target={{ kind: 'area', id: area.id }}
          onClose={() => setChange(null)}
          onDone={done}
        />
      )}
      {change?.kind === 'areaLanguages' && <LanguagesDialog area={area} onClose={() => setChange(null)} onDone={done} />}
      {change?.kind === 'rename' && (
        <RenameDialog
          title={t('administration.renameUnitTitle', { name: change.unit.name[locale] })}
          initial={change.unit.name}
          version={change.unit.version}
          target={{ kind: 'unit', id: change.unit.id }}
          onClose={() => setChange(null)}
          onDone={done}
        />
      )}
      {change?.kind === 'move' && <MoveDialog unit={change.unit} areas={areas} onClose={() => setChange(null)} onDone={done} />}
      {change?.kind === 'close' && <CloseDialog unit={change.unit} onClose={() => setChange(null)} onDone={done} />}
    </section>
  );
}

function NewUnitForm({ area, units, onDone }: { area: Area; units: Unit[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const names = useNames();
  const [kind, setKind] = useState<UnitKind>('healthStation');
  const [municipality, setMunicipality] = useState('');
  const [parentId, setParentId] = useState('');
  const [errors, setErrors] = useState<{ name?: string; municipality?: string }>({});
  const add = useAddUnit();
  const prefix = `new-unit-${area.id}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = names.value();
    const problems = { name: name ? undefined : t('form.requiredError'), municipality: municipality.trim() ? undefined : t('form.requiredError') };
    setErrors(problems);
    if (!name || problems.municipality) return;
    const unit = { id: slugOf(name.fi), name, kind, municipality: municipality.trim(), ...(parentId ? { parentId } : {}) };
    add.mutate(
      { areaId: area.id, unit },
      {
        onSuccess: (added) => {
          names.reset();
          setMunicipality('');
          setParentId('');
          onDone(t('administration.unitAdded', { name: added.name[locale] }));
        },
      },
    );
  };

  return (
    <form className="form admin-new-unit" onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`}>{t('administration.newUnit', { area: area.name[locale] })}</h3>
      <NameFields idPrefix={prefix} names={names.names} onChange={names.setNames} error={errors.name} />
      <div className="form__row form__row--three">
        <SelectField label={t('administration.kind')} value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`unitKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('administration.municipality')} required value={municipality} error={errors.municipality} onChange={(e) => setMunicipality(e.target.value)} />
        <SelectField label={t('administration.parent')} hint={t('administration.parentHint')} value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t('administration.noParent')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name[locale]}
            </option>
          ))}
        </SelectField>
      </div>
      <ActionError error={add.error} />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('administration.addUnit')}
      </button>
    </form>
  );
}

function RenameDialog({
  title,
  initial,
  version,
  target,
  onClose,
  onDone,
}: {
  title: string;
  initial: Names;
  version: number;
  target: { kind: 'area' | 'unit'; id: string };
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const names = useNames(initial);
  const renameArea = useRenameArea();
  const renameUnit = useRenameUnit();
  const mutation = target.kind === 'area' ? renameArea : renameUnit;
  const [error, setError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = names.value();
    if (!name) return setError(t('form.requiredError'));
    const onSuccess = () => onDone(t('administration.renamed', { name: name[currentLocale()] }));
    if (target.kind === 'area') renameArea.mutate({ areaId: target.id, version, name }, { onSuccess });
    else renameUnit.mutate({ unitId: target.id, version, name }, { onSuccess });
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <NameFields idPrefix={`rename-${target.id}`} names={names.names} onChange={names.setNames} error={error} />
        <ActionError error={mutation.error} />
        <FormActions label={t('administration.saveName')} pending={mutation.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The area's official languages as checkboxes, Finnish first; at least one is needed. */
function LanguageChoices({ value, onChange, error }: { value: AreaLanguage[]; onChange: (languages: AreaLanguage[]) => void; error?: string }) {
  const { t } = useTranslation();
  const label = (language: AreaLanguage) => {
    const name = t(`areaLanguages.names.${language}`);
    return name.charAt(0).toLocaleUpperCase() + name.slice(1);
  };
  return (
    <Choices legend={t('areaLanguages.legend')} hint={t('areaLanguages.hint')} error={error} required>
      {AREA_LANGUAGES.map((language) => (
        <Choice
          key={language}
          type="checkbox"
          label={label(language)}
          checked={value.includes(language)}
          onChange={(e) => onChange(AREA_LANGUAGES.filter((l) => (l === language ? e.target.checked : value.includes(l))))}
        />
      ))}
    </Choices>
  );
}

function LanguagesDialog({ area, onClose, onDone }: { area: Area; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const [languages, setLanguages] = useState<AreaLanguage[]>(AREA_LANGUAGES.filter((l) => area.languages.includes(l)));
  const [error, setError] = useState<string>();
  const change = useChangeAreaLanguages();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (languages.length === 0) return setError(t('areaLanguages.required'));
    setError(undefined);
    const names = format.list(languages.map((l) => t(`areaLanguages.names.${l}`)));
    change.mutate({ areaId: area.id, version: area.version, languages }, { onSuccess: () => onDone(t('areaLanguages.saved', { name: area.name[locale], languages: names })) });
  };

  return (
    <Dialog title={t('areaLanguages.changeTitle', { name: area.name[locale] })} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <LanguageChoices value={languages} onChange={setLanguages} error={error} />
        <ActionError error={change.error} />
        <FormActions label={t('areaLanguages.save')} pending={change.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function MoveDialog({ unit, areas, onClose, onDone }: { unit: Unit; areas: Area[]; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const others = areas.filter((a) => a.id !== unit.areaId);
  const [areaId, setAreaId] = useState(others[0]?.id ?? '');
  const move = useMoveUnit();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const area = others.find((a) => a.id === areaId);
    if (!area) return;
    move.mutate({ unitId: unit.id, version: unit.version, areaId }, { onSuccess: () => onDone(t('administration.moved', { name: unit.name[locale], area: area.name[locale] })) });
  };

  return (
    <Dialog title={t('administration.moveTitle', { name: unit.name[locale] })} onClose={onClose} description={<p>{t('administration.moveIntro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {others.length === 0 ? (
          <p>{t('administration.noOtherAreas')}</p>
        ) : (
          <SelectField label={t('administration.newAreaLabel')} value={areaId} onChange={(e) => setAreaId(e.target.value)}>
            {others.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name[locale]}
              </option>
            ))}
          </SelectField>
        )}
        <ActionError error={move.error} />
        <FormActions label={t('administration.unitActions.move')} pending={move.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function CloseDialog({ unit, onClose, onDone }: { unit: Unit; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const close = useCloseUnit();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ unitId: unit.id, version: unit.version }, { onSuccess: () => onDone(t('administration.closed', { name: unit.name[locale] })) });
  };
  return (
    <Dialog title={t('administration.closeTitle', { name: unit.name[locale] })} onClose={onClose} description={<p>{t('administration.closeIntro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ActionError error={close.error} />
        <FormActions label={t('administration.unitActions.close')} pending={close.isPending} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
