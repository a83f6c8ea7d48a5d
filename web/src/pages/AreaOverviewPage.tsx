import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useAreaOverview, useDownloadOverviewCsv } from '../api/overview.js';
import { useAreas } from '../api/queries.js';
import { ActionError } from '../components/ActionError.js';
import { useProgressConfirmation } from '../components/leadership/ProgressDialog.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { ErrorState, Loading } from '../components/StatusViews.js';
import { helsinkiDate } from '../../../functions/domain/helsinki-calendar.js';
import { useFormat } from '../i18n/format.js';
import { currentLocale } from '../i18n/index.js';
import { GoodPractices } from './overview/GoodPractices.js';
import { Legend } from './overview/Legend.js';
import { Matrix } from './overview/Matrix.js';
import { SmallMultiples } from './overview/SmallMultiples.js';

import '../styles/leadership.css';

/**
 * Leadership's area report: every unit against its key measures with scores, cycles and data
 * completeness; small multiples of one measure; the area's good practices. Exports CSV and prints
 * as an A4 report.
 */
export function AreaOverviewPage({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const overview = useAreaOverview(areaId);
  const areas = useAreas();
  const confirmation = useProgressConfirmation();
  const download = useDownloadOverviewCsv(areaId);

  const areaName = areas.data?.find((a) => a.id === areaId)?.name[locale];
  const title = areaName ? t('overview.title', { area: areaName }) : t('overview.titleShort');

  const back = (
    <p className="back no-print">
      <Link href="/">
        <span aria-hidden="true">← </span>
        {t('overview.back')}
      </Link>
    </p>
  );

  if (overview.isPending) {
    return (
      <>
        {back}
        <PageHeading title={title} />
        <Loading />
      </>
    );
  }
  if (overview.isError) {
    const notFound = overview.error instanceof ApiError && overview.error.status === 404;
    return (
      <>
        {back}
        <PageHeading title={notFound ? t('overview.notFoundTitle') : t('error.title')} />
        {notFound ? <p>{t('overview.notFoundBody')}</p> : <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
      </>
    );
  }

  const data = overview.data;

  return (
    <div className="area-report">
      {back}
      <PageHeading title={title} />
      <p className="print-only area-report__printed">{t('overview.printedOn', { area: areaName ?? areaId, date: format.date(helsinkiDate(new Date())) })}</p>
      <p className="lede">{t('overview.intro', { count: data.units.length })}</p>
      <div className="report-actions no-print">
        <button type="button" className="button" onClick={() => download.mutate(locale)} disabled={download.isPending}>
          {download.isPending ? t('overview.downloading') : t('overview.downloadCsv')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => window.print()}>
          {t('overview.print')}
        </button>
        <Link className="button button--quiet" href={`/areas/${areaId}/briefing`}>
          {t('learning.briefing.open')}
        </Link>
      </div>
      <ActionError error={download.error} />
      {confirmation.message && (
        <p className="notice notice--info notice--compact no-print" role="status">
          {confirmation.message}
        </p>
      )}
      <Legend measures={data.measures} />
      <Matrix overview={data} onConfirm={confirmation.open} />
      <SmallMultiples overview={data} />
      <GoodPractices areaId={areaId} />
      {confirmation.dialog}
    </div>
  );
}
