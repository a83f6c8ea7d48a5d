import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRescheduleReview, useScheduleReview, useUnitPeople, type CycleView, type Review } from '../../api/pdsa.js';
import type { Me } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { Choice, Choices, SelectField, TextField, FormActions } from '../../components/Fields.js';
import { useKnownPeople } from '../../components/Pdsa.js';
import { Loading } from '../../components/StatusViews.js';


const DURATIONS = [30, 45, 60, 90, 120];

type Errors = Partial<Record<'date' | 'startTime' | 'place' | 'meetingUrl' | 'participants', string>>;

/**
 * Schedules a plan or study review, or moves one (`review` given): kind, date, start time,
 * duration, place or meeting link, and participants picked by name from the unit's people. Every
 * participant and the organising coach get an invitation with an .ics (an update when it is moved).
 */
export function ScheduleReviewDialog({
  cycle,
  me,
  review,
  onClose,
  onDone,
  onReload,
}: {
  cycle: CycleView;
  me: Me;
  review?: Review;
  onClose: () => void;
  onDone: (message: string) => void;
  /** After a 412: the review changed meanwhile; load it again. */
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const people = useKnownPeople(cycle.unitId, me);
  const unitPeople = useUnitPeople(cycle.unitId);
  const schedule = useScheduleReview(cycle.unitId, cycle.id);
  const reschedule = useRescheduleReview(cycle.unitId, cycle.id);
  const mutation = review ? reschedule : schedule;

  const [kind, setKind] = useState<Review['kind']>(review?.kind ?? cycle.reviewKinds.at(-1) ?? 'study');
  const [date, setDate] = useState(review?.date ?? '');
  const [startTime, setStartTime] = useState(review?.startTime ?? '');
  const [duration, setDuration] = useState(String(review?.durationMinutes ?? 60));
  const [place, setPlace] = useState(review?.place ?? '');
  const [meetingUrl, setMeetingUrl] = useState(review?.meetingUrl ?? '');
  const [participants, setParticipants] = useState<string[]>(review?.participantIds ?? []);
  const [errors, setErrors] = useState<Errors>({});

  // Participants are picked by name from the unit's coaches and supervisors (and whoever the review
  // invites already). The coach who organises it gets the invitation anyway, so is not offered.
  const organiserId = review?.coachId ?? me.person.id;
  const candidates = [...new Set([...(unitPeople.data ?? []).map((p) => p.id), ...(review?.participantIds ?? [])])].filter((id) => id !== organiserId);
  const toggle = (id: string) => setParticipants((current) => (current.includes(id) ? current.filter((p) => p !== id) : [...current, id]));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Errors = {};
    if (!date) problems.date = t('form.requiredError');
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime)) problems.startTime = t('schedule.timeError');
    if (!place.trim() && !meetingUrl.trim()) problems.place = t('schedule.placeOrLink');
    if (meetingUrl.trim() && !/^https?:\/\/\S+$/.test(meetingUrl.trim())) problems.meetingUrl = t('schedule.urlError');
    if (participants.length === 0) problems.participants = t('schedule.participantsError');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const slot = {
      date,
      startTime,
      durationMinutes: Number(duration),
      place: place.trim() || null,
      meetingUrl: meetingUrl.trim() || null,
      participantIds: participants,
    };
    if (review) {
      reschedule.mutate({ review, json: slot }, { onSuccess: () => onDone(t('schedule.rescheduled')) });
    } else {
      schedule.mutate({ ...slot, kind }, { onSuccess: () => onDone(t('schedule.scheduled')) });
    }
  };

  return (
    <Dialog
      title={review ? t('schedule.rescheduleTitle') : t('schedule.title')}
      onClose={onClose}
      description={<p>{t('schedule.intro', { title: cycle.title })}</p>}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        {!review && (
          <Choices legend={t('schedule.kind')} required>
            {cycle.reviewKinds.map((k) => (
              <Choice
                key={k}
                type="radio"
                name="review-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                label={t(`reviewKinds.${k}`)}
                hint={t(`schedule.kindHint.${k}`)}
              />
            ))}
          </Choices>
        )}
        <div className="form__row form__row--three">
          <TextField label={t('schedule.date')} type="date" required value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          <TextField label={t('schedule.startTime')} type="time" required step={300} value={startTime} error={errors.startTime} onChange={(e) => setStartTime(e.target.value)} />
          <SelectField label={t('schedule.duration')} value={duration} onChange={(e) => setDuration(e.target.value)}>
            {DURATIONS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('schedule.minutes', { count: minutes })}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="field__hint">{t('schedule.timeZone')}</p>
        <TextField label={t('schedule.place')} hint={t('schedule.placeHint')} value={place} error={errors.place} onChange={(e) => setPlace(e.target.value)} />
        <TextField label={t('schedule.meetingUrl')} type="url" inputMode="url" placeholder="https://" value={meetingUrl} error={errors.meetingUrl} onChange={(e) => setMeetingUrl(e.target.value)} />
        <Choices legend={t('schedule.participants')} hint={t('selfService.organiserInvited')} error={errors.participants} required>
          {unitPeople.isPending ? <Loading /> : candidates.length === 0 && <p className="muted">{t('selfService.noCandidates')}</p>}
          {candidates.map((id) => (
            <Choice
              key={id}
              type="checkbox"
              checked={participants.includes(id)}
              onChange={() => toggle(id)}
              label={people.nameOf(id)}
              hint={people.undeliverable(id) ? t('people.undeliverableHint') : undefined}
            />
          ))}
        </Choices>
        <ActionError error={mutation.error} onReload={onReload} />
        <FormActions label={review ? t('schedule.saveReschedule') : t('schedule.save')} pending={mutation.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
