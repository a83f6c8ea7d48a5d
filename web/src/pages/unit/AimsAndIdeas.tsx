import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { helsinkiDate } from '../../../../functions/domain/helsinki-calendar.js';
import { useUnitMeasures } from '../../api/measurements.js';
import { useAims, useChangeAim, useChangeIdeas, useCloseAim, useCreateAim, useCreateChangeIdea, type Aim } from '../../api/pdsa.js';
import { ActionError } from '../../components/ActionError.js';
import { Link } from '../../components/Link.js';
import { withUnit } from '../../components/chart/index.js';
import { SelectField, TextArea, TextField, FormActions } from '../../components/Fields.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { currentFields, measureName } from '../measures/shared.js';
import '../../styles/unitsetup.css';

/** The unit's aims and the change ideas it may test, each list with its "add" form. */
export function AimsAndIdeas({ unitId, canEdit }: { unitId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="aims-ideas" aria-labelledby="aims-ideas-heading">
      <h2 id="aims-ideas-heading">{t('aims.sectionTitle')}</h2>
      <div className="two-columns">
        <AimList unitId={unitId} canEdit={canEdit} />
        <IdeaList unitId={unitId} canEdit={canEdit} />
      </div>
    </section>
  );
}

/** "T3 (tulosmittari), tavoitetaso 7 vrk": the role and the unit measure's own target, the one the chart shows. */
function useAimMeasureText(unitId: string) {
  const { t } = useTranslation();
  const format = useFormat();
  const measures = useUnitMeasures(unitId);
  const locale = currentLocale();
  return ({ measureKey, role }: Aim['measures'][number]) => {
    const measure = measures.data?.find((m) => m.key === measureKey);
    const name = measure ? measureName(measure, locale) : measureKey;
    const target = measure?.target
      ? t('unitSetup.aims.target', { value: withUnit(format.number(measure.target.value), currentFields(measure).unitLabel[locale]) })
      : t('unitSetup.aims.noTarget');
    return `${name} (${t(`measures.types.${role}`).toLocaleLowerCase(locale)}), ${target}`;
  };
}

function AimList({ unitId, canEdit }: { unitId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const aims = useAims(unitId);
  const measureText = useAimMeasureText(unitId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string>();
  // Open aims first; closed ones stay below with their cycles.
  const sorted = aims.data ? [...aims.data].sort((a, b) => Number(Boolean(a.closedAt)) - Number(Boolean(b.closedAt))) : [];
  return (
    <div className="panel">
      <h3 id="aims-heading">{t('aims.title')}</h3>
      {aims.isPending ? (
        <Loading />
      ) : aims.isError ? (
        <ErrorState error={aims.error} onRetry={() => void aims.refetch()} />
      ) : sorted.length === 0 ? (
        <p className="muted">{t('aims.empty')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="aims-heading">
          {sorted.map((aim) => (
            <li key={aim.id} className={aim.closedAt ? 'plain-list__item aim--closed' : 'plain-list__item'}>
              {editing === aim.id ? (
                <AimForm unitId={unitId} aim={aim} onDone={() => setEditing(undefined)} />
              ) : (
                <>
                  <p className="plain-list__title">
                    {aim.statement}
                    {aim.closedAt && (
                      <>
                        {' '}
                        <span className="unit-setup__mark">{t('unitSetup.aims.closed', { date: format.date(helsinkiDate(new Date(aim.closedAt))) })}</span>
                      </>
                    )}
                  </p>
                  <p className="plain-list__meta">
                    {t('aims.targetDate')}: <time dateTime={aim.targetDate}>{format.date(aim.targetDate)}</time>
                  </p>
                  {aim.measures.length > 0 && (
                    <ul className="aim-measures" aria-label={t('unitSetup.aims.measuresTitle')}>
                      {aim.measures.map((m) => (
                        <li key={m.measureKey}>{measureText(m)}</li>
                      ))}
                    </ul>
                  )}
                  <p className="plain-list__meta">
                    <Link href={`/units/${unitId}/aims/${aim.id}/drivers`} aria-label={t('drivers.aimLinkLabel', { aim: aim.statement })}>{t('drivers.aimLink')}</Link>
                  </p>
                  {canEdit && !aim.closedAt && <AimActions unitId={unitId} aim={aim} onEdit={() => setEditing(aim.id)} />}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        (adding ? (
          <AimForm unitId={unitId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setAdding(true)}>
            <span aria-hidden="true" className="button__glyph">+</span>
            {t('aims.add')}
          </button>
        ))}
    </div>
  );
}

/** Edit, or close after a confirmation: a closed aim cannot be changed any more. */
function AimActions({ unitId, aim, onEdit }: { unitId: string; aim: Aim; onEdit: () => void }) {
  const { t } = useTranslation();
  const close = useCloseAim(unitId);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="aim-actions">
      {confirming ? (
        <div role="group" aria-label={t('unitSetup.aims.closeLabel', { statement: aim.statement })}>
          <p>{t('unitSetup.aims.closeConfirm')}</p>
          <ActionError error={close.error} />
          <div className="form__actions">
            <button type="button" className="button" disabled={close.isPending} onClick={() => close.mutate({ aimId: aim.id, version: aim.version })}>
              {t('unitSetup.aims.confirmClose')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              {t('unitSetup.aims.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <button type="button" className="button button--quiet" onClick={onEdit} aria-label={`${t('unitSetup.aims.edit')}: ${aim.statement}`}>
            {t('unitSetup.aims.edit')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirming(true)} aria-label={t('unitSetup.aims.closeLabel', { statement: aim.statement })}>
            {t('unitSetup.aims.close')}
          </button>
        </>
      )}
    </div>
  );
}

type AimMeasureRole = Aim['measures'][number]['role'];
/** The IHI model's roles, in the order a form offers them (the domain's schema stays out of the bundle). */
const AIM_MEASURE_ROLES: readonly AimMeasureRole[] = ['outcome', 'process', 'balancing'];
type MeasureRow = { measureKey: string; role: AimMeasureRole };

/** A new aim, or an aim's changes: its statement, date, and the unit's measures with their roles (several per aim). */
function AimForm({ unitId, aim, onDone }: { unitId: string; aim?: Aim; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const measures = useUnitMeasures(unitId);
  const create = useCreateAim(unitId);
  const change = useChangeAim(unitId);
  const save = aim ? change : create;
  const [statement, setStatement] = useState(aim?.statement ?? '');
  const [targetDate, setTargetDate] = useState(aim?.targetDate ?? '');
  const [rows, setRows] = useState<MeasureRow[]>(aim ? aim.measures.map((m) => ({ ...m })) : [{ measureKey: '', role: 'outcome' }]);
  const [errors, setErrors] = useState<{ statement?: string; targetDate?: string; rows?: Record<number, string> }>({});
  const headingId = useId();
  // The unit's tracked measures, and any the aim named before the unit stopped tracking it.
  const choices = (measures.data ?? []).filter((m) => !m.stoppedAt || aim?.measures.some((a) => a.measureKey === m.key));
  const setRow = (i: number, patch: Partial<MeasureRow>) => setRows(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!statement.trim()) problems.statement = t('form.requiredError');
    if (!targetDate) problems.targetDate = t('form.requiredError');
    const chosen = rows.filter((r) => r.measureKey);
    const twice = Object.fromEntries(
      rows.flatMap((r, i) => (r.measureKey && rows.findIndex((o) => o.measureKey === r.measureKey) < i ? [[i, t('unitSetup.aims.measureTwice')]] : [])),
    );
    if (Object.keys(twice).length > 0) problems.rows = twice;
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const body = { statement: statement.trim(), targetDate, measures: chosen };
    if (aim) change.mutate({ aimId: aim.id, version: aim.version, changes: body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  };

  return (
    <form className="form form--inset" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h4 id={headingId}>{aim ? t('unitSetup.aims.editTitle') : t('aims.add')}</h4>
      <TextArea label={t('aims.statement')} hint={t('aims.statementHint')} required value={statement} onChange={(e) => setStatement(e.target.value)} error={errors.statement} rows={2} />
      <TextField label={t('aims.targetDate')} type="date" required value={targetDate} onChange={(e) => setTargetDate(e.target.value)} error={errors.targetDate} />
      <fieldset className="aim-form__measures">
        <legend>{t('unitSetup.aims.measuresTitle')}</legend>
        <p className="field__hint">{choices.length > 0 ? t('unitSetup.aims.roleHint') : t('unitSetup.aims.noMeasures')}</p>
        {choices.length > 0 &&
          rows.map((row, i) => (
            <div className="form__row" key={i}>
              <SelectField label={t('unitSetup.aims.measureN', { n: i + 1 })} value={row.measureKey} error={errors.rows?.[i]} onChange={(e) => setRow(i, { measureKey: e.target.value })}>
                <option value="">{t('newCycle.none')}</option>
                {choices.map((m) => (
                  <option key={m.key} value={m.key}>
                    {measureName(m, locale)}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('unitSetup.aims.role')} value={row.role} onChange={(e) => setRow(i, { role: e.target.value as AimMeasureRole })}>
                {AIM_MEASURE_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`measures.types.${role}`)}
                  </option>
                ))}
              </SelectField>
              {rows.length > 1 && (
                <button type="button" className="button button--quiet aim-form__remove" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t('unitSetup.aims.removeMeasure', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
        {choices.length > 0 && rows.length < 20 && (
          <button type="button" className="button button--quiet" onClick={() => setRows([...rows, { measureKey: '', role: 'process' }])}>
            <span aria-hidden="true" className="button__glyph">+</span>
            {t('unitSetup.aims.addMeasure')}
          </button>
        )}
      </fieldset>
      <ActionError error={save.error} />
      <FormActions label={aim ? t('unitSetup.aims.save') : t('aims.save')} pending={save.isPending} onCancel={onDone} />
    </form>
  );
}

function IdeaList({ unitId, canEdit }: { unitId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const ideas = useChangeIdeas(unitId);
  const aims = useAims(unitId);
  const [adding, setAdding] = useState(false);
  return (
    <div className="panel">
      <h3 id="ideas-heading">{t('ideas.title')}</h3>
      {ideas.isPending ? (
        <Loading />
      ) : ideas.isError ? (
        <ErrorState error={ideas.error} onRetry={() => void ideas.refetch()} />
      ) : ideas.data.length === 0 ? (
        <p className="muted">{t('ideas.empty')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="ideas-heading">
          {ideas.data.map((idea) => {
            const aim = aims.data?.find((a) => a.id === idea.aimId);
            return (
              <li key={idea.id} className="plain-list__item">
                <p className="plain-list__title">{idea.title}</p>
                {idea.description && <p className="plain-list__text">{idea.description}</p>}
                {aim && (
                  <p className="plain-list__meta">
                    {t('ideas.aim')}: {aim.statement}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit &&
        (adding ? (
          <NewIdeaForm unitId={unitId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setAdding(true)}>
            <span aria-hidden="true" className="button__glyph">+</span>
            {t('ideas.add')}
          </button>
        ))}
    </div>
  );
}

function NewIdeaForm({ unitId, onDone }: { unitId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const aims = useAims(unitId);
  const create = useCreateChangeIdea(unitId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [aimId, setAimId] = useState('');
  const [error, setError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('form.requiredError'));
      return;
    }
    setError(undefined);
    create.mutate({ title: title.trim(), description, aimId: aimId || null }, { onSuccess: onDone });
  };

  return (
    <form className="form form--inset" onSubmit={onSubmit} noValidate aria-labelledby="new-idea-heading">
      <h4 id="new-idea-heading">{t('ideas.add')}</h4>
      <TextField label={t('ideas.ideaTitle')} required value={title} onChange={(e) => setTitle(e.target.value)} error={error} maxLength={200} />
      <TextArea label={t('ideas.description')} value={description} onChange={(e) => setDescription(e.target.value)} />
      <SelectField label={t('ideas.aim')} value={aimId} onChange={(e) => setAimId(e.target.value)}>
        <option value="">{t('newCycle.none')}</option>
        {aims.data?.map((aim) => (
          <option key={aim.id} value={aim.id}>
            {aim.statement}
          </option>
        ))}
      </SelectField>
      <ActionError error={create.error} />
      <FormActions label={t('ideas.save')} pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
