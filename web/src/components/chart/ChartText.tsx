import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CyclePhase } from '../../api/pdsa.js';
import type { SeriesAnalysis, SeriesPoint, SeriesView } from '../../api/measurements.js';
import { currentLocale } from '../../i18n/index.js';
import { useFormat } from '../../i18n/format.js';
import { Link } from '../Link.js';
import { AssuranceIcon, VariationIcon } from './Icons.js';
import { withUnit } from './units.js';

/** The chart in words: its classification, the API's explanation of each signal, its phases and cycles. */
export function ChartSummary({ view, unitLabel, cycleHref }: { view: SeriesView; unitLabel: string; cycleHref?: (cycleId: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const headingId = useId();
  const { analysis } = view;
  const number = (v: number) => withUnit(format.number(v, { maximumFractionDigits: 1 }), unitLabel);
  const labelOf = (period: string) => {
    const point = analysis.points.find((p) => p.period === period);
    return point ? format.period(point.period) : period;
  };
  const latest = [...analysis.points].reverse().find((p) => p.y !== null);
  const predictionText = (prediction: NonNullable<SeriesView['cycleMarkers'][number]['prediction']>) =>
    prediction.value !== null
      ? t('chartTools.prediction.value', { value: number(prediction.value) })
      : prediction.direction
        ? t(`chartTools.prediction.${prediction.direction}`)
        : t('chartTools.prediction.none');

  return (
    <section className="chart-summary" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('chart.summary.title')}</h3>
      <ul className="chart-summary__status">
        <li>
          <VariationIcon variation={analysis.classification.variation} better={analysis.better} />
        </li>
        <li>
          <AssuranceIcon assurance={analysis.classification.assurance} />
        </li>
      </ul>
      <p>
        {latest
          ? t('chart.summary.latest', { value: number(latest.y!), period: format.period(latest.period) })
          : t('chart.summary.noFigures')}
        {latest?.cl != null && ` ${t('chart.summary.centre', { value: number(latest.cl) })}`}
        {analysis.target !== null && ` ${t('chart.summary.target', { value: number(analysis.target) })}`}
        {` ${t(`chart.summary.better.${analysis.better}`)}`}
        {analysis.baselineEnd && ` ${t('chartTools.frozen', { period: labelOf(analysis.baselineEnd) })}`}
      </p>
      {analysis.explanations.length > 0 ? (
        <>
          <h4>{t('chart.summary.signals')}</h4>
          <ul className="chart-summary__list">
            {analysis.explanations.map((e) => (
              <li key={`${e.kind}-${e.firstPeriod}`}>{e.text[locale]}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('chart.summary.noSignals')}</p>
      )}
      {analysis.phases.length > 0 && (
        <>
          <h4>{t('chart.summary.phases')}</h4>
          <ul className="chart-summary__list">
            {analysis.phases.map((phase) => (
              <li key={phase.startPeriod}>
                {[t('chart.summary.phaseFrom', { period: labelOf(phase.startPeriod) }), phase.kind === 'definition' ? t('chart.definitionChanged') : '', phase.reason]
                  .filter(Boolean)
                  .join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.cycleMarkers.length > 0 && (
        <>
          <h4>{t('chart.summary.cycles')}</h4>
          {/* Numbered as their lines in the chart. */}
          <ol className="chart-summary__list">
            {view.cycleMarkers.map((marker) => (
              <li key={marker.cycleId}>
                {cycleHref ? <Link href={cycleHref(marker.cycleId)}>{marker.title}</Link> : marker.title}
                {' – '}
                {t(`phases.${marker.phase as CyclePhase}`, { defaultValue: marker.phase })}
                {marker.doStartPeriod && `; ${t('chart.summary.doStart', { period: labelOf(marker.doStartPeriod) })}`}
                {marker.decision && `; ${t(`decisions.${marker.decision}`)}`}
                {marker.prediction && `. ${predictionText(marker.prediction)}`}
                {marker.verdict && (
                  <>
                    {'. '}
                    <strong>{t(`chartTools.verdict.${marker.verdict.outcome}`)}</strong>
                    {`: ${marker.verdict.text[locale]}`}
                    {!marker.verdict.decided && ` (${t('chartTools.verdict.open')})`}
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** A point's signals in words, e.g. "Above the upper limit; Runs rule". */
function signalText(point: SeriesPoint, words: { above: string; below: string; runs: string }): string {
  const signals: string[] = [];
  if (point.sigmaSignal && point.y !== null) signals.push(point.ucl !== null && point.y > point.ucl ? words.above : words.below);
  if (point.runsSignal) signals.push(words.runs);
  return signals.join('; ');
}

/** The chart's figures as a table, in a disclosure under the chart. */
export function ChartTable({ analysis, unitLabel }: { analysis: SeriesAnalysis; unitLabel: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const captionId = useId();
  const controlled = analysis.chart !== 'run';
  const ratio = analysis.chart === 'p' || analysis.chart === 'u';
  const value = (v: number | null) => (v === null ? '–' : format.number(v, { maximumFractionDigits: 2 }));
  const words = { above: t('chart.table.aboveUpper'), below: t('chart.table.belowLower'), runs: t('chart.table.runs') };
  const excluded = analysis.points.some((p) => p.excluded !== null);

  return (
    <details className="chart-table">
      <summary>{t('chart.table.show')}</summary>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table table--numbers">
          <caption id={captionId} className="chart-table__caption">
            {t('chart.table.caption', { unit: unitLabel })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.table.period')}</th>
              <th scope="col">{t('chart.table.value')}</th>
              {ratio && <th scope="col">{t('chart.table.numerator')}</th>}
              {ratio && <th scope="col">{t('chart.table.denominator')}</th>}
              <th scope="col">{controlled ? t('chart.table.centre') : t('chart.table.median')}</th>
              {controlled && <th scope="col">{t('chart.table.lower')}</th>}
              {controlled && <th scope="col">{t('chart.table.upper')}</th>}
              <th scope="col">{t('chart.table.signal')}</th>
              {excluded && <th scope="col">{t('chartTools.excludedColumn')}</th>}
              <th scope="col">{t('chart.table.note')}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.points.map((p) => (
              <tr key={p.period}>
                <th scope="row">{format.period(p.period)}</th>
                <td>{p.y === null ? t('chart.table.missing') : value(p.y)}</td>
                {ratio && <td>{value(p.numerator)}</td>}
                {ratio && <td>{value(p.denominator)}</td>}
                <td>{value(p.cl)}</td>
                {controlled && <td>{value(p.lcl)}</td>}
                {controlled && <td>{value(p.ucl)}</td>}
                <td>{signalText(p, words) || '–'}</td>
                {excluded && <td>{p.excluded === null ? '' : t('chartTools.excludedCell', { reason: p.excluded })}</td>}
                <td>{p.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
