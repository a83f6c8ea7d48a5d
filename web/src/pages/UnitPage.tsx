import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useAreas, useMeasures, useUnit, type Me, type Measure } from '../api/queries.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { EmptyState, ErrorState, Loading } from '../components/StatusViews.js';
import { INTL_LOCALES, currentLocale, type Locale } from '../i18n/index.js';
import { rolesInUnit, rolesOverArea } from '../roles.js';
import { RoleBadges } from './HomePage.js';
import { AimsAndIdeas } from './unit/AimsAndIdeas.js';
import { CycleBoard } from './unit/CycleBoard.js';
import { UnitPeople } from './unit/UnitPeople.js';

/** One unit: what it is, where, the person's role in it, its cycle board, aims and change ideas. */
export function UnitPage({ unitId, me }: { unitId: string; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unit = useUnit(unitId);
  const areas = useAreas();

  const back = (
    <p className="back">
      <Link href="/">
        <span aria-hidden="true">← </span>
        {t('unit.back')}
      </Link>
    </p>
  );

  if (unit.isPending) {
    return (
      <>
        {back}
        <Loading />
      </>
    );
  }
  if (unit.isError) {
    const notFound = unit.error instanceof ApiError && unit.error.status === 404;
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageHeading title={t('unit.notFoundTitle')} />
            <p>{t('unit.notFoundBody')}</p>
          </>
        ) : (
          <>
            <PageHeading title={t('error.title')} />
            <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />
          </>
        )}
      </>
    );
  }

  const data = unit.data;
  const area = areas.data?.find((a) => a.id === data.areaId);
  const roles = [...rolesOverArea(me, data.areaId), ...rolesInUnit(me, data.id)];

  return (
    <>
      {back}
      <PageHeading title={data.name[locale]} />
      <section className="panel" aria-labelledby="unit-details">
        <h2 id="unit-details">{t('unit.details')}</h2>
        <dl className="details">
          <div>
            <dt>{t('unit.kind')}</dt>
            <dd>{t(`unitKinds.${data.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('unit.municipality')}</dt>
            <dd>{data.municipality}</dd>
          </div>
          <div>
            <dt>{t('unit.area')}</dt>
            <dd>{area ? area.name[locale] : '–'}</dd>
          </div>
          <div>
            <dt>{t('unit.yourRole')}</dt>
            <dd>{roles.length > 0 ? <RoleBadges roles={roles} /> : t('unit.noRole')}</dd>
          </div>
        </dl>
        <p>
          <Link href={`/areas/${data.areaId}/practices`}>{t('goodPractices.unitLink')}</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="unit-measurements">
        <h2 id="unit-measurements">{t('measurePage.unitSection')}</h2>
        <ul className="plain-links">
          <li>
            <Link href={`/units/${data.id}/measures`}>{t('measurePage.unitOpen')}</Link>
          </li>
          {data.can.writeFigures && (
            <li>
              <Link href={`/units/${data.id}/entry`}>{t('measurePage.enter')}</Link>
            </li>
          )}
        </ul>
      </section>
      <UnitPeople unitId={data.id} />
      <CycleBoard unitId={data.id} canEdit={data.can.editPdsa} />
      <AimsAndIdeas unitId={data.id} canEdit={data.can.editPdsa} />
      <MeasureCatalogue />
    </>
  );
}

const TYPE_ORDER: Measure['type'][] = ['outcome', 'process', 'balancing'];

/** Outcome measures first, then process, then balancing; by name within each. */
function sortMeasures(measures: Measure[], locale: Locale): Measure[] {
  const collator = new Intl.Collator(INTL_LOCALES[locale]);
  return [...measures].sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || collator.compare(a.name[locale], b.name[locale]),
  );
}

function MeasureCatalogue() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const measures = useMeasures();
  return (
    <section className="measures" aria-labelledby="measures-heading">
      <h2 id="measures-heading">{t('measures.title')}</h2>
      <p className="muted">{t('measures.intro')}</p>
      {measures.isPending ? (
        <Loading />
      ) : measures.isError ? (
        <ErrorState error={measures.error} onRetry={() => void measures.refetch()} />
      ) : measures.data.length === 0 ? (
        <EmptyState title={t('measures.title')}>
          <p>–</p>
        </EmptyState>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="measures-heading" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('measures.name')}</th>
                <th scope="col">{t('measures.type')}</th>
                <th scope="col">{t('measures.better')}</th>
                <th scope="col">{t('measures.frequency')}</th>
                <th scope="col">{t('measures.unitLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {sortMeasures(measures.data, locale).map((measure) => (
                <MeasureRow key={measure.key} measure={measure} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MeasureRow({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <tr>
      <th scope="row">
        <span className="measure-name">{measure.name[locale]}</span>
        <details className="definition">
          <summary>{t('measures.definition')}</summary>
          <p>{measure.definition[locale]}</p>
        </details>
      </th>
      <td>{t(`measures.types.${measure.type}`)}</td>
      <td>
        <span aria-hidden="true">{measure.better === 'lower' ? '↓ ' : '↑ '}</span>
        {t(`measures.betterWhen.${measure.better}`)}
      </td>
      <td>{t(`measures.frequencies.${measure.frequency}`)}</td>
      <td>{measure.unitLabel[locale]}</td>
    </tr>
  );
}
