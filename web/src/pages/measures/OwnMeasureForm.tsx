import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrackMeasure, type NewUnitMeasure } from '../../api/measurements.js';
import { useMeasures } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { SelectField, TextArea, TextField } from '../../components/Fields.js';

type Custom = Extract<NewUnitMeasure, { source: 'custom' }>;
type Fields = Custom['fields'];
/** The kinds of figure a unit's own measure can have; a rate needs a population, which the catalogue's measures define. */
const VALUE_KINDS = ['days', 'count', 'score', 'proportion'] as const;
type OwnValueKind = (typeof VALUE_KINDS)[number];
const MEASURE_TYPES: readonly Fields['type'][] = ['outcome', 'process', 'balancing'];

/** A number as typed, in the Finnish way or the English (7,5 or 7.5); undefined when it is not one. */
function parseNumber(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) ? value : undefined;
}

/** A key for the measure from its name: letters and digits only ("Takaisinsoitot päivässä" → "takaisinsoitotPaivassa"), unique in the unit. */
function keyFor(name: string, taken: ReadonlySet<string>): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  const base = (/^[a-zA-Z]/.test(joined) ? joined : `oma${joined}`).slice(0, 60);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return key;
}

/**
 * Adds the unit's own measure with its operational definition. It is written in the unit's own
 * language and shown as written in every language; its chart follows from the kind of figure
 * (proportions a p chart, counts a c chart, the others an I chart).
 */
export function OwnMeasureForm({ unitId, taken, onAdded }: { unitId: string; taken: readonly string[]; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useMeasures();
  const add = useTrackMeasure(unitId);
  const [open, setOpen] = useState(false);
  const empty = { name: '', definition: '', valueKind: 'count' as OwnValueKind, unitLabel: '', better: 'higher' as Fields['better'], min: '0', max: '', frequency: 'weekly' as Custom['frequency'], type: 'process' as Fields['type'] };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<'name' | 'definition' | 'unitLabel' | 'range', string>>>({});
  const set = <K extends keyof typeof empty>(key: K) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const proportion = form.valueKind === 'proportion';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const [min, max] = [parseNumber(form.min), parseNumber(form.max)];
    const problems: typeof errors = {};
    if (!form.name.trim()) problems.name = t('form.requiredError');
    if (!form.definition.trim()) problems.definition = t('form.requiredError');
    if (!proportion && !form.unitLabel.trim()) problems.unitLabel = t('form.requiredError');
    if (!proportion && (min === undefined || max === undefined || min > max)) problems.range = t('unitSetup.own.rangeError');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const same = (text: string) => ({ fi: text.trim(), sv: text.trim(), en: text.trim() });
    const name = form.name.trim();
    const fields: Fields = {
      name: same(name),
      definition: same(form.definition),
      type: form.type,
      valueKind: form.valueKind,
      better: form.better,
      unitLabel: proportion ? same('%') : same(form.unitLabel),
      validRange: proportion ? { min: 0, max: 1 } : { min: min!, max: max! },
      chart: proportion ? 'p' : form.valueKind === 'count' ? 'c' : 'i',
      multiply: proportion ? 100 : 1,
    };
    const key = keyFor(name, new Set([...taken, ...(catalogue.data ?? []).map((m) => m.key)]));
    add.mutate(
      { source: 'custom', key, frequency: form.frequency, target: null, fields },
      {
        onSuccess: () => {
          setForm(empty);
          setOpen(false);
          onAdded(name);
        },
      },
    );
  };

  if (!open) {
    return (
      <p>
        <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
          <span aria-hidden="true" className="button__glyph">+</span>
          {t('unitSetup.own.title')}
        </button>
      </p>
    );
  }
  return (
    <form className="form form--inset" onSubmit={onSubmit} noValidate aria-labelledby="own-measure-heading">
      <h3 id="own-measure-heading">{t('unitSetup.own.title')}</h3>
      <p className="field__hint">{t('unitSetup.own.intro')}</p>
      <TextField label={t('unitSetup.own.name')} required maxLength={200} value={form.name} error={errors.name} onChange={set('name')} />
      <TextArea label={t('unitSetup.own.definition')} hint={t('unitSetup.own.definitionHint')} required rows={3} value={form.definition} error={errors.definition} onChange={set('definition')} />
      <div className="form__row">
        <SelectField label={t('unitSetup.own.valueKind')} value={form.valueKind} onChange={set('valueKind')}>
          {VALUE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`unitSetup.own.valueKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        {!proportion && <TextField label={t('unitSetup.own.unitLabel')} hint={t('unitSetup.own.unitLabelHint')} required maxLength={40} value={form.unitLabel} error={errors.unitLabel} onChange={set('unitLabel')} />}
      </div>
      {!proportion && (
        <div className="form__row">
          <TextField label={t('unitSetup.own.min')} required inputMode="decimal" value={form.min} error={errors.range} onChange={set('min')} />
          <TextField label={t('unitSetup.own.max')} required inputMode="decimal" value={form.max} onChange={set('max')} />
        </div>
      )}
      <div className="form__row">
        <SelectField label={t('unitSetup.own.better')} value={form.better} onChange={set('better')}>
          <option value="higher">{t('unitSetup.own.betterOptions.higher')}</option>
          <option value="lower">{t('unitSetup.own.betterOptions.lower')}</option>
        </SelectField>
        <SelectField label={t('unitSetup.own.frequency')} value={form.frequency} onChange={set('frequency')}>
          <option value="weekly">{t('measures.frequencies.weekly')}</option>
          <option value="monthly">{t('measures.frequencies.monthly')}</option>
        </SelectField>
        <SelectField label={t('unitSetup.own.type')} value={form.type} onChange={set('type')}>
          {MEASURE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`measures.types.${type}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ActionError error={add.error} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={add.isPending}>
          {add.isPending ? t('form.saving') : t('unitSetup.own.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          {t('unitSetup.aims.cancel')}
        </button>
      </div>
    </form>
  );
}
