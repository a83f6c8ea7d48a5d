import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import type { UnitMeasure } from '../../api/measurements.js';
import { useUnit, type UnitView } from '../../api/queries.js';
import { Link } from '../../components/Link.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale, type Locale } from '../../i18n/index.js';
import '../../styles/measures.css';

/** The definition that applies now: the last version. */
export function currentFields(measure: UnitMeasure) {
  return measure.versions[measure.versions.length - 1]!.fields;
}

export function measureName(measure: UnitMeasure, locale: Locale): string {
  return currentFields(measure).name[locale];
}

/** A period's name in the UI language: "vk 48/2026", "marraskuu 2026". */
export function usePeriodName() {
  return useFormat().period;
}

/** "← Back: Sampoharjun terveysasema" (or to another page of the unit). */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="back">
      <Link href={href}>
        <span aria-hidden="true">← </span>
        {label}
      </Link>
    </p>
  );
}

/**
 * The frame of a unit's measurement page: the back link, and the unit (loaded) or why it could not
 * be. `children` get the unit's name in the UI language and what the person may do in it.
 */
export function UnitFrame({
  unitId,
  back,
  children,
}: {
  unitId: string;
  back?: { href: string; label: string };
  children: (unitName: string, can: UnitView['can']) => ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unit = useUnit(unitId);
  const backLink = back ? (
    <BackLink {...back} />
  ) : (
    <BackLink href={`/units/${unitId}`} label={unit.data ? t('cycle.backTo', { unit: unit.data.name[locale] }) : t('cycle.back')} />
  );
  if (unit.isPending) {
    return (
      <>
        {backLink}
        <Loading />
      </>
    );
  }
  if (unit.isError) {
    const notFound = unit.error instanceof ApiError && unit.error.status === 404;
    return (
      <>
        {backLink}
        <PageHeading title={notFound ? t('unit.notFoundTitle') : t('error.title')} />
        {notFound ? <p>{t('unit.notFoundBody')}</p> : <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />}
      </>
    );
  }
  return (
    <>
      {backLink}
      {children(unit.data.name[locale], unit.data.can)}
    </>
  );
}

