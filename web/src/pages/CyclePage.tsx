import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CYCLE_PHASES } from '../../../functions/domain/cycle-phases.js';
import { helsinkiDate } from '../../../functions/domain/helsinki-calendar.js';
import { ApiError } from '../api/client.js';
import { useDriverDiagram } from '../api/drivers.js';
import { pdsaKeys, useAims, useChangeIdeas, useCycle, useCycles, useReviews, type CyclePhase, type CycleView } from '../api/pdsa.js';
import { useUnit, type Me } from '../api/queries.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { CycleFlags, PhaseBadge } from '../components/Pdsa.js';
import { ErrorState, Loading } from '../components/StatusViews.js';
import { useFormat } from '../i18n/format.js';
import { currentLocale } from '../i18n/index.js';
import { Reviews } from './cycle/Reviews.js';
import { Timeline } from './cycle/Timeline.js';
import { Transitions } from './cycle/Transitions.js';
import { Worksheet } from './cycle/Worksheet.js';

/** One PDSA cycle: where it stands, what can be done next, the worksheet, its reviews and its history. */
export function CyclePage({ unitId, cycleId, me }: { unitId: string; cycleId: string; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unit = useUnit(unitId);
  const cycle = useCycle(unitId, cycleId);
  const reviews = useReviews(unitId, cycleId);
  const queryClient = useQueryClient();

  // The workflow moves the cycle on by itself (Study at the Do end, the Act decision): when a new
  // version arrives, its history and the reviews may have changed too.
  const version = cycle.data?.version;
  useEffect(() => {
    if (version === undefined) return;
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.audit(unitId, cycleId) });
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.cycles(unitId), exact: true });
  }, [version, unitId, cycleId, queryClient]);

  const back = (
    <p className="back">
      <Link href={`/units/${unitId}`}>
        <span aria-hidden="true">← </span>
        {unit.data ? t('cycle.backTo', { unit: unit.data.name[locale] }) : t('cycle.back')}
      </Link>
    </p>
  );

  if (cycle.isPending) {
    return (
      <>
        {back}
        <Loading />
      </>
    );
  }
  if (cycle.isError) {
    const notFound = cycle.error instanceof ApiError && cycle.error.status === 404;
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageHeading title={t('cycle.notFoundTitle')} />
            <p>{t('cycle.notFoundBody')}</p>
          </>
        ) : (
          <>
            <PageHeading title={t('error.title')} />
            <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />
          </>
        )}
      </>
    );
  }

  const data = cycle.data;
  const { edit: canEdit, manageReviews: canManage } = data.can;
  const reload = async () => (await cycle.refetch()).data;

  return (
    <>
      {back}
      <PageHeading title={data.title} />
      <CycleSummary cycle={data} />
      <PhaseNotice cycle={data} />
      {canEdit && <Transitions cycle={data} onReload={() => void cycle.refetch()} />}
      <div className="cycle-layout">
        <div className="cycle-layout__main">
          <Worksheet cycle={data} canEdit={canEdit} onReload={reload} />
        </div>
        <div className="cycle-layout__side">
          <Reviews cycle={data} me={me} canManage={canManage} />
          <Timeline unitId={unitId} cycleId={cycleId} reviews={reviews.data ?? []} />
        </div>
      </div>
    </>
  );
}

const STEPS: { phase: CyclePhase; letter: string }[] = [
  { phase: 'planning', letter: 'P' },
  { phase: 'doing', letter: 'D' },
  { phase: 'studying', letter: 'S' },
  { phase: 'acting', letter: 'A' },
];
/** Where the cycle stands among the steps: the phases after Act have done all four. */
const stepIndex = (phase: CyclePhase) => Math.min(CYCLE_PHASES.indexOf(phase), STEPS.length);

/** Phase, the PDSA steps with the current one marked, Do dates, flags, change idea and aim, and the ramp. */
function CycleSummary({ cycle }: { cycle: CycleView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ideas = useChangeIdeas(cycle.unitId);
  const aims = useAims(cycle.unitId);
  const cycles = useCycles(cycle.unitId);
  const idea = ideas.data?.find((i) => i.id === cycle.changeIdeaId);
  const aim = aims.data?.find((a) => a.id === cycle.aimId);
  // The driver the cycle's change idea sits under, from its aim's driver diagram (read only when there is one).
  const diagram = useDriverDiagram(cycle.unitId, idea?.driverId ? idea.aimId : null);
  const driver = diagram.data?.primaries.flatMap((p) => [p.driver, ...p.secondaries.map((s) => s.driver)]).find((d) => d.id === idea?.driverId);
  const titleOf = (id: string) => cycles.data?.items.find((c) => c.id === id)?.title;
  const current = stepIndex(cycle.phase);
  // A cycle abandoned while planned never went through Do, Study and Act.
  const abandonedEarly = cycle.phase === 'abandoned' && !cycle.plan.doStart;
  const { doStart, doEnd } = cycle.plan;

  return (
    <div className="cycle-summary">
      <div className="cycle-summary__status">
        <PhaseBadge phase={cycle.phase} />
        <CycleFlags cycle={cycle} />
      </div>
      <ol className="steps" aria-label={t('cycle.steps')}>
        {STEPS.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={step.phase} className={`steps__step steps__step--${abandonedEarly && i > 0 ? 'todo' : state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="steps__letter" aria-hidden="true">
                {step.letter}
              </span>
              <span className="steps__name">{t(`phases.${step.phase}`)}</span>
              <span className="visually-hidden">
                {' '}
                ({t(`cycle.stepState.${abandonedEarly && i > 0 ? 'todo' : state}`)})
              </span>
              {state === 'done' && !abandonedEarly && (
                <span className="steps__check" aria-hidden="true">
                  ✓
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <dl className="details details--compact">
        <div>
          <dt>{t('board.doDates')}</dt>
          <dd>{doStart && doEnd ? <time dateTime={`${doStart}/${doEnd}`}>{format.isoDateRange(doStart, doEnd)}</time> : t('board.noDates')}</dd>
        </div>
        {idea && (
          <div>
            <dt>{t('newCycle.changeIdea')}</dt>
            <dd>{idea.title}</dd>
          </div>
        )}
        {driver && idea?.aimId && (
          <div>
            <dt>{t('drivers.driverOfCycle')}</dt>
            <dd>
              <Link href={`/units/${cycle.unitId}/aims/${idea.aimId}/drivers`}>{driver.text}</Link>
            </dd>
          </div>
        )}
        {aim && (
          <div>
            <dt>{t('newCycle.aim')}</dt>
            <dd>{aim.statement}</dd>
          </div>
        )}
        {cycle.fromPractice && (
          <div>
            <dt>{t('goodPractices.fromPractice')}</dt>
            <dd>
              <Link href={`/areas/${cycle.fromPractice.areaId}/practices`}>
                {t('goodPractices.fromPracticeLink', { title: cycle.fromPractice.title, unit: cycle.fromPractice.unitName[currentLocale()] })}
              </Link>
            </dd>
          </div>
        )}
      </dl>
      {(cycle.previousCycleId || cycle.nextCycleId) && (
        <nav className="ramp" aria-label={t('cycle.ramp')}>
          {cycle.previousCycleId && (
            <Link href={`/units/${cycle.unitId}/cycles/${cycle.previousCycleId}`} className="ramp__link ramp__link--previous">
              <span aria-hidden="true">← </span>
              <span className="ramp__label">{t('cycle.previous')}</span>
              {titleOf(cycle.previousCycleId) && <span className="ramp__title">{titleOf(cycle.previousCycleId)}</span>}
            </Link>
          )}
          {cycle.nextCycleId && (
            <Link href={`/units/${cycle.unitId}/cycles/${cycle.nextCycleId}`} className="ramp__link ramp__link--next">
              <span className="ramp__label">{t('cycle.next')}</span>
              {titleOf(cycle.nextCycleId) && <span className="ramp__title">{titleOf(cycle.nextCycleId)}</span>}
              <span aria-hidden="true"> →</span>
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

/**
 * What happens next in the cycle's phase, said in a live region so that a change the workflow
 * makes by itself (Study opening, the decision applied) is announced.
 */
function PhaseNotice({ cycle }: { cycle: CycleView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const first = useRef(cycle.phase);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (cycle.phase !== first.current) setChanged(true);
  }, [cycle.phase]);

  const doEnd = cycle.plan.doEnd;
  let text = '';
  if (cycle.phase === 'doing' && doEnd) {
    text = doEnd < helsinkiDate(new Date()) ? t('cycle.notice.doingEnded') : t('cycle.notice.doing', { date: format.date(doEnd) });
  } else if (cycle.phase === 'studying') text = t('cycle.notice.studying');
  else if (cycle.phase === 'acting') text = t('cycle.notice.acting');
  else if (cycle.phase === 'adapted') text = t('cycle.notice.adapted');
  else if (cycle.phase === 'adopted') text = t('cycle.notice.adopted');
  else if (cycle.phase === 'planning') text = t('cycle.notice.planning');

  const error = cycle.workflow.lastError;
  return (
    <>
      <div className="phase-notice" role="status">
        {text && (
          <p className="notice notice--info">
            {changed && <strong>{t('cycle.notice.movedTo', { phase: t(`phases.${cycle.phase}`) })} </strong>}
            {text}
          </p>
        )}
      </div>
      {error && (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">
            <span className="notice__icon" aria-hidden="true">
              !
            </span>
            {t('cycle.workflowError', { date: format.dateTime(error.at) })}
          </p>
          <details className="technical">
            <summary>{t('error.technical')}</summary>
            <p lang="en">
              {error.error}: {error.cause}
            </p>
          </details>
        </div>
      )}
    </>
  );
}
