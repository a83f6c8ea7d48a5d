import { useTranslation } from 'react-i18next';
import { useAreaOverviews } from '../../api/overview.js';
import { useAgenda } from '../../api/pdsa.js';
import { useUnitsById, type Me } from '../../api/queries.js';
import { Sparkline } from '../../components/chart/index.js';
import { AttentionLine } from '../../components/leadership/Attention.js';
import { ProgressSummary } from '../../components/leadership/Progress.js';
import { useProgressConfirmation } from '../../components/leadership/ProgressDialog.js';
import { Link } from '../../components/Link.js';
import { WarningIcon } from '../../components/Pdsa.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';

/** The coach's home: what the agenda holds, then their units with those needing attention first. */
export function CoachHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unitIds = me.work.coachedUnitIds;
  const overviews = useAreaOverviews(me.work.coachedAreaIds);
  const confirmation = useProgressConfirmation();

  const units = overviews
    .flatMap((o) => o.data?.units ?? [])
    .filter((u) => unitIds.includes(u.unitId))
    .sort((a, b) => b.attention.length - a.attention.length || a.unitName[locale].localeCompare(b.unitName[locale], locale));
  // Each measure's name and unit, from the overview's columns (sent once per area).
  const columns = new Map(overviews.flatMap((o) => o.data?.measures ?? []).map((m) => [m.measureKey, m]));
  const failed = overviews.find((o) => o.isError);

  return (
    <>
      <AgendaSummary />
      <section className="home-section" aria-labelledby="coach-units-heading">
        <h2 id="coach-units-heading">{t('homes.coach.units')}</h2>
        <p className="muted">{t('homes.coach.unitsIntro')}</p>
        {confirmation.message && (
          <p className="notice notice--info notice--compact" role="status">
            {confirmation.message}
          </p>
        )}
        {failed ? (
          <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
        ) : overviews.some((o) => o.isPending) ? (
          <Loading />
        ) : (
          <ul className="home-cards">
            {units.map((unit) => {
              // The headline chart of each unit: its first tracked measure.
              const headline = unit.measures[0];
              const column = headline && columns.get(headline.measureKey);
              return (
                <li key={unit.unitId} className={`home-card${unit.attention.length > 0 ? ' home-card--attention' : ''}`}>
                  <article aria-labelledby={`coach-unit-${unit.unitId}`}>
                    <h3 id={`coach-unit-${unit.unitId}`} className="home-card__title">
                      <Link href={`/units/${unit.unitId}`}>{unit.unitName[locale]}</Link>
                    </h3>
                    {unit.attention.length > 0 && <AttentionLine unit={unit} />}
                    {headline && column && (
                      <div className="home-card__chart">
                        <Sparkline
                          trend={headline.trend}
                          variation={headline.classification.variation}
                          target={headline.target}
                          name={column.name[locale]}
                          unitLabel={column.unitLabel[locale]}
                          last={26}
                          width={220}
                          height={48}
                        />
                        <p className="muted">{column.name[locale]}</p>
                      </div>
                    )}
                    <ProgressSummary progress={unit.progress} stale={unit.progressStale} />
                    {unit.can.confirmProgress && (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => confirmation.open(unit)}
                      >
                        {t('progress.confirmButton')}
                        <span className="visually-hidden">: {unit.unitName[locale]}</span>
                      </button>
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {confirmation.dialog}
    </>
  );
}

/** The agenda in three figures, with the next reviews to hold and a way to the whole agenda. */
function AgendaSummary() {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const agenda = useAgenda();
  const next = agenda.data?.upcoming.slice(0, 3) ?? [];
  const unitIds = [...new Set(next.map((review) => review.unitId))];
  const units = useUnitsById(unitIds);
  const unitName = (id: string) => units[unitIds.indexOf(id)]?.data?.name[locale] ?? '';
  return (
    <section className="home-section" aria-labelledby="coach-agenda-heading">
      <h2 id="coach-agenda-heading">{t('homes.coach.agenda')}</h2>
      {agenda.isPending ? (
        <Loading />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : (
        <>
          <dl className="figures">
            <div>
              <dt>{t('homes.coach.reviewsToHold')}</dt>
              <dd>{format.number(agenda.data.upcoming.length)}</dd>
            </div>
            <div className={agenda.data.studiesDue.length > 0 ? 'figures__attention' : undefined}>
              <dt>{t('homes.coach.studiesDue')}</dt>
              <dd>
                {agenda.data.studiesDue.length > 0 && <WarningIcon />}
                {format.number(agenda.data.studiesDue.length)}
              </dd>
            </div>
            <div className={agenda.data.overdue.length > 0 ? 'figures__attention' : undefined}>
              <dt>{t('homes.coach.overdue')}</dt>
              <dd>
                {agenda.data.overdue.length > 0 && <WarningIcon />}
                {format.number(agenda.data.overdue.length)}
              </dd>
            </div>
          </dl>
          {next.length > 0 && (
            <>
              <h3 className="home-card__subheading">{t('homes.coach.next')}</h3>
              <ul className="plain-list">
                {next.map((review) => (
                  <li key={review.id}>
                    <Link href={`/units/${review.unitId}/cycles/${review.cycleId}`}>
                      <time dateTime={review.startsAt}>{format.meeting(review.startsAt, review.durationMinutes)}</time>
                    </Link>{' '}
                    {unitName(review.unitId)} <span className="muted">({t(`reviewKinds.${review.kind}`)})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link href="/agenda">{t('homes.coach.openAgenda')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
