import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError.js';
import { sameValues, type MeasurementValues } from '../../../../functions/domain/measurement-values.js';
import { addPeriods } from '../../../../functions/domain/period-calendar.js';
import { useEntryForm, useSubmitEntry, type EntryForm, type EntryRow, type EntrySubmit } from '../../api/measurements.js';
import { withUnit } from '../../components/chart/index.js';
import { SelectField, TextField } from '../../components/Fields.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { currentPeriods } from '../../period.js';
import { UnitFrame, usePeriodName } from './shared.js';

type Field = 'value' | 'numerator' | 'denominator' | 'note';
type Inputs = Record<Field, string>;
type RowError = { field: string; message: string };
type RowOutcome = { status: 'created' | 'updated' | 'unchanged' | 'invalid' | 'conflict'; errors: RowError[] };

const rowId = (row: Pick<EntryRow, 'measureKey' | 'period'>) => `${row.measureKey}/${row.period}`;
const usesRatio = (row: EntryRow) => row.fields.valueKind === 'proportion' || row.fields.valueKind === 'rate';

/** "12", "12,5" or "12.5" → 12.5; blank → null; anything else is not a number. */
function parseNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'invalid';
}

/** The figure the typed numbers make, as the API would store it (a ratio's value is numerator / denominator); null while one is missing. */
function typedValues(row: EntryRow, numbers: Partial<Record<Field, number | null>>, note: string): MeasurementValues | null {
  if (usesRatio(row)) {
    const { numerator, denominator } = numbers;
    return numerator == null || denominator == null ? null : { value: numerator / denominator, numerator, denominator, note };
  }
  return numbers.value == null ? null : { value: numbers.value, numerator: null, denominator: null, note };
}

/** The stored figure as the person would type it: a decimal comma in Finnish and Swedish. */
function initialInputs(row: EntryRow, decimal: string): Inputs {
  const c = row.current;
  return {
    value: c && !usesRatio(row) ? String(c.value).replace('.', decimal) : '',
    numerator: c?.numerator != null ? String(c.numerator) : '',
    denominator: c?.denominator != null ? String(c.denominator) : '',
    note: c?.note ?? '',
  };
}

/** This period's form: the unit's due measures with their last figures; one submit saves every valid row. */
export function EntryPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState('');
  const periodName = usePeriodName();
  const form = useEntryForm(unitId, period || undefined);

  // The default is each measure's due period (the week and the month just ended); earlier periods
  // can be caught up on, and this week's figure logged once it is known (T3 on Monday morning).
  const now = currentPeriods(new Date());
  const options = [
    { value: now.week, label: t('entry.thisWeek', { period: periodName(now.week) }) },
    ...[2, 3, 4, 5, 6, 7, 8].map((n) => addPeriods(now.week, -n)).map((p) => ({ value: p, label: periodName(p) })),
    { value: now.month, label: t('entry.thisMonth', { period: periodName(now.month) }) },
    ...[2, 3, 4, 5, 6].map((n) => addPeriods(now.month, -n)).map((p) => ({ value: p, label: periodName(p) })),
  ];

  return (
    <UnitFrame unitId={unitId} back={{ href: `/units/${unitId}/measures`, label: t('entry.back') }}>
      {(unitName, can) => (
        <>
          <PageHeading title={t('entry.title')} />
          <p className="lede">{t('entry.intro', { unit: unitName })}</p>
          {!can.writeFigures && <p className="notice notice--info">{t('entry.readOnly')}</p>}
          <div className="entry-period">
            <SelectField label={t('entry.period')} hint={t('entry.periodHint')} value={period} onChange={(e) => setPeriod(e.target.value)}>
              <option value="">{t('entry.duePeriods', { week: periodName(addPeriods(now.week, -1)), month: periodName(addPeriods(now.month, -1)) })}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          </div>
          {form.isPending ? (
            <Loading />
          ) : form.isError ? (
            <ErrorState error={form.error} onRetry={() => void form.refetch()} />
          ) : form.data.rows.length === 0 ? (
            <EmptyState title={t('entry.noRowsTitle')}>
              <p>{t('entry.noRowsBody')}</p>
            </EmptyState>
          ) : (
            <PeriodForm key={period} unitId={unitId} form={form.data} canWrite={form.data.can.writeFigures} />
          )}
        </>
      )}
    </UnitFrame>
  );
}

function PeriodForm({ unitId, form, canWrite }: { unitId: string; form: EntryForm; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const submit = useSubmitEntry(unitId);
  const decimal = currentLocale() === 'en' ? '.' : ',';
  const [inputs, setInputs] = useState<Record<string, Inputs>>(() => Object.fromEntries(form.rows.map((row) => [rowId(row), initialInputs(row, decimal)])));
  const [outcomes, setOutcomes] = useState<Record<string, RowOutcome>>({});
  const [summary, setSummary] = useState<{ saved: number; unchanged: number; invalid: number } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const set = (id: string, field: Field) => (event: { target: { value: string } }) =>
    setInputs((all) => ({ ...all, [id]: { ...all[id]!, [field]: event.target.value } }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, RowOutcome> = {};
    const rows: EntrySubmit['rows'] = [];
    for (const row of form.rows) {
      const id = rowId(row);
      const input = inputs[id]!;
      const fields: Field[] = usesRatio(row) ? ['numerator', 'denominator'] : ['value'];
      // A row left empty is not logged this time; the round reminds about it if it stays so.
      if (fields.every((f) => input[f].trim() === '') && input.note.trim() === '' && !row.current) continue;
      const parsed = fields.map((f) => [f, parseNumber(input[f])] as const);
      const bad = parsed.filter(([, v]) => v === 'invalid');
      if (bad.length > 0) {
        next[id] = { status: 'invalid', errors: bad.map(([field]) => ({ field, message: t('entry.notANumber') })) };
        continue;
      }
      const numbers = Object.fromEntries(parsed) as Partial<Record<Field, number | null>>;
      const note = input.note.trim();
      const c = row.current;
      // The same figure again would change nothing: it is not sent.
      const typed = typedValues(row, numbers, note);
      if (c && typed && sameValues(c, typed)) continue;
      rows.push({ measureKey: row.measureKey, period: row.period, ...numbers, note, ...(c ? { expectedVersion: c.version } : {}) });
    }
    const finish = (results: Record<string, RowOutcome>) => {
      const all = Object.values(results);
      setOutcomes(results);
      setSummary({
        saved: all.filter((o) => o.status === 'created' || o.status === 'updated').length,
        unchanged: all.filter((o) => o.status === 'unchanged').length,
        invalid: all.filter((o) => o.status === 'invalid' || o.status === 'conflict').length,
      });
      requestAnimationFrame(() => summaryRef.current?.focus());
    };
    if (rows.length === 0) {
      finish(next);
      return;
    }
    submit.mutate(
      { rows },
      {
        onSuccess: (results) => {
          for (const r of results) next[rowId(r)] = { status: r.status, errors: r.errors };
          finish(next);
        },
      },
    );
  };

  const failed = form.rows.filter((row) => {
    const o = outcomes[rowId(row)];
    return o && (o.status === 'invalid' || o.status === 'conflict');
  });

  return (
    <form className="entry-form" onSubmit={onSubmit} noValidate aria-labelledby="entry-form-heading">
      <h2 id="entry-form-heading" className="visually-hidden">
        {t('entry.formTitle')}
      </h2>
      <div ref={summaryRef} tabIndex={-1} className="entry-form__summary">
        {summary && (
          <>
            {summary.saved + summary.unchanged + summary.invalid === 0 ? (
              <p className="notice notice--info notice--compact" role="status">
                {t('entry.nothingToSave')}
              </p>
            ) : (
              summary.saved > 0 && (
                <p className="status-message" role="status">
                  {t('entry.saved', { count: summary.saved })} {t('entry.derivedUpdating')}
                </p>
              )
            )}
            {failed.length > 0 && (
              <div className="notice notice--error notice--compact" role="alert">
                <p className="notice__title">
                  <span className="notice__icon" aria-hidden="true">
                    !
                  </span>
                  {t('entry.notSaved', { count: failed.length })}
                </p>
                <ul className="problem-list">
                  {failed.map((row) => (
                    <li key={rowId(row)}>
                      <a href={`#entry-${row.measureKey}`}>{row.fields.name[locale]}</a>:{' '}
                      {outcomes[rowId(row)]!.errors.map((e) => e.message).join(' ')}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
      <ActionError error={submit.error} />
      <div className="entry-rows">
        {form.rows.map((row) => (
          <EntryFieldset
            key={rowId(row)}
            row={row}
            inputs={inputs[rowId(row)]!}
            outcome={outcomes[rowId(row)]}
            disabled={!canWrite}
            onChange={(field) => set(rowId(row), field)}
          />
        ))}
      </div>
      {canWrite && (
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.isPending}>
            {submit.isPending ? t('form.saving') : t('entry.save')}
          </button>
          <Link href={`/units/${unitId}/measures`} className="button button--quiet">
            {t('entry.toMeasures')}
          </Link>
        </div>
      )}
    </form>
  );
}

function EntryFieldset({
  row,
  inputs,
  outcome,
  disabled,
  onChange,
}: {
  row: EntryRow;
  inputs: Inputs;
  outcome?: RowOutcome;
  disabled: boolean;
  onChange: (field: Field) => (event: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const periodName = usePeriodName();
  const unitLabel = row.fields.unitLabel[locale];
  const ratio = usesRatio(row);
  const errorOf = (field: Field) => outcome?.errors.filter((e) => e.field === field).map((e) => e.message).join(' ') || undefined;
  const rowErrors = outcome?.errors.filter((e) => !['value', 'numerator', 'denominator', 'note'].includes(e.field)) ?? [];
  const shown = (m: NonNullable<EntryRow['current']>) =>
    ratio
      ? `${format.number(m.numerator ?? 0)}/${format.number(m.denominator ?? 0)} (${withUnit(format.number(m.value * row.fields.multiply, { maximumFractionDigits: 1 }), unitLabel)})`
      : withUnit(format.number(m.value * row.fields.multiply, { maximumFractionDigits: 1 }), unitLabel);
  const saved = outcome?.status === 'created' || outcome?.status === 'updated';
  const invalid = outcome?.status === 'invalid' || outcome?.status === 'conflict';

  return (
    <fieldset id={`entry-${row.measureKey}`} className={`entry-row ${invalid ? 'entry-row--invalid' : ''}`} tabIndex={-1}>
      <legend className="entry-row__legend">
        {row.fields.name[locale]} – {periodName(row.period)}
      </legend>
      {saved && (
        <p className="entry-row__state entry-row__state--saved">
          <span aria-hidden="true">✓ </span>
          {t('entry.rowSaved')}
        </p>
      )}
      {rowErrors.map((e) => (
        <p key={e.field} className="field__error">
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {e.message}
        </p>
      ))}
      <div className="entry-row__inputs">
        {ratio ? (
          <>
            <TextField label={t('entry.numerator')} inputMode="numeric" autoComplete="off" value={inputs.numerator} error={errorOf('numerator')} disabled={disabled} onChange={onChange('numerator')} />
            <TextField label={t('entry.denominator')} inputMode="numeric" autoComplete="off" value={inputs.denominator} error={errorOf('denominator')} disabled={disabled} onChange={onChange('denominator')} />
          </>
        ) : (
          <TextField
            label={t('entry.value', { unit: unitLabel })}
            inputMode={row.fields.valueKind === 'score' ? 'decimal' : 'numeric'}
            autoComplete="off"
            value={inputs.value}
            error={errorOf('value')}
            disabled={disabled}
            onChange={onChange('value')}
          />
        )}
        <TextField label={t('entry.note')} className="entry-row__note" value={inputs.note} maxLength={1000} error={errorOf('note')} disabled={disabled} onChange={onChange('note')} />
      </div>
      <p className="entry-row__hint">
        {ratio ? t('entry.ratioHint', { name: row.fields.name[locale] }) : t(`entry.hints.${row.fields.valueKind === 'days' ? 'days' : row.fields.valueKind === 'count' ? 'count' : 'score'}`)}
        {row.target !== null && ` ${t('entry.target', { value: withUnit(format.number(row.target), unitLabel) })}`}
      </p>
      {row.current && (
        <p className="entry-row__current">
          {t('entry.current', { value: shown(row.current), name: row.current.enteredBy.name, date: format.dateTime(row.current.enteredAt) })}
        </p>
      )}
      <div className="entry-row__previous">
        <span className="entry-row__previous-label">{t('entry.previous')}</span>{' '}
        {row.previous.length === 0 ? (
          t('entry.noPrevious')
        ) : (
          <ul>
            {row.previous.map((m) => (
              <li key={m.period}>
                {periodName(m.period)}: {shown(m)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
