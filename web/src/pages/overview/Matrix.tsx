import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSURANCES,
  VARIATIONS,
  type AreaOverview,
  type Assurance,
  type MeasureStatus,
  type OverviewMeasure,
  type OverviewUnit,
  type Variation,
} from '../../api/overview.js';
import type { Measure } from '../../api/queries.js';
import { SelectField } from '../../components/Fields.js';
import { AttentionLine } from '../../components/leadership/Attention.js';
import { useFigure } from '../../components/leadership/figure.js';
import { ProgressSummary } from '../../components/leadership/Progress.js';
import { AssuranceIcon, VariationIcon } from '../../components/chart/index.js';
import { useBetter } from '../../components/leadership/better.js';
import { Link } from '../../components/Link.js';
import { WarningIcon } from '../../components/Pdsa.js';
import { useFormat } from '../../i18n/format.js';
import { INTL_LOCALES, currentLocale } from '../../i18n/index.js';

type Signal = Variation | Exclude<Assurance, 'none'>;
const SIGNALS: Signal[] = [...VARIATIONS, ...ASSURANCES.filter((a): a is Exclude<Assurance, 'none'> => a !== 'none')];

type Better = Measure['better'];
type Sort = 'attention' | 'name' | 'score' | `measure:${string}`;

type MatrixProps = {
  overview: AreaOverview;
  onConfirm: (unit: OverviewUnit) => void;
};

/** The units of the area against their measures, with sort and filter controls above. */
export function Matrix({ overview, onConfirm }: MatrixProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const { better } = useBetter();
  const [sort, setSort] = useState<Sort>('attention');
  const [measureKey, setMeasureKey] = useState('');
  const [signal, setSignal] = useState<Signal | ''>('');
  const [attentionOnly, setAttentionOnly] = useState(false);
  const attentionId = useId();

  const columns = measureKey ? overview.measures.filter((m) => m.measureKey === measureKey) : overview.measures;
  const statusOf = (unit: OverviewUnit, key: string) => unit.measures.find((m) => m.measureKey === key);
  const matches = (m: MeasureStatus) => !signal || m.classification.variation === signal || m.classification.assurance === signal;

  const visible = overview.units.filter((unit) => {
    if (attentionOnly && unit.attention.length === 0) return false;
    const tracked = measureKey ? unit.measures.filter((m) => m.measureKey === measureKey) : unit.measures;
    if (measureKey && tracked.length === 0) return false;
    return !signal || tracked.some(matches);
  });

  const collator = new Intl.Collator(INTL_LOCALES[locale]);
  const byName = (a: OverviewUnit, b: OverviewUnit) => collator.compare(a.unitName[locale], b.unitName[locale]);
  const scoreOf = (u: OverviewUnit) => u.progress.confirmed?.score ?? u.progress.suggested;
  const sorted = [...visible].sort((a, b) => {
    if (sort === 'name') return byName(a, b);
    if (sort === 'score') return scoreOf(b) - scoreOf(a) || byName(a, b);
    if (sort === 'attention') return b.attention.length - a.attention.length || byName(a, b);
    // By one measure's latest value, the better end first; units without a value last.
    const key = sort.slice('measure:'.length);
    const sign = better(key) === 'lower' ? 1 : -1;
    const va = statusOf(a, key)?.latestValue ?? null;
    const vb = statusOf(b, key)?.latestValue ?? null;
    if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || byName(a, b);
    return sign * (va - vb) || byName(a, b);
  });

  return (
    <section className="matrix" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t('overview.matrix.title')}</h2>
      <form className="matrix__controls no-print" aria-label={t('overview.controls.label')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('overview.controls.sort')} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="attention">{t('overview.controls.sortAttention')}</option>
          <option value="name">{t('overview.controls.sortName')}</option>
          <option value="score">{t('overview.controls.sortScore')}</option>
          {overview.measures.map((m) => (
            <option key={m.measureKey} value={`measure:${m.measureKey}`}>
              {t('overview.controls.sortMeasure', { measure: m.name[locale] })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('overview.controls.measure')} value={measureKey} onChange={(e) => setMeasureKey(e.target.value)}>
          <option value="">{t('overview.controls.allMeasures')}</option>
          {overview.measures.map((m) => (
            <option key={m.measureKey} value={m.measureKey}>
              {m.name[locale]}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('overview.controls.signal')} value={signal} onChange={(e) => setSignal(e.target.value as Signal | '')}>
          <option value="">{t('overview.controls.allSignals')}</option>
          {SIGNALS.map((s) => (
            <option key={s} value={s}>
              {t(`overview.signalFilter.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="choice matrix__attention">
          <input id={attentionId} type="checkbox" checked={attentionOnly} onChange={(e) => setAttentionOnly(e.target.checked)} />
          <label htmlFor={attentionId}>{t('overview.controls.attentionOnly')}</label>
        </div>
      </form>
      <p className="matrix__count" role="status">
        {t('overview.matrix.showing', { shown: format.number(sorted.length), total: format.number(overview.units.length) })}
      </p>
      <div className="table-scroll matrix__scroll" role="region" aria-labelledby="matrix-heading" tabIndex={0}>
        <table className="table matrix__table">
          <caption className="visually-hidden">{t('overview.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.matrix.unit')}</th>
              <th scope="col">{t('overview.matrix.progress')}</th>
              <th scope="col">{t('overview.matrix.cycles')}</th>
              <th scope="col">{t('overview.matrix.completeness')}</th>
              {columns.map((column) => (
                <MeasureHeader key={column.measureKey} column={column} better={better(column.measureKey)} />
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((unit) => (
              <UnitRow key={unit.unitId} unit={unit} columns={columns} better={better} onConfirm={() => onConfirm(unit)} />
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length === 0 && <p className="muted">{t('overview.matrix.noneMatch')}</p>}
    </section>
  );
}

function MeasureHeader({ column, better }: { column: OverviewMeasure; better?: Better }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <th scope="col" className="matrix__measure">
      <span className="matrix__measure-name" title={column.name[locale]}>
        {column.name[locale]}
      </span>
      {better && (
        <span className="matrix__better">
          <span aria-hidden="true">{better === 'lower' ? '↓ ' : '↑ '}</span>
          {t(`overviewLegend.better.${better}`)}
        </span>
      )}
      {!column.comparable && column.unitCount > 1 && (
        <span className="tag tag--warning">
          <WarningIcon />
          {t('overview.matrix.notComparable')}
        </span>
      )}
    </th>
  );
}

type UnitRowProps = { unit: OverviewUnit; columns: OverviewMeasure[]; better: (key: string) => Better | undefined; onConfirm: () => void };

function UnitRow({ unit, columns, better, onConfirm }: UnitRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const entered = unit.measures.reduce((sum, m) => sum + m.completeness.entered, 0);
  const expected = unit.measures.reduce((sum, m) => sum + m.completeness.expected, 0);
  const share = expected === 0 ? null : entered / expected;
  return (
    <tr className={unit.attention.length > 0 ? 'matrix__row--attention' : undefined}>
      <th scope="row" className="matrix__unit">
        <Link href={`/units/${unit.unitId}`}>{unit.unitName[locale]}</Link>
        {unit.attention.length > 0 && <AttentionLine unit={unit} />}
      </th>
      <td>
        <ProgressSummary progress={unit.progress} stale={unit.progressStale} />
        {unit.can.confirmProgress && (
          <button type="button" className="button button--small button--quiet no-print" onClick={onConfirm}>
            {t('progress.confirmButton')}
            <span className="visually-hidden">: {unit.unitName[locale]}</span>
          </button>
        )}
      </td>
      <td>
        <p>{t('overview.matrix.inProgress', { count: unit.pdsa.inProgress })}</p>
        <p className="muted">{t('overview.matrix.completed', { count: unit.pdsa.completedRecently })}</p>
        {unit.pdsa.overdueReviews > 0 ? (
          <p className="overdue">
            <WarningIcon />
            {t('overview.matrix.overdue', { count: unit.pdsa.overdueReviews })}
          </p>
        ) : (
          <p className="muted">{t('overview.matrix.noneOverdue')}</p>
        )}
      </td>
      <td>
        {share === null ? (
          '–'
        ) : (
          <>
            <p className="nowrap">{format.number(share, { style: 'percent' })}</p>
            <p className="nowrap muted">{t('overview.matrix.periods', { entered, expected })}</p>
            <span className="meter" aria-hidden="true">
              <span className="meter__fill" style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
          </>
        )}
      </td>
      {columns.map((column) => (
        <MeasureCell
          key={column.measureKey}
          unit={unit}
          column={column}
          better={better(column.measureKey)}
          status={unit.measures.find((m) => m.measureKey === column.measureKey)}
        />
      ))}
    </tr>
  );
}

type MeasureCellProps = { unit: OverviewUnit; column: OverviewMeasure; status?: MeasureStatus; better?: Better };

/** Latest value (a link to the unit's chart of it), target, variation and assurance. */
function MeasureCell({ unit, column, status, better }: MeasureCellProps) {
  const { t } = useTranslation();
  const figure = useFigure();
  const locale = currentLocale();
  if (!status) {
    return (
      <td className="matrix__cell matrix__cell--none">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('overview.matrix.notTracked')}</span>
      </td>
    );
  }
  const value = (v: number) => figure(v, column.unitLabel[locale]);
  return (
    <td className="matrix__cell">
      <p className="matrix__value">
        <Link href={`/units/${unit.unitId}/measures/${column.measureKey}`}>
          {status.latestValue === null ? t('overview.matrix.noValue') : value(status.latestValue)}
          <span className="visually-hidden">
            {' '}
            ({t('overview.matrix.chartOf', { measure: column.name[locale], unit: unit.unitName[locale] })})
          </span>
        </Link>
      </p>
      <p className="matrix__target muted">{status.target === null ? t('overview.matrix.noTarget') : t('overview.matrix.target', { value: value(status.target) })}</p>
      <p className="matrix__signals">
        <VariationIcon variation={status.classification.variation} better={better} labelled={false} />
        <AssuranceIcon assurance={status.classification.assurance} labelled={false} />
      </p>
      {!column.comparable && column.unitCount > 1 && (
        <p className="matrix__definition muted">
          {status.catalogueVersion === null ? t('catalogue.cell.ownMeasure') : t('overview.matrix.definitionVersion', { version: status.catalogueVersion ?? status.definitionVersion })}
        </p>
      )}
      {status.late && (
        <p className="attention">
          <WarningIcon />
          {t('overview.matrix.late')}
        </p>
      )}
    </td>
  );
}
