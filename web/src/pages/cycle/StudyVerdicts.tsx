import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../../../functions/domain/period-calendar.js';
import type { CycleView } from '../../api/pdsa.js';
import { extent, linearScale } from '../../components/chart/scale.js';
import { withUnit } from '../../components/chart/units.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import '../../styles/measures.css';
import '../../styles/learning.css';

type StudyVerdict = CycleView['verdicts'][number];

/**
 * The Study section's comparison of predictions with the measures: per prediction on a measure,
 * the verdict in one sentence and a small chart of the baseline and the Do window with the
 * predicted value drawn. Until the Act decision the verdicts follow the figures as they come in.
 */
export function StudyVerdicts({ cycle }: { cycle: CycleView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (cycle.verdicts.length === 0) return null;
  const kept = cycle.studyVerdicts !== undefined;
  return (
    <section className="study-verdicts" aria-labelledby="study-verdicts-heading">
      <h4 id="study-verdicts-heading">{t('learning.verdicts.heading')}</h4>
      <p className="muted">{kept ? t('learning.verdicts.kept') : t('learning.verdicts.live')}</p>
      <ul className="study-verdicts__list">
        {cycle.verdicts.map((verdict) => (
          <li key={verdict.questionIndex} className={`study-verdict study-verdict--${verdict.outcome}`} data-testid="study-verdict">
            <p className="study-verdict__prediction">
              <span className="muted">{t('learning.verdicts.prediction')}</span> {cycle.questions[verdict.questionIndex]?.prediction}
            </p>
            <p className="study-verdict__text">
              <span className={`study-verdict__badge study-verdict__badge--${verdict.outcome}`}>
                <span aria-hidden="true">{OUTCOME_SYMBOL[verdict.outcome]} </span>
                {t(`learning.outcome.${verdict.outcome}`)}
              </span>{' '}
              {verdict.text[locale]}
            </p>
            <VerdictChart verdict={verdict} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Shape as well as colour: a tick, a cross, an hourglass. */
const OUTCOME_SYMBOL: Record<StudyVerdict['outcome'], string> = { met: '✓', notMet: '✗', tooEarly: '⧗' };

/**
 * The baseline and the Do window on one small chart: the figures, the baseline's centre line carried
 * over the window (dotted), the window's own centre line, the predicted value (dashed) and the
 * signals (diamonds). Its accessible name says the same in words; a legend below names the lines.
 */
export function VerdictChart({ verdict, width = 320, height = 96 }: { verdict: StudyVerdict; width?: number; height?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const { points } = verdict;
  if (points.length === 0) return null;
  const unit = verdict.unitLabel[locale];
  const number = (value: number | null) => (value === null ? '–' : withUnit(format.number(value, { maximumFractionDigits: 1 }), unit));
  const pad = { left: 6, right: 6, top: 8, bottom: 16 };
  const doIndex = points.findIndex((p) => p.inWindow);
  const range = extent([...points.map((p) => p.y), verdict.baseline.centre, verdict.window.centre, verdict.expectedValue]);
  const x = linearScale([0, Math.max(1, points.length - 1)], [pad.left, width - pad.right]);
  const y = range ? linearScale(range, [height - pad.bottom, pad.top]) : () => height / 2;
  const line = points
    .map((p, i) => (p.y === null ? null : `${i === 0 || points[i - 1]?.y === null ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p.y).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const windowStart = doIndex > 0 ? (x(doIndex - 1) + x(doIndex)) / 2 : doIndex === 0 ? pad.left : null;
  const end = width - pad.right;
  const label = t('learning.chart.label', {
    name: verdict.measureName[locale],
    from: periodLabel(points[0]!.period, locale),
    to: periodLabel(points.at(-1)!.period, locale),
    doStart: periodLabel(verdict.doStartPeriod, locale),
    before: number(verdict.baseline.centre),
    during: number(verdict.window.centre),
    expected: number(verdict.expectedValue),
  });
  return (
    <figure className="verdict-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} focusable="false">
        {windowStart !== null && <rect className="verdict-chart__window" x={windowStart} y={pad.top - 4} width={end - windowStart} height={height - pad.bottom - pad.top + 8} />}
        {verdict.baseline.centre !== null && (
          <>
            <line className="verdict-chart__centre" x1={pad.left} x2={windowStart ?? end} y1={y(verdict.baseline.centre)} y2={y(verdict.baseline.centre)} />
            {windowStart !== null && <line className="verdict-chart__centre verdict-chart__centre--carried" x1={windowStart} x2={end} y1={y(verdict.baseline.centre)} y2={y(verdict.baseline.centre)} />}
          </>
        )}
        {verdict.window.centre !== null && windowStart !== null && (
          <line className="verdict-chart__centre" x1={windowStart} x2={end} y1={y(verdict.window.centre)} y2={y(verdict.window.centre)} />
        )}
        {verdict.expectedValue !== null && windowStart !== null && range && (
          <line className="verdict-chart__expected" x1={windowStart} x2={end} y1={y(verdict.expectedValue)} y2={y(verdict.expectedValue)} />
        )}
        {line && <path className="sparkline__line" d={line} />}
        {points.map((p, i) =>
          p.y === null ? null : p.signal ? (
            <path key={p.period} className="sparkline__signal" d={`M${x(i)} ${y(p.y) - 4} l4 4 l-4 4 l-4 -4 Z`} />
          ) : (
            <circle key={p.period} className="sparkline__latest" cx={x(i)} cy={y(p.y)} r={2} />
          ),
        )}
        {windowStart !== null && (
          <text className="verdict-chart__axis" x={windowStart + 3} y={height - 4}>
            {t('learning.chart.doFrom', { period: periodLabel(verdict.doStartPeriod, locale) })}
          </text>
        )}
      </svg>
      <figcaption className="verdict-chart__legend">
        <span className="verdict-chart__key verdict-chart__key--centre">{t('learning.chart.centre')}</span>
        {verdict.expectedValue !== null && <span className="verdict-chart__key verdict-chart__key--expected">{t('learning.chart.expected', { value: number(verdict.expectedValue) })}</span>}
        <span className="verdict-chart__key verdict-chart__key--signal">{t('learning.chart.signal')}</span>
      </figcaption>
    </figure>
  );
}
