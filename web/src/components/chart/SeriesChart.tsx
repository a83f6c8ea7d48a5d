import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesPoint, SeriesView } from '../../api/measurements.js';
import { currentLocale } from '../../i18n/index.js';
import { useFormat } from '../../i18n/format.js';
import { ChartSummary, ChartTable } from './ChartText.js';
import { MovingRangeChart } from './MovingRangeChart.js';
import { beside, extent, labelledIndices, linearScale, niceTicks, placeLabels, staggerRows, truncate } from './scale.js';
import { withUnit } from './units.js';
import '../../styles/measures.css';

export type SeriesChartProps = {
  /** What GET /api/units/{u}/measures/{key}/series returned. */
  view: SeriesView;
  /** The measure's name in the UI language: the chart's accessible name begins with it. */
  name: string;
  /** The unit of the values ("vrk", "%"), for the summary and the table. */
  unitLabel: string;
  /** Where a cycle marker's cycle opens; markers are not links when absent. */
  cycleHref?: (cycleId: string) => string;
};

const WIDTH = 760;
const HEIGHT = 354;
const MARGIN = { top: 46, right: 20, bottom: 54, left: 56 };

/** Points joined within a phase; a missing value or a new phase starts a new stretch. */
function stepPath(points: readonly SeriesPoint[], value: (p: SeriesPoint) => number | null, x: (i: number) => number, y: (v: number) => number, half: number): string {
  let d = '';
  points.forEach((p, i) => {
    const v = value(p);
    if (v === null) return;
    const previous = points[i - 1];
    const joined = previous !== undefined && previous.phase === p.phase && value(previous) !== null;
    const x0 = i === 0 ? x(i) : x(i) - half;
    const x1 = i === points.length - 1 ? x(i) : x(i) + half;
    d += `${joined ? 'L' : 'M'}${x0.toFixed(1)} ${y(v).toFixed(1)}L${x1.toFixed(1)} ${y(v).toFixed(1)}`;
  });
  return d;
}

/**
 * A run or control chart drawn in SVG: the figures, the centre line and the limits per phase, the
 * target, signals marked by shape (a large diamond beyond a limit, an outlined square in an unusual
 * run), phase changes with their reason and the PDSA cycles' start as labelled vertical lines. The
 * picture is one image to assistive technology; the summary and the data table under it say the same.
 */
export function SeriesChart({ view, name, unitLabel, cycleHref }: SeriesChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const { analysis } = view;
  const points = analysis.points;
  const controlled = analysis.chart !== 'run';

  const plot = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  // Counts and proportions are read from zero: an axis starting at 20 makes a small change look large.
  const fromZero = analysis.chart === 'c' || analysis.chart === 'p' || analysis.chart === 'u';
  const predicted = view.cycleMarkers.map((m) => m.prediction?.value ?? null);
  const range = extent([...points.flatMap((p) => [p.y, p.cl, p.lcl, p.ucl]), analysis.target, ...predicted, fromZero ? 0 : null]) ?? [0, 1];
  const { ticks, domain } = niceTicks(range[0], range[1], 6);
  const y = linearScale(domain, [plot.bottom, plot.top]);
  const slot = (plot.right - plot.left) / Math.max(1, points.length);
  const x = (i: number) => plot.left + slot * (i + 0.5);
  const half = slot / 2;
  const indexOf = new Map(points.map((p, i) => [p.period, i]));
  const xLabels = labelledIndices(points.length, Math.floor((plot.right - plot.left) / 64));
  const number = (v: number) => format.number(v, { maximumFractionDigits: 1 });

  const first = points[0];
  const last = points.at(-1);
  const ariaLabel = first && last
    ? t('chart.ariaLabel', {
        kind: t(`chart.kinds.${analysis.chart}`),
        name,
        count: points.length,
        from: first.label[locale],
        to: last.label[locale],
        variation: t(`chart.variation.${analysis.classification.variation}`),
      })
    : t('chart.sparklineEmpty', { name });

  const valuePath = points
    .map((p, i) => (p.y === null ? null : `${i === 0 || points[i - 1]?.y === null ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p.y).toFixed(1)}`))
    .filter(Boolean)
    .join('');

  const phaseStarts = analysis.phases.flatMap((phase) => {
    const i = indexOf.get(phase.startPeriod);
    return i !== undefined && i > 0 ? [{ ...phase, x: x(i) - half }] : [];
  });
  // Each cycle's Do start is a numbered line (the numbers are those of the list of cycles under the
  // chart); a Do starting after the last figure is drawn at the right edge, before the first at the left.
  const markers = view.cycleMarkers.flatMap((marker, n) => {
    const start = marker.doStartPeriod;
    if (!start || !first || !last) return [];
    const i = indexOf.get(start);
    const at = i !== undefined ? x(i) : start > last.period ? plot.right : plot.left;
    return [{ ...marker, number: n + 1, x: at }];
  });
  const markerRows = staggerRows(markers.map((m) => m.x), 18);
  // A predicted value is a dashed line over the cycle's Do period (to the last figure while Do runs),
  // labelled with its verdict; the same is said in the list of cycles under the chart.
  const predictions = markers.flatMap((marker) => {
    const value = marker.prediction?.value ?? null;
    if (value === null || !last) return [];
    const end = marker.doEndPeriod && marker.doEndPeriod < last.period ? marker.doEndPeriod : last.period;
    const endIndex = indexOf.get(end);
    const x1 = endIndex !== undefined ? x(endIndex) + half : plot.right;
    if (x1 <= marker.x) return [];
    const label = [`${marker.number}:`, t('chartTools.prediction.value', { value: withUnit(number(value), unitLabel) }), marker.verdict ? `– ${t(`chartTools.verdict.${marker.verdict.outcome}`)}` : '']
      .filter(Boolean)
      .join(' ');
    return [{ cycleId: marker.cycleId, x0: marker.x, x1, y: y(value), label }];
  });
  const hasExcluded = points.some((p) => p.excluded !== null && p.y !== null);
  const phaseLabels = placeLabels(phaseStarts.map((p) => p.x), [plot.left, plot.right]);
  const targetLabelY = analysis.target === null ? 0 : beside(y(analysis.target), [last?.ucl, last?.lcl, last?.cl].flatMap((v) => (v == null ? [] : [y(v)])));

  return (
    <div className="series-chart">
      <div className="series-chart__frame">
        <svg className="series-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={ariaLabel} focusable="false">
          <g aria-hidden="true">
            {ticks.map((tick) => (
              <g key={tick}>
                <line className="series-chart__grid" x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} />
                <text className="series-chart__tick" x={plot.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
                  {number(tick)}
                </text>
              </g>
            ))}
            <line className="series-chart__axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
            {xLabels.map((i, n) => {
              const period = points[i]!.period;
              // Week labels carry no year: it goes under the first one and wherever the year turns.
              const year = period.includes('W') && (n === 0 || points[xLabels[n - 1]!]!.period.slice(0, 4) !== period.slice(0, 4));
              return (
                <text key={period} className="series-chart__tick" x={x(i)} y={plot.bottom + 20} textAnchor="middle">
                  {points[i]!.label[locale]}
                  {year && (
                    <tspan x={x(i)} dy="1.25em" className="series-chart__year">
                      {period.slice(0, 4)}
                    </tspan>
                  )}
                </text>
              );
            })}
            <text className="series-chart__unit" x={plot.left - 8} y={plot.top - 34} textAnchor="end">
              {unitLabel}
            </text>

            {phaseStarts.map((phase, i) => (
              <g key={phase.startPeriod} className="series-chart__phase">
                <line className="series-chart__phase-line" x1={phase.x} x2={phase.x} y1={plot.top - 16} y2={plot.bottom} />
                <text x={phaseLabels[i]!.x} textAnchor={phaseLabels[i]!.anchor} y={plot.top - 6}>
                  <title>{phase.reason}</title>
                  {truncate(phase.reason || t('chart.definitionChanged'), phaseLabels[i]!.maxChars)}
                </text>
              </g>
            ))}
            {markers.map((marker, i) => (
              <g key={marker.cycleId} className="series-chart__marker">
                <line className="series-chart__marker-line" x1={marker.x} x2={marker.x} y1={plot.top - 20 - markerRows[i]! * 13} y2={plot.bottom} />
                <text x={marker.x} textAnchor="middle" y={plot.top - 23 - markerRows[i]! * 13}>
                  <title>{marker.title}</title>
                  {marker.number}
                </text>
              </g>
            ))}

            {analysis.target !== null && (
              <g className="series-chart__target">
                <line className="series-chart__target-line" x1={plot.left} x2={plot.right} y1={y(analysis.target)} y2={y(analysis.target)} />
                <text x={plot.right - 4} y={targetLabelY} textAnchor="end">
                  {t('chart.targetLabel', { value: number(analysis.target) })}
                </text>
              </g>
            )}
            {controlled && (
              <>
                <path className="series-chart__limit" d={stepPath(points, (p) => p.ucl, x, y, half)} />
                <path className="series-chart__limit" d={stepPath(points, (p) => p.lcl, x, y, half)} />
              </>
            )}
            <path className="series-chart__centre" d={stepPath(points, (p) => p.cl, x, y, half)} />
            <path className="series-chart__line" d={valuePath} />

            {predictions.map((line) => (
              <g key={line.cycleId} className="series-chart__prediction">
                <line className="series-chart__prediction-line" x1={line.x0} x2={line.x1} y1={line.y} y2={line.y} />
                <text x={line.x0 + 4} y={line.y - 6}>
                  {line.label}
                </text>
              </g>
            ))}
            {points.map((p, i) => {
              if (p.y === null) return null;
              const cx = x(i);
              const cy = y(p.y);
              const title = `${p.label[locale]}: ${withUnit(number(p.y), unitLabel)}`;
              if (p.excluded !== null) {
                return (
                  <circle key={p.period} className="series-chart__point series-chart__point--excluded" cx={cx} cy={cy} r={4.5}>
                    <title>{t('chartTools.excludedTitle', { period: p.label[locale], value: withUnit(number(p.y), unitLabel), reason: p.excluded })}</title>
                  </circle>
                );
              }
              if (p.sigmaSignal) {
                return (
                  <path key={p.period} className="series-chart__point series-chart__point--sigma" d={`M${cx} ${cy - 7}L${cx + 7} ${cy}L${cx} ${cy + 7}L${cx - 7} ${cy}Z`}>
                    <title>{title}</title>
                  </path>
                );
              }
              if (p.runsSignal) {
                return (
                  <rect key={p.period} className="series-chart__point series-chart__point--runs" x={cx - 4.5} y={cy - 4.5} width={9} height={9}>
                    <title>{title}</title>
                  </rect>
                );
              }
              return (
                <circle key={p.period} className="series-chart__point" cx={cx} cy={cy} r={3.5}>
                  <title>{title}</title>
                </circle>
              );
            })}
          </g>
        </svg>
      </div>
      <ChartLegend
        controlled={controlled}
        target={analysis.target !== null}
        phases={phaseStarts.length > 0}
        cycles={markers.length > 0}
        excluded={hasExcluded}
        prediction={predictions.length > 0}
      />
      <ChartSummary view={view} unitLabel={unitLabel} cycleHref={cycleHref} />
      <ChartTable analysis={analysis} unitLabel={unitLabel} />
      {analysis.movingRanges && <MovingRangeChart analysis={analysis} ranges={analysis.movingRanges} name={name} unitLabel={unitLabel} />}
    </div>
  );
}

type LegendKey = 'value' | 'centre' | 'limits' | 'target' | 'sigma' | 'runs' | 'phase' | 'cycle' | 'excluded' | 'prediction';
type LegendShown = Record<'controlled' | 'target' | 'phases' | 'cycles' | 'excluded' | 'prediction', boolean>;

/** What each line and mark means, with the same shapes as in the chart. */
function ChartLegend({ controlled, target, phases, cycles, excluded, prediction }: LegendShown) {
  const { t } = useTranslation();
  const shown: Record<LegendKey, boolean> = {
    value: true, centre: true, limits: controlled, target, sigma: controlled, runs: true, phase: phases, cycle: cycles, excluded, prediction,
  };
  const swatches: Record<LegendKey, ReactNode> = {
    value: (
      <>
        <line className="series-chart__line" x1="0" x2="28" y1="8" y2="8" />
        <circle className="series-chart__point" cx="14" cy="8" r="3.5" />
      </>
    ),
    centre: <line className="series-chart__centre" x1="0" x2="28" y1="8" y2="8" />,
    limits: <line className="series-chart__limit" x1="0" x2="28" y1="8" y2="8" />,
    target: <line className="series-chart__target-line" x1="0" x2="28" y1="8" y2="8" />,
    sigma: <path className="series-chart__point series-chart__point--sigma" d="M14 1L21 8L14 15L7 8Z" />,
    runs: <rect className="series-chart__point series-chart__point--runs" x="9.5" y="3.5" width="9" height="9" />,
    phase: <line className="series-chart__phase-line" x1="14" x2="14" y1="0" y2="16" />,
    cycle: <line className="series-chart__marker-line" x1="14" x2="14" y1="0" y2="16" />,
    excluded: <circle className="series-chart__point series-chart__point--excluded" cx="14" cy="8" r="4.5" />,
    prediction: <line className="series-chart__prediction-line" x1="0" x2="28" y1="8" y2="8" />,
  };
  const label = (key: LegendKey) =>
    key === 'excluded' ? t('chartTools.excludedLegend') : key === 'prediction' ? t('chartTools.predictionLegend') : t(`chart.legend.${key}`);
  return (
    <ul className="series-chart__legend" aria-label={t('chart.legend.title')}>
      {(Object.keys(shown) as LegendKey[])
        .filter((key) => shown[key])
        .map((key) => (
          <li key={key}>
            <svg className="series-chart__swatch" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
              {swatches[key]}
            </svg>
            {label(key)}
          </li>
        ))}
    </ul>
  );
}
