import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgenda, useCyclesOfUnits, type Cycle, type MissingFigures, type Review } from '../api/pdsa.js';
import { useUnitsById, type Me } from '../api/queries.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { CalendarIcon, WarningIcon } from '../components/Pdsa.js';
import { EmptyState, ErrorState, Loading } from '../components/StatusViews.js';
import { useFormat } from '../i18n/format.js';
import { currentLocale } from '../i18n/index.js';

/** The coach's agenda: overdue reviews, studies waiting for a review, figures missing, and reviews coming up. */
export function AgendaPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const agenda = useAgenda();
  const unitIds = me.work.coachedUnitIds;
  const data = agenda.data;
  const reviewUnitIds = [...new Set([...unitIds, ...(data ? [...data.upcoming, ...data.overdue].map((r) => r.unitId) : [])])];
  const names = useNames(reviewUnitIds);

  return (
    <>
      <PageHeading title={t('agenda.title')} />
      <p className="lede">{t('agenda.intro')}</p>
      {unitIds.length === 0 ? (
        <EmptyState title={t('agenda.notCoachTitle')}>
          <p>{t('agenda.notCoachBody')}</p>
        </EmptyState>
      ) : agenda.isPending ? (
        <Loading />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : (
        <div className="agenda">
          <AgendaSection id="overdue" title={t('agenda.overdue')} intro={t('agenda.overdueIntro')} empty={t('agenda.overdueEmpty')} count={agenda.data.overdue.length} attention>
            {agenda.data.overdue.map((review) => (
              <ReviewEntry key={review.id} review={review} names={names} overdue />
            ))}
          </AgendaSection>
          <AgendaSection
            id="studies"
            title={t('agenda.studiesDue')}
            intro={t('agenda.studiesDueIntro')}
            empty={t('agenda.studiesDueEmpty')}
            count={agenda.data.studiesDue.length}
            attention
          >
            {agenda.data.studiesDue.map((cycle) => (
              <StudyEntry key={cycle.id} cycle={cycle} names={names} />
            ))}
          </AgendaSection>
          <AgendaSection
            id="figures"
            title={t('agendaFigures.title')}
            intro={t('agendaFigures.intro')}
            empty={t('agendaFigures.empty')}
            count={agenda.data.figuresMissing.length}
            attention
          >
            {agenda.data.figuresMissing.map((unit) => (
              <MissingEntry key={unit.unitId} missing={unit} />
            ))}
          </AgendaSection>
          <AgendaSection id="upcoming" title={t('agenda.upcoming')} intro={t('agenda.upcomingIntro')} empty={t('agenda.upcomingEmpty')} count={agenda.data.upcoming.length}>
            {agenda.data.upcoming.map((review) => (
              <ReviewEntry key={review.id} review={review} names={names} />
            ))}
          </AgendaSection>
        </div>
      )}
    </>
  );
}

type Names = { unit: (id: string) => string; cycle: (unitId: string, cycleId: string) => string | undefined };

/** Unit names and cycle titles for the agenda's entries (the agenda itself carries only ids). */
function useNames(unitIds: string[]): Names {
  const locale = currentLocale();
  const units = useUnitsById(unitIds);
  const cycles = useCyclesOfUnits(unitIds);
  return {
    unit: (id) => units[unitIds.indexOf(id)]?.data?.name[locale] ?? id,
    cycle: (unitId, cycleId) => cycles[unitIds.indexOf(unitId)]?.data?.items.find((c) => c.id === cycleId)?.title,
  };
}

function AgendaSection({
  id,
  title,
  intro,
  empty,
  count,
  attention,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  empty: string;
  count: number;
  attention?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `agenda-${id}`;
  return (
    <section className={`agenda__section${attention && count > 0 ? ' agenda__section--attention' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {attention && count > 0 && <WarningIcon />}
        {title} <span className="agenda__count">({t('agenda.count', { count })})</span>
      </h2>
      <p className="muted">{count > 0 ? intro : empty}</p>
      {count > 0 && <ul className="agenda__list">{children}</ul>}
    </section>
  );
}

function ReviewEntry({ review, names, overdue }: { review: Review; names: Names; overdue?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = names.cycle(review.unitId, review.cycleId);
  return (
    <li className="agenda-item">
      <p className="agenda-item__title">
        <Link href={`/units/${review.unitId}/cycles/${review.cycleId}`}>{title ?? t('agenda.cycle')}</Link>
      </p>
      <p className="agenda-item__meta">
        {names.unit(review.unitId)}
        <span aria-hidden="true"> · </span>
        {t(`reviewKinds.${review.kind}`)}
      </p>
      <p className={`agenda-item__when${overdue ? ' agenda-item__when--overdue' : ''}`}>
        {overdue ? <WarningIcon /> : <CalendarIcon />}
        <span>
          {overdue && <>{t('agenda.outcomeMissingSince')} </>}
          <time dateTime={review.startsAt}>{format.meeting(review.startsAt, review.durationMinutes)}</time>
          {review.place && <span className="muted"> · {review.place}</span>}
        </span>
      </p>
    </li>
  );
}

function StudyEntry({ cycle, names }: { cycle: Cycle; names: Names }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="agenda-item">
      <p className="agenda-item__title">
        <Link href={`/units/${cycle.unitId}/cycles/${cycle.id}`}>{cycle.title}</Link>
      </p>
      <p className="agenda-item__meta">
        {names.unit(cycle.unitId)}
        {cycle.plan.doEnd && (
          <>
            <span aria-hidden="true"> · </span>
            {t('agenda.doEnded', { date: format.date(cycle.plan.doEnd) })}
          </>
        )}
      </p>
      {cycle.flags.includes('overdue') && (
        <p className="flag flag--overdue">
          <WarningIcon />
          {t('flags.overdue')}
        </p>
      )}
    </li>
  );
}

/** A unit with late figures: which measures and periods, and the way to log them. */
function MissingEntry({ missing }: { missing: MissingFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  return (
    <li className="agenda-item">
      <p className="agenda-item__title">
        <Link href={`/units/${missing.unitId}/entry`}>{t('agendaFigures.enter', { unit: missing.unitName[locale] })}</Link>
      </p>
      <p className="agenda-item__meta">{format.list(missing.measures.map((m) => `${m.name[locale]} (${format.period(m.period)})`))}</p>
    </li>
  );
}
