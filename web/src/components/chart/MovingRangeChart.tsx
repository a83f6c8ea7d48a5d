import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesAnalysis } from '../../api/measurements.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { extent, labelledIndices, linearScale, niceTicks } from './scale.js';
import { withUnit } from './units.js';

type MovingRanges = NonNullable<SeriesAnalysis['movingRanges']>;

const WIDTH = 760;
const HEIGHT = 200;
const MARGIN = { top: 16, right: 20, bottom: 36, left: 56 };

/**
 * The MR chart under an I chart: each figure's distance from the one before, the mean moving range
 * and its upper limit (3.267 × the mean), on the same time axis. One image to assistive technology,
 * with its figures in words and as a table under it.
 */
export function MovingRangeChart({ analysis, ranges, name, unitLabel }: { analysis: SeriesAnalysis; ranges: MovingRanges; name: string; unitLabel: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const headingId = useId();
  const captionId = useId();
  const number = (v: number) => format.number(v, { maximumFractionDigits: 2 });
  const plot = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  const range = extent([0, ...ranges.flatMap((r) => [r.y, r.cl, r.ucl])]) ?? [0, 1];
  const { ticks, domain } = niceTicks(range[0], range[1], 4);
  const y = linearScale(domain, [plot.bottom, plot.top]);
  const slot = (plot.right - plot.left) / Math.max(1, ranges.length);
  const x = (i: number) => plot.left + slot * (i + 0.5);
  const half = slot / 2;
  const xLabels = labelledIndices(ranges.length, Math.floor((plot.right - plot.left) / 64));
  const labelOf = (i: number) => analysis.points[i]?.label[locale] ?? ranges[i]!.period;

  // Lines per phase: a new phase (or a missing centre line) starts a new stretch.
  const stepPath = (value: (i: number) => number | null) => {
    let d = '';
    ranges.forEach((_, i) => {
      const v = value(i);
      if (v === null) return;
      const joined = i > 0 && analysis.points[i - 1]?.phase === analysis.points[i]?.phase && value(i - 1) !== null;
      d += `${joined ? 'L' : 'M'}${(x(i) - half).toFixed(1)} ${y(v).toFixed(1)}L${(x(i) + half).toFixed(1)} ${y(v).toFixed(1)}`;
    });
    return d;
  };
  const valuePath = ranges
    .map((r, i) => (r.y === null ? null : `${i === 0 || ranges[i - 1]?.y === null ? 'M' : 'L'}${x(i).toFixed(1)} ${y(r.y).toFixed(1)}`))
    .filter(Boolean)
    .join('');
  const present = ranges.flatMap((r, i) => (r.y === null ? [] : [i]));
  const latest = [...ranges].reverse().find((r) => r.cl !== null && r.ucl !== null);
  const above = ranges.filter((r) => r.signal).length;
  const ariaLabel =
    present.length > 0 && latest
      ? t('chartTools.mr.ariaLabel', {
          name,
          from: labelOf(present[0]!),
          to: labelOf(present.at(-1)!),
          cl: withUnit(number(latest.cl!), unitLabel),
          ucl: withUnit(number(latest.ucl!), unitLabel),
        })
      : t('chartTools.mr.ariaEmpty', { name });

  return (
    <section className="mr-chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('chartTools.mr.title')}</h3>
      <p>{t('chartTools.mr.intro')}</p>
      <div className="series-chart__frame">
        <svg className="series-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={ariaLabel} focusable="false">
          <g aria-hidden="true">
            {ticks.map((tick) => (
              <g key={tick}>
                <line className="series-chart__grid" x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} />
                <text className="series-chart__tick" x={plot.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
                  {format.number(tick, { maximumFractionDigits: 1 })}
                </text>
              </g>
            ))}
            <line className="series-chart__axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
            {xLabels.map((i) => (
              <text key={ranges[i]!.period} className="series-chart__tick" x={x(i)} y={plot.bottom + 20} textAnchor="middle">
                {labelOf(i)}
              </text>
            ))}
            <path className="series-chart__limit" d={stepPath((i) => ranges[i]!.ucl)} />
            <path className="series-chart__centre" d={stepPath((i) => ranges[i]!.cl)} />
            <path className="series-chart__line" d={valuePath} />
            {ranges.map((r, i) =>
              r.y === null ? null : r.signal ? (
                <path
                  key={r.period}
                  className="series-chart__point series-chart__point--sigma"
                  d={`M${x(i)} ${y(r.y) - 6}L${x(i) + 6} ${y(r.y)}L${x(i)} ${y(r.y) + 6}L${x(i) - 6} ${y(r.y)}Z`}
                />
              ) : (
                <circle key={r.period} className="series-chart__point" cx={x(i)} cy={y(r.y)} r={3} />
              ),
            )}
          </g>
        </svg>
      </div>
      <p>{above > 0 ? t('chartTools.mr.above', { count: above }) : t('chartTools.mr.noneAbove')}</p>
      <details className="chart-table">
        <summary>{t('chartTools.mr.show')}</summary>
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table table--numbers">
            <caption id={captionId} className="chart-table__caption">
              {t('chartTools.mr.caption', { unit: unitLabel })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.table.period')}</th>
                <th scope="col">{t('chartTools.mr.range')}</th>
                <th scope="col">{t('chartTools.mr.centre')}</th>
                <th scope="col">{t('chartTools.mr.upper')}</th>
                <th scope="col">{t('chart.table.signal')}</th>
              </tr>
            </thead>
            <tbody>
              {ranges.map((r) => (
                <tr key={r.period}>
                  <th scope="row">{format.period(r.period)}</th>
                  <td>{r.y === null ? '–' : number(r.y)}</td>
                  <td>{r.cl === null ? '–' : number(r.cl)}</td>
                  <td>{r.ucl === null ? '–' : number(r.ucl)}</td>
                  <td>{r.signal ? t('chartTools.mr.aboveUpper') : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
