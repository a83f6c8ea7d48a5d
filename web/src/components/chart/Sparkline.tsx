import { useTranslation } from 'react-i18next';
import type { Trend } from '../../api/overview.js';
import { trendPoints } from '../../../../functions/domain/trend.js';
import { currentLocale, type Locale } from '../../i18n/index.js';
import { formatIn, useFormat } from '../../i18n/format.js';
import { extent, linearScale } from './scale.js';
import { withUnit } from './units.js';
import '../../styles/measures.css';

export type SparklineProps = {
  /** The chart's newest periods (a status item's `trend`, or trendOf a series' points). */
  trend: Trend;
  variation: 'improving' | 'concerning' | 'common';
  target: number | null;
  /** What the series is, e.g. the measure's name: it begins the accessible name. */
  name: string;
  /** Shown after the latest value in the accessible name ("vrk", "%"). */
  unitLabel?: string;
  /** How many of the newest periods to draw; all it is given when absent. */
  last?: number;
  width?: number;
  height?: number;
  className?: string;
  /** The language of the accessible name when it is not the UI's (a bilingual briefing's other language). */
  language?: Locale;
};

/**
 * A tiny trend for small multiples: the line, the centre line, the target (dashed) and the newest
 * point; signals are marked by shape (a diamond), not colour alone. No axes: its accessible name
 * says the latest value, its period and the kind of variation.
 */
export function Sparkline({ trend, variation, target, name, unitLabel, last, width = 120, height = 32, className, language }: SparklineProps) {
  const { t: uiT, i18n } = useTranslation();
  const uiFormat = useFormat();
  const t = language ? i18n.getFixedT(language) : uiT;
  const format = language ? formatIn(language) : uiFormat;
  const locale = currentLocale();
  const all = trend.start ? trendPoints(trend) : [];
  const points = last ? all.slice(-last) : all;
  const latest = [...points].reverse().find((p) => p.y !== null);
  const label = latest
    ? t('chart.sparklineLabel', {
        name,
        value: withUnit(format.number(latest.y!, { maximumFractionDigits: 1 }), unitLabel),
        period: format.period(latest.period),
        variation: t(`chart.variation.${variation}`),
      })
    : t('chart.sparklineEmpty', { name });

  const pad = 3;
  const range = extent([...points.flatMap((p) => [p.y, p.cl]), target]);
  const x = linearScale([0, Math.max(1, points.length - 1)], [pad, width - pad]);
  const y = range ? linearScale(range, [height - pad, pad]) : () => height / 2;

  // Gaps (missing periods) break the line rather than being bridged.
  const path = points
    .map((p, i) => (p.y === null ? null : `${i === 0 || points[i - 1]?.y === null ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p.y).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const centre = points
    .map((p, i) => (p.cl === null ? null : `${i === 0 || points[i - 1]?.cl === null || points[i - 1]?.phase !== p.phase ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p.cl).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');

  return (
    <svg className={`sparkline ${className ?? ''}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} focusable="false">
      {target !== null && range && <line className="sparkline__target" x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} />}
      {centre && <path className="sparkline__centre" d={centre} />}
      {path && <path className="sparkline__line" d={path} />}
      {points.map((p, i) =>
        p.y !== null && p.signal ? <path key={p.period} className="sparkline__signal" d={`M${x(i)} ${y(p.y) - 3} l3 3 l-3 3 l-3 -3 Z`} /> : null,
      )}
      {latest && <circle className="sparkline__latest" cx={x(points.indexOf(latest))} cy={y(latest.y!)} r={2.5} />}
    </svg>
  );
}
