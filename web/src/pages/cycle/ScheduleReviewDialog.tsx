import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRescheduleReview, useScheduleReview, type CycleView, type Review } from '../../api/pdsa.js';
import type { Me } from '../../api/queries.js';
import { ActionError } from '../../components/ActionError.js';
import { Dialog } from '../../components/Dialog.js';
import { Choice, Choices, SelectField, TextField, FormActions } from '../../components/Fields.js';
import { useKnownPeople } from '../../components/Pdsa.js';


const DURATIONS = [30, 45, 60, 90, 120];
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

type Errors = Partial<Record<'date' | 'startTime' | 'place' | 'meetingUrl' | 'participants' | 'otherId', string>>;

/**
 * Schedules a plan or study review, or moves one (`review` given): kind, date, start time,
 * duration, place or meeting link, and participants from the unit. Every participant gets an
 * invitation with an .ics (an update when it is moved).
 */
export function ScheduleReviewDialog({
  cycle,
  me,
  review,
  knownIds = [],
  onClose,
  onDone,
  onReload,
}: {
  cycle: CycleView;
  me: Me;
  review?: Review;
  /** People already taking part in the cycle's reviews, who are the unit's people too. */
  knownIds?: string[];
  onClose: () => void;
  onDone: (message: string) => void;
  /** After a 412: the review changed meanwhile; load it again. */
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const people = useKnownPeople(cycle.unitId, me);
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
  const [extraIds, setExtraIds] = useState<string[]>([]);
  const [otherId, setOtherId] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  // Everyone the app knows in the unit (the API has no list of a unit's people): who has edited
  // there, who takes part in the cycle's reviews, and anyone added by id. The coach who schedules
  // is the organiser and gets no invitation of their own.
  const candidates = [...new Set([...people.candidates, ...knownIds, ...(review?.participantIds ?? []), ...extraIds])].filter(
    (id) => id !== (review?.coachId ?? me.person.id),
  );
  const toggle = (id: string) => setParticipants((current) => (current.includes(id) ? current.filter((p) => p !== id) : [...current, id]));

  const addOther = () => {
    const id = otherId.trim().toLowerCase();
    if (!ID_PATTERN.test(id)) {
      setErrors((e) => ({ ...e, otherId: t('schedule.otherIdError') }));
      return;
    }
    setErrors((e) => ({ ...e, otherId: undefined }));
    setExtraIds((ids) => (ids.includes(id) ? ids : [...ids, id]));
    setParticipants((current) => (current.includes(id) ? current : [...current, id]));
    setOtherId('');
  };

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
        <Choices legend={t('schedule.participants')} hint={t('schedule.participantsHint')} error={errors.participants} required>
          {candidates.length === 0 && <p className="muted">{t('schedule.noCandidates')}</p>}
          {candidates.map((id) => (
            <Choice
              key={id}
              type="checkbox"
              checked={participants.includes(id)}
              onChange={() => toggle(id)}
              label={people.names.has(id) ? people.nameOf(id) : id}
              hint={people.undeliverable(id) ? t('people.undeliverableHint') : people.names.has(id) ? undefined : t('schedule.nameUnknown')}
            />
          ))}
        </Choices>
        <div className="add-other">
          <TextField
            label={t('schedule.otherId')}
            hint={t('schedule.otherIdHint')}
            value={otherId}
            error={errors.otherId}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setOtherId(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addOther();
              }
            }}
          />
          <button type="button" className="button button--quiet" onClick={addOther}>
            {t('schedule.addOther')}
          </button>
        </div>
        <ActionError error={mutation.error} onReload={onReload} />
        <FormActions label={review ? t('schedule.saveReschedule') : t('schedule.save')} pending={mutation.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
