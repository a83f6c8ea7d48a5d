import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaOverview } from '../../api/overview.js';
import { Sparkline, VariationIcon } from '../../components/chart/index.js';
import { SelectField } from '../../components/Fields.js';
import { useBetter } from '../../components/leadership/better.js';
import { useFigure } from '../../components/leadership/figure.js';
import { Link } from '../../components/Link.js';
import { currentLocale } from '../../i18n/index.js';

/** How many of the newest periods each small chart shows: a year of weeks, or of months. */
const SPAN = { weekly: 52, monthly: 12 } as const;

/** One measure across every unit of the area that tracks it, each as a small chart on the same footing. */
export function SmallMultiples({ overview }: { overview: AreaOverview }) {
  const { t } = useTranslation();
  const figure = useFigure();
  const locale = currentLocale();
  const { better } = useBetter();
  const [measureKey, setMeasureKey] = useState(overview.measures[0]?.measureKey ?? '');
  const column = overview.measures.find((m) => m.measureKey === measureKey);
  const units = overview.units.filter((u) => u.measures.some((m) => m.measureKey === measureKey));

  if (!column) return null;
  return (
    <section className="small-multiples" aria-labelledby="small-multiples-heading">
      <h2 id="small-multiples-heading">{t('smallMultiples.title')}</h2>
      <p className="muted">{t('smallMultiples.intro', { count: SPAN[column.frequency] })}</p>
      <div className="small-multiples__controls no-print">
        <SelectField label={t('smallMultiples.measure')} value={measureKey} onChange={(e) => setMeasureKey(e.target.value)}>
          {overview.measures.map((m) => (
            <option key={m.measureKey} value={m.measureKey}>
              {m.name[locale]}
            </option>
          ))}
        </SelectField>
      </div>
      {!column.comparable && column.unitCount > 1 && <p className="notice notice--attention notice--compact">{t('smallMultiples.notComparable')}</p>}
      <ul className="small-multiples__grid">
        {units.map((unit) => {
          const status = unit.measures.find((m) => m.measureKey === measureKey);
          const name = unit.unitName[locale];
          return (
            <li key={unit.unitId} className="small-multiple">
              <h3 className="small-multiple__unit">
                <Link href={`/units/${unit.unitId}`}>{name}</Link>
              </h3>
              {status && (
                <Sparkline
                  trend={status.trend}
                  variation={status.classification.variation}
                  target={status.target}
                  name={`${name}, ${column.name[locale]}`}
                  unitLabel={column.unitLabel[locale]}
                  last={SPAN[column.frequency]}
                  width={200}
                  height={48}
                />
              )}
              {status && (
                <p className="small-multiple__latest">
                  {status.latestValue === null
                    ? t('overview.matrix.noValue')
                    : figure(status.latestValue, column.unitLabel[locale])}{' '}
                  <VariationIcon variation={status.classification.variation} better={better(measureKey)} labelled={false} />
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
