import { useTranslation } from 'react-i18next';
import { ASSURANCES, VARIATIONS, type OverviewMeasure } from '../../api/overview.js';
import { AssuranceIcon, VariationIcon } from '../../components/chart/index.js';
import { useBetter } from '../../components/leadership/better.js';
import { currentLocale } from '../../i18n/index.js';

/** What the marks mean, and for each measure of the area which direction is better; closed until asked for. */
export function Legend({ measures }: { measures: readonly OverviewMeasure[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { better, ready } = useBetter();
  return (
    // One line that opens on demand, so that the matrix starts on the first screen.
    <details className="legend">
      <summary className="legend__summary">
        <h2 id="legend-heading" className="legend__title">
          {t('overviewLegend.title')}
        </h2>
      </summary>
      <section className="legend__groups" aria-labelledby="legend-heading">
        <div>
          <h3 className="legend__heading">{t('overviewLegend.variation')}</h3>
          <ul className="legend__list">
            {VARIATIONS.map((v) => (
              <li key={v}>
                <VariationIcon variation={v} />
                <span className="legend__text">{t(`overviewLegend.variationHelp.${v}`)}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="legend__heading">{t('overviewLegend.assurance')}</h3>
          <ul className="legend__list">
            {ASSURANCES.map((a) => (
              <li key={a}>
                <AssuranceIcon assurance={a} />
                <span className="legend__text">{t(`overviewLegend.assuranceHelp.${a}`)}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="legend__heading">{t('overviewLegend.direction')}</h3>
          {ready && (
            <ul className="legend__list">
              {measures.map((m) => {
                const direction = better(m.measureKey);
                return (
                  <li key={m.measureKey}>
                    <span className="legend__measure">{m.name[locale]}:</span>{' '}
                    {direction ? (
                      <>
                        <span aria-hidden="true">{direction === 'lower' ? '↓ ' : '↑ '}</span>
                        {t(`overviewLegend.better.${direction}`)}
                      </>
                    ) : (
                      t('overviewLegend.betterUnknown')
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </section>
    </details>
  );
}
