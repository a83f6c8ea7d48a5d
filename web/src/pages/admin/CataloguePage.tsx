import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addPeriods, periodOf } from '../../../../functions/domain/period-calendar.js';
import {
  useAddCatalogueMeasure,
  useAdminCatalogue,
  usePublishCatalogueVersion,
  type CatalogueDefinition,
  type CatalogueEntry,
  type NewCatalogueMeasure,
} from '../../api/catalogue.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { FormActions, SelectField, TextArea, TextField } from '../../components/Fields.js';
import { PageHeading } from '../../components/PageHeading.js';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { LOCALES, currentLocale, type Locale } from '../../i18n/index.js';
import { AdminNav } from './shared.js';
import '../../styles/catalogue.css';

const TYPES = ['outcome', 'process', 'balancing'] as const;
const VALUE_KINDS = ['days', 'proportion', 'count', 'rate', 'score'] as const;
const CHARTS = ['run', 'i', 'mr', 'p', 'u', 'c'] as const;
const TEXTS = ['name', 'definition', 'unitLabel'] as const;
type Texts = Record<Locale, string>;

/** A definition as the form edits it: every number as typed. */
type Draft = {
  key: string;
  name: Texts;
  definition: Texts;
  unitLabel: Texts;
  type: (typeof TYPES)[number];
  valueKind: (typeof VALUE_KINDS)[number];
  better: 'lower' | 'higher';
  frequency: 'weekly' | 'monthly';
  chart: (typeof CHARTS)[number];
  min: string;
  max: string;
  multiply: string;
  source: string;
};

const emptyTexts = (): Texts => ({ fi: '', sv: '', en: '' });
const EMPTY: Draft = {
  key: '', name: emptyTexts(), definition: emptyTexts(), unitLabel: emptyTexts(), type: 'process', valueKind: 'count', better: 'higher',
  frequency: 'weekly', chart: 'run', min: '0', max: '', multiply: '1', source: '',
};

function draftOf(d: CatalogueDefinition): Draft {
  return {
    key: d.key, name: { ...d.name }, definition: { ...d.definition }, unitLabel: { ...d.unitLabel }, type: d.type, valueKind: d.valueKind, better: d.better,
    frequency: d.frequency, chart: d.chart, min: String(d.validRange.min), max: String(d.validRange.max), multiply: String(d.multiply), source: d.source,
  };
}

/** A number as typed, with a decimal comma or point; what the API cannot read it refuses with the field named. */
const numberOf = (text: string) => Number(text.trim().replace(',', '.'));
const trimmed = (texts: Texts): Texts => ({ fi: texts.fi.trim(), sv: texts.sv.trim(), en: texts.en.trim() });

function definitionOf(draft: Draft): NewCatalogueMeasure {
  return {
    key: draft.key.trim(), name: trimmed(draft.name), definition: trimmed(draft.definition), unitLabel: trimmed(draft.unitLabel), type: draft.type,
    valueKind: draft.valueKind, better: draft.better, frequency: draft.frequency, chart: draft.chart,
    validRange: { min: numberOf(draft.min), max: numberOf(draft.max) }, multiply: numberOf(draft.multiply), source: draft.source.trim(),
  };
}

/** The admin's measure catalogue: every definition in three languages with its history; add a measure; publish a new version. */
export function CataloguePage() {
  const { t } = useTranslation();
  const catalogue = useAdminCatalogue();
  const [message, setMessage] = useState('');
  const [adding, setAdding] = useState(false);
  const [publishing, setPublishing] = useState<CatalogueEntry>();
  const done = (text: string) => {
    setAdding(false);
    setPublishing(undefined);
    setMessage(text);
  };

  return (
    <>
      <PageHeading title={t('catalogue.title')} />
      <AdminNav current="catalogue" />
      <p className="lede">{t('catalogue.intro')}</p>
      <p role="status" className="status-message">
        {message}
      </p>
      <p>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t('catalogue.addTitle')}
        </button>
      </p>
      <section aria-labelledby="catalogue-heading">
        <h2 id="catalogue-heading">{t('catalogue.measures')}</h2>
        {catalogue.isPending ? (
          <Loading />
        ) : catalogue.isError ? (
          <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
        ) : catalogue.data.length === 0 ? (
          <EmptyState title={t('catalogue.measures')}>
            <p>{t('catalogue.addTitle')}</p>
          </EmptyState>
        ) : (
          catalogue.data.map((entry) => <CatalogueMeasure key={entry.key} entry={entry} onPublish={() => setPublishing(entry)} />)
        )}
      </section>
      {adding && <AddMeasureDialog onClose={() => setAdding(false)} onDone={done} />}
      {publishing && <PublishDialog entry={publishing} onClose={() => setPublishing(undefined)} onDone={done} />}
    </>
  );
}

function CatalogueMeasure({ entry, onPublish }: { entry: CatalogueEntry; onPublish: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const d = entry.current;
  const headingId = `catalogue-${entry.key}`;
  return (
    <article className="panel catalogue-measure" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {d.name[locale]} <span className="muted">({entry.key})</span>
      </h3>
      <p>{t('catalogue.currentVersion', { version: d.definitionVersion })}</p>
      <dl className="catalogue-measure__facts">
        <dt>{t('catalogue.fields.type')}</dt>
        <dd>{t(`measures.types.${d.type}`)}</dd>
        <dt>{t('catalogue.fields.valueKind')}</dt>
        <dd>{t(`catalogue.valueKinds.${d.valueKind}`)}</dd>
        <dt>{t('catalogue.fields.better')}</dt>
        <dd>{t(`measures.betterWhen.${d.better}`)}</dd>
        <dt>{t('catalogue.fields.frequency')}</dt>
        <dd>{t(`measures.frequencies.${d.frequency}`)}</dd>
        <dt>{t('catalogue.fields.chart')}</dt>
        <dd>{t(`chart.kinds.${d.chart}`)}</dd>
        <dt>{t('catalogue.fields.validRange')}</dt>
        <dd>{t('catalogue.rangeValue', { min: format.number(d.validRange.min), max: format.number(d.validRange.max) })}</dd>
        <dt>{t('catalogue.fields.multiply')}</dt>
        <dd>{format.number(d.multiply)}</dd>
        <dt>{t('catalogue.fields.source')}</dt>
        <dd>{d.source || '–'}</dd>
      </dl>
      {LOCALES.map((language) => (
        <details key={language} open={language === locale}>
          <summary>{t(`catalogue.inLanguage.${language}`)}</summary>
          <dl>
            <dt>{t('catalogue.fields.name')}</dt>
            <dd lang={language}>{d.name[language]}</dd>
            <dt>{t('catalogue.fields.unitLabel')}</dt>
            <dd lang={language}>{d.unitLabel[language]}</dd>
            <dt>{t('catalogue.fields.definition')}</dt>
            <dd lang={language}>{d.definition[language]}</dd>
          </dl>
        </details>
      ))}
      <h4>{t('catalogue.history')}</h4>
      <ol className="catalogue-measure__history">
        {entry.versions.map((v) => (
          <li key={v.definitionVersion}>
            {v.change ? (
              <>
                {t('catalogue.versionLine', { version: v.definitionVersion, period: format.period(v.change.validFrom), reason: v.change.reason })}
                <span className="muted">
                  {' '}
                  {t('catalogue.versionBy', {
                    name: v.change.publishedBy.name,
                    date: format.dateTime(v.change.publishedAt),
                    fields: v.change.changedFields.map((f) => t(`catalogue.fields.${f as 'name'}`, { defaultValue: f })).join(', '),
                  })}
                </span>
              </>
            ) : (
              t('catalogue.firstVersion')
            )}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small" onClick={onPublish}>
        {t('catalogue.publish')}
        <span className="visually-hidden">: {d.name[locale]}</span>
      </button>
    </article>
  );
}

/** The definition's fields: texts in three languages, then the kind of measure and its numbers. */
function DefinitionFields({ draft, onChange, isNew }: { draft: Draft; onChange: (draft: Draft) => void; isNew: boolean }) {
  const { t } = useTranslation();
  const set = <K extends keyof Draft>(field: K) => (value: Draft[K]) => onChange({ ...draft, [field]: value });
  const setText = (field: (typeof TEXTS)[number], language: Locale) => (value: string) => onChange({ ...draft, [field]: { ...draft[field], [language]: value } });
  return (
    <>
      {isNew && (
        <TextField label={t('catalogue.fields.key')} hint={t('catalogue.keyHint')} required value={draft.key} maxLength={64} onChange={(e) => set('key')(e.target.value)} />
      )}
      <p className="field__hint">{t('catalogue.textsHint')}</p>
      {LOCALES.map((language) => (
        <fieldset key={language} className="form__group">
          <legend>{t(`catalogue.inLanguage.${language}`)}</legend>
          <div className="form__row">
            <TextField label={t('catalogue.fields.name')} lang={language} required value={draft.name[language]} maxLength={500} onChange={(e) => setText('name', language)(e.target.value)} />
            <TextField label={t('catalogue.fields.unitLabel')} lang={language} required value={draft.unitLabel[language]} maxLength={500} onChange={(e) => setText('unitLabel', language)(e.target.value)} />
          </div>
          <TextArea label={t('catalogue.fields.definition')} lang={language} required value={draft.definition[language]} maxLength={4000} onChange={(e) => setText('definition', language)(e.target.value)} />
        </fieldset>
      ))}
      <div className="form__row form__row--three">
        <SelectField label={t('catalogue.fields.type')} value={draft.type} onChange={(e) => set('type')(e.target.value as Draft['type'])}>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`measures.types.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalogue.fields.valueKind')} value={draft.valueKind} onChange={(e) => set('valueKind')(e.target.value as Draft['valueKind'])}>
          {VALUE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`catalogue.valueKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalogue.fields.better')} value={draft.better} onChange={(e) => set('better')(e.target.value as Draft['better'])}>
          <option value="lower">{t('measures.betterWhen.lower')}</option>
          <option value="higher">{t('measures.betterWhen.higher')}</option>
        </SelectField>
      </div>
      <div className="form__row form__row--three">
        {isNew && (
          <SelectField label={t('catalogue.fields.frequency')} value={draft.frequency} onChange={(e) => set('frequency')(e.target.value as Draft['frequency'])}>
            <option value="weekly">{t('measures.frequencies.weekly')}</option>
            <option value="monthly">{t('measures.frequencies.monthly')}</option>
          </SelectField>
        )}
        <SelectField label={t('catalogue.fields.chart')} value={draft.chart} onChange={(e) => set('chart')(e.target.value as Draft['chart'])}>
          {CHARTS.map((chart) => (
            <option key={chart} value={chart}>
              {t(`chart.kinds.${chart}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('catalogue.fields.multiply')} hint={t('catalogue.multiplyHint')} inputMode="decimal" required value={draft.multiply} onChange={(e) => set('multiply')(e.target.value)} />
      </div>
      <div className="form__row form__row--three">
        <TextField label={t('catalogue.fields.min')} inputMode="decimal" required value={draft.min} onChange={(e) => set('min')(e.target.value)} />
        <TextField label={t('catalogue.fields.max')} inputMode="decimal" required value={draft.max} onChange={(e) => set('max')(e.target.value)} />
        <TextField label={t('catalogue.fields.source')} value={draft.source} maxLength={500} onChange={(e) => set('source')(e.target.value)} />
      </div>
    </>
  );
}

function AddMeasureDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const add = useAddCatalogueMeasure();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(definitionOf(draft), { onSuccess: (entry) => onDone(t('catalogue.added', { name: entry.current.name[currentLocale()] })) });
  };
  return (
    <Dialog title={t('catalogue.addTitle')} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <DefinitionFields draft={draft} onChange={setDraft} isNew />
        <ActionError error={add.error} />
        <FormActions label={t('catalogue.addButton')} pending={add.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The fields that differ from the current version: only they are sent, and the API names them in the history. */
function changesOf(current: CatalogueDefinition, draft: Draft) {
  const next = definitionOf(draft);
  const fields = ['name', 'definition', 'unitLabel', 'type', 'valueKind', 'better', 'validRange', 'chart', 'multiply', 'source'] as const;
  return Object.fromEntries(fields.filter((f) => JSON.stringify(next[f]) !== JSON.stringify(current[f])).map((f) => [f, next[f]]));
}

function PublishDialog({ entry, onClose, onDone }: { entry: CatalogueEntry; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const publish = usePublishCatalogueVersion();
  const current = entry.current;
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [reason, setReason] = useState('');
  const now = periodOf(current.frequency, new Date());
  // From a few periods back (a change already in use) to a year ahead; the next period is the usual choice.
  const periods = Array.from({ length: current.frequency === 'weekly' ? 61 : 17 }, (_, i) => addPeriods(now, i - (current.frequency === 'weekly' ? 8 : 4)));
  const [validFrom, setValidFrom] = useState(addPeriods(now, 1));
  const [reasonError, setReasonError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setReasonError(t('form.requiredError'));
    setReasonError(undefined);
    publish.mutate(
      { key: entry.key, json: { changes: changesOf(current, draft), reason: reason.trim(), validFrom } },
      { onSuccess: (updated) => onDone(t('catalogue.published', { name: updated.current.name[locale], version: updated.current.definitionVersion })) },
    );
  };
  return (
    <Dialog title={t('catalogue.publishTitle', { name: current.name[locale] })} onClose={onClose} description={<p>{t('catalogue.publishIntro')}</p>}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextArea label={t('catalogue.reason')} hint={t('catalogue.reasonHint')} required value={reason} error={reasonError} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
        <SelectField label={t('catalogue.validFrom')} required value={validFrom} onChange={(e) => setValidFrom(e.target.value)}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {format.period(p)}
            </option>
          ))}
        </SelectField>
        <DefinitionFields draft={draft} onChange={setDraft} isNew={false} />
        <ActionError error={publish.error} />
        <FormActions label={t('catalogue.publishButton')} pending={publish.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
