import { useTranslation } from 'react-i18next';
import { useAreas } from '../api/queries.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { currentLocale } from '../i18n/index.js';
import { GoodPractices } from './overview/GoodPractices.js';

/** The area's good practices, for everyone working in the area: reached from each unit's page. */
export function PracticesPage({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const areas = useAreas();
  const areaName = areas.data?.find((a) => a.id === areaId)?.name[currentLocale()];
  return (
    <>
      <p className="back">
        <Link href="/">
          <span aria-hidden="true">← </span>
          {t('unit.back')}
        </Link>
      </p>
      <PageHeading id="practices-heading" title={areaName ? t('goodPractices.pageTitle', { area: areaName }) : t('goodPractices.pageTitleShort')} />
      <GoodPractices areaId={areaId} labelledBy="practices-heading" />
    </>
  );
}
