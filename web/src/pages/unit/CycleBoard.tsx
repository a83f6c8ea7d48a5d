import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.js';
import { CYCLE_PHASES } from '../../../../functions/domain/cycle-phases.js';
import { pdsaKeys, useCycles, type Cycle, type Review } from '../../api/pdsa.js';
import { Link } from '../../components/Link.js';
import { CalendarIcon, CycleFlags, WarningIcon } from '../../components/Pdsa.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { NewCycleForm } from './NewCycleForm.js';

/** Phases whose cycles may still have reviews ahead. */
const REVIEWED_PHASES: readonly Cycle['phase'][] = ['planning', 'doing', 'studying'];

/** The unit's cycles in columns by phase, with the form for a new one. */
export function CycleBoard({ unitId, canEdit }: { unitId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const cycles = useCycles(unitId, { poll: true });
  const [creating, setCreating] = useState(false);
  const items = cycles.data?.items ?? [];
  const nextReviews = useNextReviews(unitId, items.filter((c) => REVIEWED_PHASES.includes(c.phase)));

  return (
    <section className="board-section" aria-labelledby="board-heading">
      <div className="section-header">
        <h2 id="board-heading">{t('board.title')}</h2>
        {cycles.isSuccess && <p className="section-header__meta">{t('board.count', { count: items.length })}</p>}
        {canEdit && (
          <button
            type="button"
            className="button"
            aria-expanded={creating}
            aria-controls="new-cycle"
            onClick={() => setCreating((open) => !open)}
          >
            <span aria-hidden="true" className="button__glyph">+</span>
            {t('board.newCycle')}
          </button>
        )}
      </div>
      <p className="muted">{t('board.intro')}</p>
      <div id="new-cycle">{creating && <NewCycleForm unitId={unitId} onCancel={() => setCreating(false)} />}</div>
      {cycles.isPending ? (
        <Loading />
      ) : cycles.isError ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : (
        <div className="board">
          {CYCLE_PHASES.map((phase) => {
            const inPhase = items.filter((c) => c.phase === phase);
            const headingId = `board-${phase}`;
            return (
              <section key={phase} className={`board__column board__column--${phase}`} aria-labelledby={headingId}>
                <h3 id={headingId} className="board__heading">
                  <span>{t(`phases.${phase}`)}</span>{' '}
                  <span className="board__count">
                    <span className="visually-hidden">{t('board.inColumn')}: </span>
                    {cycles.data.phaseCounts[phase] ?? inPhase.length}
                  </span>
                </h3>
                {inPhase.length === 0 ? (
                  <p className="board__empty">{t('board.empty')}</p>
                ) : (
                  <ul className="board__cards">
                    {inPhase.map((cycle) => (
                      <CycleCard key={cycle.id} cycle={cycle} nextReview={nextReviews.get(cycle.id)} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

type NextReview = { review: Review; overdue: boolean };

/**
 * The next scheduled review of each active cycle. The board's list has no reviews in it, so each
 * active cycle's reviews are asked for separately (they are few).
 */
function useNextReviews(unitId: string, cycles: Cycle[]): Map<string, NextReview> {
  const results = useQueries({
    queries: cycles.map((cycle) => ({
      queryKey: pdsaKeys.reviews(unitId, cycle.id),
      queryFn: async () => (await call(() => client.api.units[':unitId'].cycles[':cycleId'].reviews.$get({ param: { unitId, cycleId: cycle.id } }))).items,
    })),
  });
  const now = new Date().toISOString();
  const next = new Map<string, NextReview>();
  cycles.forEach((cycle, i) => {
    const scheduled = (results[i]?.data ?? []).filter((r) => r.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const upcoming = scheduled.find((r) => r.startsAt >= now);
    const past = scheduled.filter((r) => r.startsAt < now).at(-1);
    if (past) next.set(cycle.id, { review: past, overdue: true });
    else if (upcoming) next.set(cycle.id, { review: upcoming, overdue: false });
  });
  return next;
}

function CycleCard({ cycle, nextReview }: { cycle: Cycle; nextReview?: NextReview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { doStart, doEnd } = cycle.plan;
  return (
    <li className="cycle-card">
      <h4 className="cycle-card__title">
        <Link href={`/units/${cycle.unitId}/cycles/${cycle.id}`} className="cycle-card__link">
          {cycle.title}
        </Link>
      </h4>
      <p className="cycle-card__meta">
        <span className="cycle-card__label">{t('board.doDates')}: </span>
        {doStart && doEnd ? (
          <time dateTime={`${doStart}/${doEnd}`}>{format.isoDateRange(doStart, doEnd)}</time>
        ) : (
          <span className="muted">{t('board.noDates')}</span>
        )}
      </p>
      {nextReview && (
        <p className={`cycle-card__review${nextReview.overdue ? ' cycle-card__review--overdue' : ''}`}>
          {nextReview.overdue ? <WarningIcon /> : <CalendarIcon />}
          <span>
            {nextReview.overdue ? t('board.reviewOutcomeMissing') : t('board.nextReview')}:{' '}
            <time dateTime={nextReview.review.startsAt}>{format.meeting(nextReview.review.startsAt, nextReview.review.durationMinutes)}</time>
            <span className="muted"> ({t(`reviewKinds.${nextReview.review.kind}`)})</span>
          </span>
        </p>
      )}
      <CycleFlags cycle={cycle} />
    </li>
  );
}
