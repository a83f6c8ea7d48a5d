import { useTranslation } from 'react-i18next';
import { ACT_DECISIONS, CYCLE_PHASES } from '../../../../functions/domain/cycle-phases.js';
import { useCycleTimeline, type ActDecision, type AuditEntry, type CyclePhase, type Review } from '../../api/pdsa.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';

const SECTIONS = ['title', 'objective', 'questions', 'plan', 'do', 'study'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (field: string): field is Section => (SECTIONS as readonly string[]).includes(field);
const isPhase = (value: unknown): value is CyclePhase => typeof value === 'string' && (CYCLE_PHASES as readonly string[]).includes(value);
const isDecision = (value: unknown): value is ActDecision => typeof value === 'string' && (ACT_DECISIONS as readonly string[]).includes(value);

/** The cycle's history from the audit trail: its own changes and its reviews', newest first. */
export function Timeline({ unitId, cycleId, reviews }: { unitId: string; cycleId: string; reviews: Review[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useCycleTimeline(
    unitId,
    cycleId,
    reviews.map((r) => r.id),
  );
  const kindOf = new Map(reviews.map((r) => [r.id, r.kind]));
  return (
    <section className="panel timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      {timeline.isPending && timeline.entries.length === 0 ? (
        <Loading />
      ) : timeline.error ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.entries.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline__list">
          {timeline.entries.map((entry) => (
            <li key={entry.id} className="timeline__item">
              <p className="timeline__what">
                <TimelineText entry={entry} reviewKind={kindOf.get(entry.entity.id)} />
              </p>
              <p className="timeline__meta">
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                <span aria-hidden="true"> · </span>
                {entry.actor.type === 'person' ? entry.actor.name : t('timeline.system')}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineText({ entry, reviewKind }: { entry: AuditEntry; reviewKind?: Review['kind'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const change = (field: string) => entry.changes.find((c) => c.field === field);
  const to = (field: string) => change(field)?.to;

  if (entry.entity.type === 'review') {
    const kind = t(`reviewKinds.${reviewKind ?? (to('kind') === 'plan' ? 'plan' : 'study')}`);
    const startsAt = to('startsAt');
    const duration = to('durationMinutes');
    const when = typeof startsAt === 'string' ? format.meeting(startsAt, typeof duration === 'number' ? duration : 60) : '';
    switch (entry.action) {
      case 'schedule':
        return <>{t('timeline.review.schedule', { kind, when })}</>;
      case 'reschedule':
        return <>{when ? t('timeline.review.reschedule', { kind, when }) : t('timeline.review.changed', { kind })}</>;
      case 'cancel':
        return <>{t('timeline.review.cancel', { kind })}</>;
      case 'recordOutcome':
        return <>{t('timeline.review.recordOutcome', { kind })}</>;
      default:
        return <>{t('timeline.review.changed', { kind })}</>;
    }
  }

  const action = entry.action;
  if (action.startsWith('to:')) {
    const phase = action.slice(3);
    if (phase === 'doing') return <>{t('timeline.cycle.startDo')}</>;
    if (phase === 'abandoned') return <>{t('timeline.cycle.abandoned')}</>;
    if (phase === 'embedding') return <>{t('timeline.cycle.startEmbedding')}</>;
    return <>{t('timeline.cycle.moved', { phase: isPhase(phase) ? t(`phases.${phase}`) : phase })}</>;
  }
  switch (action) {
    case 'create':
      return <>{t('timeline.cycle.create')}</>;
    case 'createFromRamp':
      return <>{t('timeline.cycle.createFromRamp')}</>;
    case 'createFromPractice': {
      const practice = to('fromPractice') as { title?: string } | undefined;
      return <>{t('goodPractices.timelineCreated', { title: practice?.title ?? '' })}</>;
    }
    case 'update': {
      const sections = entry.changes.map((c) => c.field).filter(isSection);
      return sections.length > 0 ? (
        <>{t('timeline.cycle.updateSections', { sections: format.list(sections.map((s) => t(`timeline.sections.${s}`))) })}</>
      ) : (
        <>{t('timeline.cycle.update')}</>
      );
    }
    case 'openStudy':
      return <>{t('timeline.cycle.openStudy')}</>;
    case 'recordDecision': {
      const act = to('act') as { decision?: string } | null | undefined;
      const decision = act?.decision;
      return isDecision(decision) ? (
        <>{t('timeline.cycle.recordDecision', { decision: t(`decisions.${decision}`) })}</>
      ) : (
        <>{t('timeline.cycle.update')}</>
      );
    }
    case 'applyDecision': {
      const phase = to('phase');
      return <>{t('timeline.cycle.applyDecision', { phase: isPhase(phase) ? t(`phases.${phase}`) : String(phase ?? '') })}</>;
    }
    case 'flagOverdue':
      return <>{t('timeline.cycle.flagOverdue')}</>;
    case 'workflowFailed':
      return <>{t('timeline.cycle.workflowFailed')}</>;
    case 'resumeWorkflow':
      return <>{t('timeline.cycle.resumeWorkflow')}</>;
    case 'notified': {
      const notified = (to('workflow') as { notified?: string[] } | undefined)?.notified ?? [];
      const marker = notified.at(-1) ?? '';
      if (marker === 'study-request') return <>{t('timeline.cycle.notifiedStudyRequest')}</>;
      if (marker.startsWith('reminder')) return <>{t('timeline.cycle.notifiedReminder')}</>;
      if (marker === 'escalation') return <>{t('timeline.cycle.notifiedEscalation')}</>;
      return <>{t('timeline.cycle.notified')}</>;
    }
    default:
      return <>{t('timeline.cycle.other', { action })}</>;
  }
}
