import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeasures } from '../../api/queries.js';
import { useAims, useChangeIdeas, useCreateAim, useCreateChangeIdea, type Aim } from '../../api/pdsa.js';
import { ActionError } from '../../components/ActionError.js';
import { Link } from '../../components/Link.js';
import { SelectField, TextArea, TextField, FormActions } from '../../components/Fields.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';

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

/** "T3 ≤ 3 vrk"-like text for an aim's measure: proportions are stored as fractions and shown as percentages. */
function useAimMeasureText() {
  const { t } = useTranslation();
  const format = useFormat();
  const measures = useMeasures();
  const locale = currentLocale();
  return ({ measureKey, target }: Aim['measures'][number]) => {
    const measure = measures.data?.find((m) => m.key === measureKey);
    if (!measure) return `${measureKey} ${t('aims.targetValue', { value: format.number(target) })}`;
    const value =
      measure.valueKind === 'proportion'
        ? format.number(target, { style: 'percent', maximumFractionDigits: 1 })
        : `${format.number(target)} ${measure.unitLabel[locale]}`;
    return `${measure.name[locale]} ${t('aims.targetValue', { value })}`;
  };
}

function AimList({ unitId, canEdit }: { unitId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const aims = useAims(unitId);
  const measureText = useAimMeasureText();
  const [adding, setAdding] = useState(false);
  return (
    <div className="panel">
      <h3 id="aims-heading">{t('aims.title')}</h3>
      {aims.isPending ? (
        <Loading />
      ) : aims.isError ? (
        <ErrorState error={aims.error} onRetry={() => void aims.refetch()} />
      ) : aims.data.length === 0 ? (
        <p className="muted">{t('aims.empty')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="aims-heading">
          {aims.data.map((aim) => (
            <li key={aim.id} className="plain-list__item">
              <p className="plain-list__title">{aim.statement}</p>
              <p className="plain-list__meta">
                {t('aims.targetDate')}: <time dateTime={aim.targetDate}>{format.date(aim.targetDate)}</time>
                {aim.measures.length > 0 && (
                  <>
                    <span aria-hidden="true"> · </span>
                    {t('aims.measures')}:{' '}
                    {format.list(aim.measures.map(measureText))}
                  </>
                )}
              </p>
              <p className="plain-list__meta">
                <Link href={`/units/${unitId}/aims/${aim.id}/drivers`} aria-label={t('drivers.aimLinkLabel', { aim: aim.statement })}>{t('drivers.aimLink')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        (adding ? (
          <NewAimForm unitId={unitId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setAdding(true)}>
            <span aria-hidden="true" className="button__glyph">+</span>
            {t('aims.add')}
          </button>
        ))}
    </div>
  );
}

function NewAimForm({ unitId, onDone }: { unitId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const measures = useMeasures();
  const create = useCreateAim(unitId);
  const [statement, setStatement] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [measureKey, setMeasureKey] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<{ statement?: string; targetDate?: string; target?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!statement.trim()) problems.statement = t('form.requiredError');
    if (!targetDate) problems.targetDate = t('form.requiredError');
    const targetValue = Number(target.replace(',', '.'));
    if (measureKey && (target.trim() === '' || !Number.isFinite(targetValue))) problems.target = t('aims.targetError');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const proportion = measures.data?.find((m) => m.key === measureKey)?.valueKind === 'proportion';
    const aimMeasures: Aim['measures'] = measureKey ? [{ measureKey, target: proportion ? targetValue / 100 : targetValue }] : [];
    create.mutate({ statement: statement.trim(), targetDate, measures: aimMeasures }, { onSuccess: onDone });
  };

  return (
    <form className="form form--inset" onSubmit={onSubmit} noValidate aria-labelledby="new-aim-heading">
      <h4 id="new-aim-heading">{t('aims.add')}</h4>
      <TextArea label={t('aims.statement')} hint={t('aims.statementHint')} required value={statement} onChange={(e) => setStatement(e.target.value)} error={errors.statement} rows={2} />
      <TextField label={t('aims.targetDate')} type="date" required value={targetDate} onChange={(e) => setTargetDate(e.target.value)} error={errors.targetDate} />
      <div className="form__row">
        <SelectField label={t('aims.measure')} value={measureKey} onChange={(e) => setMeasureKey(e.target.value)}>
          <option value="">{t('newCycle.none')}</option>
          {measures.data?.map((m) => (
            <option key={m.key} value={m.key}>
              {m.name[locale]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('aims.target')}
          hint={measureKey ? measures.data?.find((m) => m.key === measureKey)?.unitLabel[locale] : undefined}
          inputMode="decimal"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          disabled={!measureKey}
          error={errors.target}
        />
      </div>
      <ActionError error={create.error} />
      <FormActions label={t('aims.save')} pending={create.isPending} onCancel={onDone} />
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
