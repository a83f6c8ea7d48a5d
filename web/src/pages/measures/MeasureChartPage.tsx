import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useSeries } from '../../api/measurements.js';
import { SeriesChart, withUnit } from '../../components/chart/index.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { ChartSettings } from './ChartSettings.js';
import { PhaseDialog } from './PhaseDialog.js';
import { UnitFrame, currentFields } from './shared.js';

/** One measure's chart for a unit: the chart, its summary and data table, and for those who may, its phases, frozen baseline and figures left out. */
export function MeasureChartPage({ unitId, measureKey }: { unitId: string; measureKey: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const series = useSeries(unitId, measureKey);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);
  const say = (text: string) => {
    setMessage(text);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  return (
    <UnitFrame unitId={unitId} back={{ href: `/units/${unitId}/measures`, label: t('measurePage.back') }}>
      {(unitName) => {
        if (series.isPending) return <Loading />;
        if (series.isError) {
          const notFound = series.error instanceof ApiError && series.error.status === 404;
          return (
            <>
              <PageHeading title={notFound ? t('chartPage.notFoundTitle') : t('error.title')} />
              {notFound ? <p>{t('chartPage.notFoundBody')}</p> : <ErrorState error={series.error} onRetry={() => void series.refetch()} />}
            </>
          );
        }
        const view = series.data;
        const fields = currentFields(view.measure);
        const name = fields.name[locale];
        const unitLabel = fields.unitLabel[locale];
        return (
          <>
            <PageHeading title={t('chartPage.title', { measure: name, unit: unitName })} />
            <dl className="details details--compact chart-facts">
              <div>
                <dt>{t('measures.type')}</dt>
                <dd>{t(`measures.types.${fields.type}`)}</dd>
              </div>
              <div>
                <dt>{t('measures.frequency')}</dt>
                <dd>{t(`measures.frequencies.${view.measure.frequency}`)}</dd>
              </div>
              <div>
                <dt>{t('measurePage.target')}</dt>
                <dd>{view.measure.target ? withUnit(format.number(view.measure.target.value), unitLabel) : '–'}</dd>
              </div>
              <div>
                <dt>{t('measures.better')}</dt>
                <dd>{t(`measures.betterWhen.${fields.better}`)}</dd>
              </div>
            </dl>
            <details className="definition">
              <summary>{t('measures.definition')}</summary>
              <p>{fields.definition[locale]}</p>
            </details>
            <section className="panel chart-panel" aria-labelledby="chart-heading">
              <div className="section-header">
                <h2 id="chart-heading">{t(`chart.kinds.${view.analysis.chart}`)}</h2>
                {view.can.addPhase && (
                  <button type="button" className="button button--quiet button--small" onClick={() => setAdding(true)}>
                    {t('phase.add')}
                  </button>
                )}
              </div>
              <p className="status-message" role="status" ref={messageRef} tabIndex={-1}>
                {message}
              </p>
              <SeriesChart view={view} name={name} unitLabel={unitLabel} cycleHref={(cycleId) => `/units/${unitId}/cycles/${cycleId}`} />
            </section>
            {view.can.changeChart && <ChartSettings unitId={unitId} view={view} onDone={say} />}
            {adding && (
              <PhaseDialog
                unitId={unitId}
                view={view}
                onClose={() => setAdding(false)}
                onDone={(text) => {
                  setAdding(false);
                  say(text);
                }}
              />
            )}
          </>
        );
      }}
    </UnitFrame>
  );
}
