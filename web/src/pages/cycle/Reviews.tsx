import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelReview, useReviews, type CycleView, type Review } from '../../api/pdsa.js';
import type { Me } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { CalendarIcon, useKnownPeople, WarningIcon } from '../../components/Pdsa.js';
import { ErrorState, Loading } from '../../components/StatusViews.js';
import { useFormat } from '../../i18n/format.js';
import { OutcomeDialog, type ReviewDialogProps } from './OutcomeDialog.js';
import { ScheduleReviewDialog } from './ScheduleReviewDialog.js';

type Open = { type: 'schedule' } | { type: 'reschedule'; review: Review } | { type: 'cancel'; review: Review } | { type: 'outcome'; review: Review };

/** The cycle's reviews, and for its coaches: schedule, move, cancel, record the outcome. */
export function Reviews({ cycle, me, canManage }: { cycle: CycleView; me: Me; canManage: boolean }) {
  const { t } = useTranslation();
  const reviews = useReviews(cycle.unitId, cycle.id);
  const [open, setOpen] = useState<Open>();
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);
  const reload = () => {
    void reviews.refetch();
    setOpen(undefined);
  };
  // After an action the dialog closes and focus moves to what it did (its button may be gone).
  const done = (text: string) => {
    setOpen(undefined);
    setMessage(text);
    setTimeout(() => messageRef.current?.focus(), 0);
  };
  const items = reviews.data ?? [];
  const hasStudyReview = items.some((r) => r.kind === 'study' && r.status !== 'cancelled');

  return (
    <section className="panel reviews" aria-labelledby="reviews-heading">
      <div className="section-header">
        <h2 id="reviews-heading">{t('reviews.title')}</h2>
        {canManage && cycle.reviewKinds.length > 0 && (
          <button type="button" className="button" onClick={() => setOpen({ type: 'schedule' })}>
            <CalendarIcon />
            {t('reviews.schedule')}
          </button>
        )}
      </div>
      {cycle.phase === 'studying' && !hasStudyReview && reviews.isSuccess && (
        <p className="notice notice--attention">
          <WarningIcon />
          {canManage ? t('reviews.studyDueCoach') : t('reviews.studyDue')}
        </p>
      )}
      <p className="status-message" role="status" ref={messageRef} tabIndex={-1}>
        {message}
      </p>
      {reviews.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('reviews.empty')}</p>
      ) : (
        <ul className="review-list">
          {items.map((review) => (
            <ReviewItem
              key={review.id}
              review={review}
              cycle={cycle}
              me={me}
              canManage={canManage}
              onAction={(type) => {
                setMessage('');
                setOpen({ type, review });
              }}
            />
          ))}
        </ul>
      )}

      {open?.type === 'schedule' && <ScheduleReviewDialog cycle={cycle} me={me} onClose={() => setOpen(undefined)} onDone={done} onReload={reload} />}
      {open?.type === 'reschedule' && (
        <ScheduleReviewDialog cycle={cycle} me={me} review={open.review} onClose={() => setOpen(undefined)} onDone={done} onReload={reload} />
      )}
      {open?.type === 'outcome' && <OutcomeDialog cycle={cycle} review={open.review} onClose={() => setOpen(undefined)} onDone={done} onReload={reload} />}
      {open?.type === 'cancel' && <CancelDialog cycle={cycle} review={open.review} onClose={() => setOpen(undefined)} onDone={done} onReload={reload} />}
    </section>
  );
}

function ReviewItem({
  review,
  cycle,
  me,
  canManage,
  onAction,
}: {
  review: Review;
  cycle: CycleView;
  me: Me;
  canManage: boolean;
  onAction: (type: 'reschedule' | 'cancel' | 'outcome') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const people = useKnownPeople(cycle.unitId, me);
  const past = review.status === 'scheduled' && review.startsAt < new Date().toISOString();
  const headingId = `review-${review.id}`;
  return (
    <li className={`review review--${review.status}`}>
      <div className="review__header">
        <h3 id={headingId} className="review__title">
          {t(`reviewKinds.${review.kind}`)}
        </h3>
        <span className={`status-tag status-tag--${review.status}`}>{t(`reviewStatus.${review.status}`)}</span>
      </div>
      <p className="review__when">
        <time dateTime={review.startsAt} className={review.status === 'cancelled' ? 'strike' : undefined}>
          {format.meeting(review.startsAt, review.durationMinutes)}
        </time>
      </p>
      {past && (
        <p className="flag flag--overdue">
          <WarningIcon />
          {t('reviews.outcomeMissing')}
        </p>
      )}
      <dl className="review__facts">
        {review.place && (
          <div>
            <dt>{t('schedule.place')}</dt>
            <dd>{review.place}</dd>
          </div>
        )}
        {review.meetingUrl && (
          <div>
            <dt>{t('schedule.meetingUrl')}</dt>
            <dd>
              <a href={review.meetingUrl} rel="noreferrer noopener" target="_blank">
                {review.meetingUrl}
                <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
              </a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('reviews.coach')}</dt>
          <dd>{people.nameOf(review.coachId)}</dd>
        </div>
        <div>
          <dt>{t('schedule.participants')}</dt>
          <dd>
            {format.list(review.participantIds.map((id) => (people.undeliverable(id) ? `${people.nameOf(id)} (${t('people.undeliverableShort')})` : people.nameOf(id))))}
          </dd>
        </div>
      </dl>
      {review.outcome && (
        <div className="review__outcome">
          <h4>{t('reviews.outcome')}</h4>
          {review.outcome.act && (
            <p>
              <strong>{t('worksheet.decision')}:</strong> {t(`decisions.${review.outcome.act.decision}`)}
            </p>
          )}
          {review.outcome.notes.trim() && <p className="multiline">{review.outcome.notes}</p>}
        </div>
      )}
      {canManage && review.status === 'scheduled' && !past && (
        <p className="muted review__not-started">{t('outcomeTiming.notYet', { time: format.dateTime(review.startsAt) })}</p>
      )}
      {canManage && review.status === 'scheduled' && (
        <div className="review__actions">
          {/* An outcome is what happened at the meeting: the API takes none before it starts. */}
          {past && (
            <button type="button" className="button button--small" onClick={() => onAction('outcome')}>
              {t('reviews.recordOutcome')}
              <span className="visually-hidden">: {t(`reviewKinds.${review.kind}`)}</span>
            </button>
          )}
          <button type="button" className="button button--quiet button--small" onClick={() => onAction('reschedule')}>
            {t('reviews.reschedule')}
            <span className="visually-hidden">: {t(`reviewKinds.${review.kind}`)}</span>
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => onAction('cancel')}>
            {t('reviews.cancel')}
            <span className="visually-hidden">: {t(`reviewKinds.${review.kind}`)}</span>
          </button>
        </div>
      )}
    </li>
  );
}

function CancelDialog({ cycle, review, onClose, onDone, onReload }: ReviewDialogProps & { onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cancel = useCancelReview(cycle.unitId, cycle.id);
  return (
    <Dialog
      title={t('reviews.cancelTitle')}
      onClose={onClose}
      description={
        <p>
          {t('reviews.cancelBody', { kind: t(`reviewKinds.${review.kind}`), when: format.meeting(review.startsAt, review.durationMinutes) })}
        </p>
      }
    >
      <ActionError error={cancel.error} onReload={onReload} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger-solid"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(review, { onSuccess: () => onDone(t('reviews.cancelled')) })}
        >
          {cancel.isPending ? t('form.saving') : t('reviews.confirmCancel')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose} data-autofocus>
          {t('reviews.keep')}
        </button>
      </div>
    </Dialog>
  );
}
