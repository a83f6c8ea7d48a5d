import { useTranslation } from 'react-i18next';
import { useSeriesOfMeasures, useUnitMeasures, type SeriesView, type UnitMeasure } from '../../api/measurements.js';
import type { Me } from '../../api/queries.js';
import { trendOf } from '../../../../functions/domain/trend.js';
import { AssuranceIcon, Sparkline, VariationIcon, withUnit } from '../../components/chart/index.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';
import { CsvExport, CsvImport } from './Csv.js';
import { CatalogueVersionNotice } from './CatalogueVersionNotice.js';
import { RoundControl } from './RoundControl.js';
import { StoppedMeasures, tracking } from './StoppedMeasures.js';
import { TrackMeasures } from './TrackMeasures.js';
import { UnitFrame, currentFields, measureName } from './shared.js';

/** A unit's measures: each with its target, latest value, trend and classification; CSV in and out; the round for admins. */
export function MeasuresPage({ unitId, me }: { unitId: string; me: Me }) {
  const { t } = useTranslation();
  const measures = useUnitMeasures(unitId);

  return (
    <UnitFrame unitId={unitId}>
      {(unitName, can) => (
        <>
          <PageHeading title={t('measurePage.title', { unit: unitName })} />
          <p className="lede">{t('measurePage.intro')}</p>
          {can.writeFigures && (
            <p>
              <Link href={`/units/${unitId}/entry`} className="button">
                {t('measurePage.enter')}
              </Link>
            </p>
          )}
          {measures.isSuccess && <CatalogueVersionNotice unitId={unitId} measures={measures.data} canMove={can.manageMeasures} />}
          <section aria-labelledby="unit-measures-heading" className="measures-section">
            <h2 id="unit-measures-heading">{t('measurePage.tracked')}</h2>
            {measures.isPending ? (
              <Loading />
            ) : measures.isError ? (
              <ErrorState error={measures.error} onRetry={() => void measures.refetch()} />
            ) : tracking(measures.data).length === 0 ? (
              <EmptyState title={t('measurePage.noneTitle')}>
                <p>{t('measurePage.noneBody')}</p>
              </EmptyState>
            ) : (
              <MeasureTable unitId={unitId} measures={tracking(measures.data)} />
            )}
          </section>
          {measures.isSuccess && <StoppedMeasures unitId={unitId} measures={measures.data} canManage={can.manageMeasures} />}
          {can.manageMeasures && measures.isSuccess && <TrackMeasures unitId={unitId} tracked={measures.data} />}
          {can.writeFigures && <CsvImport unitId={unitId} />}
          <CsvExport unitId={unitId} />
          {me.can.runRound && <RoundControl />}
        </>
      )}
    </UnitFrame>
  );
}

function MeasureTable({ unitId, measures }: { unitId: string; measures: UnitMeasure[] }) {
  const { t } = useTranslation();
  const series = useSeriesOfMeasures(
    unitId,
    measures.map((m) => m.key),
  );
  return (
    <div className="table-scroll" role="region" aria-labelledby="unit-measures-heading" tabIndex={0}>
      <table className="table measure-table">
        <thead>
          <tr>
            <th scope="col">{t('measures.name')}</th>
            <th scope="col">{t('measures.frequency')}</th>
            <th scope="col">{t('measurePage.target')}</th>
            <th scope="col">{t('measurePage.latest')}</th>
            <th scope="col">{t('measurePage.trend')}</th>
            <th scope="col">{t('measurePage.status')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((measure, i) => {
            const result = series[i];
            return <MeasureRow key={measure.key} unitId={unitId} measure={measure} view={result?.data} pending={result?.isPending ?? true} />;
          })}
        </tbody>
      </table>
    </div>
  );
}

function MeasureRow({ unitId, measure, view, pending }: { unitId: string; measure: UnitMeasure; view?: SeriesView; pending: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const fields = currentFields(measure);
  const unitLabel = fields.unitLabel[locale];
  const name = measureName(measure, locale);
  const latest = view && [...view.analysis.points].reverse().find((p) => p.y !== null);
  const number = (v: number) => withUnit(format.number(v, { maximumFractionDigits: 1 }), unitLabel);

  return (
    <tr>
      <th scope="row">
        <Link href={`/units/${unitId}/measures/${measure.key}`} className="measure-name">
          {name}
        </Link>
        <span className="unit-setup__mark unit-setup__mark--tracked">{t('unitSetup.trackedMark')}</span>{' '}
        <span className="muted">{t(`measures.types.${fields.type}`)}</span>
      </th>
      <td>{t(`measures.frequencies.${measure.frequency}`)}</td>
      <td>
        {measure.target ? number(measure.target.value) : '–'}
        {measure.target?.by && <span className="muted"> {t('measurePage.targetBy', { date: format.date(measure.target.by) })}</span>}
      </td>
      <td>
        {latest ? (
          <>
            <span className="measure-table__value">{number(latest.y!)}</span> <span className="muted">{format.period(latest.period)}</span>
          </>
        ) : pending ? (
          t('status.loading')
        ) : (
          t('measurePage.noFigures')
        )}
      </td>
      <td>
        {view && (
          <Sparkline
            trend={trendOf(view.analysis.points, 26)}
            variation={view.analysis.classification.variation}
            target={view.analysis.target}
            name={name}
            unitLabel={unitLabel}
          />
        )}
      </td>
      <td>
        {view && (
          <ul className="measure-table__status">
            <li>
              <VariationIcon variation={view.analysis.classification.variation} better={view.analysis.better} />
            </li>
            <li>
              <AssuranceIcon assurance={view.analysis.classification.assurance} />
            </li>
          </ul>
        )}
      </td>
    </tr>
  );
}
