import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.js';
import { useEntryForm, useSeriesOfMeasures } from '../../api/measurements.js';
import { useAreaOverviews, type OverviewMeasure, type OverviewUnit } from '../../api/overview.js';
import { IN_FLIGHT_PHASES } from '../../../../functions/domain/cycle-phases.js';
import { parsePeriod } from '../../../../functions/domain/period-calendar.js';
import { pdsaKeys, useCycles, type Review } from '../../api/pdsa.js';
import type { Me } from '../../api/queries.js';
import { AssuranceIcon, VariationIcon } from '../../components/chart/index.js';
import { useBetter } from '../../components/leadership/better.js';
import { Link } from '../../components/Link.js';
import { CalendarIcon, WarningIcon } from '../../components/Pdsa.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/index.js';

/** The supervisor's home: per unit, this period's figures, what the charts say, the cycle board and the next review. */
export function SupervisorHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unitIds = me.work.supervisedUnitIds;
  const overviews = useAreaOverviews(me.work.supervisedAreaIds);
  const failed = overviews.find((o) => o.isError);
  const units = overviews
    .flatMap((o) => o.data?.units ?? [])
    .filter((u) => unitIds.includes(u.unitId))
    .sort((a, b) => a.unitName[locale].localeCompare(b.unitName[locale], locale));
  // Each measure's name, from the overview's columns (sent once per area).
  const names = new Map(overviews.flatMap((o) => o.data?.measures ?? []).map((m) => [m.measureKey, m.name]));

  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (overviews.some((o) => o.isPending)) return <Loading />;
  return (
    <>
      {units.map((unit) => (
        <section key={unit.unitId} className="home-section" aria-labelledby={`supervisor-unit-${unit.unitId}`}>
          <h2 id={`supervisor-unit-${unit.unitId}`}>
            <Link href={`/units/${unit.unitId}`}>{unit.unitName[locale]}</Link>
          </h2>
          <div className="home-columns">
            <EntryStatus unitId={unit.unitId} />
            <NextReview unitId={unit.unitId} />
          </div>
          <Signals unit={unit} names={names} />
          <p>
            <Link href={`/units/${unit.unitId}`} className="button button--quiet">
              {t('homes.supervisor.openBoard', { unit: unit.unitName[locale] })}
            </Link>
          </p>
        </section>
      ))}
    </>
  );
}

/** Which of this period's figures are in and which are still missing. */
function EntryStatus({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const periodLabel = format.period;
  const entry = useEntryForm(unitId);
  const headingId = `entry-status-${unitId}`;
  return (
    <div className="home-card" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="home-card__title">
        {t('homes.supervisor.entryTitle')}
      </h3>
      {entry.isPending ? (
        <Loading />
      ) : entry.isError ? (
        <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />
      ) : (
        <>
          <p>
            {t('homes.supervisor.entryCount', {
              entered: format.number(entry.data.rows.filter((r) => r.current).length),
              total: format.number(entry.data.rows.length),
            })}
          </p>
          <ul className="entry-status">
            {entry.data.rows.map((row) => (
              <li key={row.measureKey} className={row.current ? 'entry-status__row' : 'entry-status__row entry-status__row--missing'}>
                <span className="entry-status__measure">{row.fields.name[locale]}</span>{' '}
                <span className="muted">({periodLabel(row.period)})</span>:{' '}
                {row.current ? (
                  <span>
                    <span aria-hidden="true">✓ </span>
                    {t('homes.supervisor.entered')}
                  </span>
                ) : (
                  <strong className="attention">
                    <WarningIcon />
                    {t('homes.supervisor.missing')}
                  </strong>
                )}
              </li>
            ))}
          </ul>
          <p>
            <Link href={`/units/${unitId}/entry`}>{t('homes.supervisor.openEntry')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

/** The unit's next scheduled review (or one whose outcome is missing), from its active cycles' reviews. */
function NextReview({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cycles = useCycles(unitId);
  const active = (cycles.data?.items ?? []).filter((c) => c.phase === 'planning' || IN_FLIGHT_PHASES.includes(c.phase));
  const reviews = useQueries({
    queries: active.map((cycle) => ({
      queryKey: pdsaKeys.reviews(unitId, cycle.id),
      queryFn: async () => (await call(() => client.api.units[':unitId'].cycles[':cycleId'].reviews.$get({ param: { unitId, cycleId: cycle.id } }))).items,
    })),
  });
  const now = new Date().toISOString();
  const scheduled = reviews.flatMap((r) => r.data ?? []).filter((r) => r.status === 'scheduled');
  const next: Review | undefined = scheduled.filter((r) => r.startsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const cycleOf = (review: Review) => active.find((c) => c.id === review.cycleId);
  const headingId = `next-review-${unitId}`;
  return (
    <div className="home-card" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="home-card__title">
        {t('homes.supervisor.nextReview')}
      </h3>
      {cycles.isPending || reviews.some((r) => r.isPending) ? (
        <Loading />
      ) : next ? (
        <p className="agenda-item__when">
          <CalendarIcon />
          <span>
            <time dateTime={next.startsAt}>{format.meeting(next.startsAt, next.durationMinutes)}</time>
            <br />
            <Link href={`/units/${unitId}/cycles/${next.cycleId}`}>{cycleOf(next)?.title ?? t('agenda.cycle')}</Link>{' '}
            <span className="muted">({t(`reviewKinds.${next.kind}`)})</span>
          </span>
        </p>
      ) : (
        <p className="muted">{t('homes.supervisor.noReview')}</p>
      )}
    </div>
  );
}

/** Each measure's latest variation and assurance, and in words what the chart's signals mean. */
function Signals({ unit, names }: { unit: OverviewUnit; names: ReadonlyMap<string, OverviewMeasure['name']> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { better } = useBetter();
  const series = useSeriesOfMeasures(
    unit.unitId,
    unit.measures.map((m) => m.measureKey),
  );
  const headingId = `signals-${unit.unitId}`;
  return (
    <div className="signals" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('homes.supervisor.signalsTitle')}</h3>
      <ul className="signals__list">
        {unit.measures.map((measure, i) => {
          const analysis = series[i]?.data?.analysis;
          // What the newest signals say: those reaching the latest part of the chart.
          const lastPart = analysis?.parts.at(-1);
          const explanations = (analysis?.explanations ?? []).filter((e) => !lastPart || e.lastPeriod >= lastPart.firstPeriod);
          return (
            <li key={measure.measureKey} className="signals__item">
              <h4 className="signals__measure">
                <Link href={`/units/${unit.unitId}/measures/${measure.measureKey}`}>{names.get(measure.measureKey)?.[locale] ?? measure.measureKey}</Link>
              </h4>
              <p className="signals__icons">
                <VariationIcon variation={measure.classification.variation} better={better(measure.measureKey)} />
                <AssuranceIcon assurance={measure.classification.assurance} />
              </p>
              {explanations.length > 0 ? (
                <ul className="signals__explanations">
                  {explanations.map((e) => (
                    <li key={`${e.kind}-${e.firstPeriod}`}>{e.text[locale]}</li>
                  ))}
                </ul>
              ) : analysis ? (
                <p className="muted">{t('homes.supervisor.noSignals')}</p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
