import type { Cycle } from '../domain/cycle.js';
import type { Person } from '../domain/person.js';
import type { Review } from '../domain/review.js';
import type { Unit } from '../domain/unit.js';
import type { MemberDirectory } from '../store/member-directory.js';
import type { UnitRepository } from '../store/unit-repository.js';
import type { Notifier } from './notifier.js';
import { reviewCalendar } from './review-invitation.js';
import {
  cancellationMail,
  escalationMail,
  invitationMail,
  reminderMail,
  rescheduleMail,
  studyReviewRequestMail,
  type CycleFacts,
  type MailText,
  type ReviewFacts,
} from './review-messages.js';

export type CycleMailDeps = {
  notifier: Notifier;
  directory: Pick<MemberDirectory, 'people' | 'unitPeople' | 'areaLeaders'>;
  units: Pick<UnitRepository, 'get'>;
  /** The web app's address, for the link in each message. */
  webUrl: string;
};

export type ReviewChange = 'invitation' | 'reschedule' | 'cancellation';

/** Sends the e-mails of cycles and reviews: one message per recipient, in their own language. */
export function createCycleMail(deps: CycleMailDeps) {
  const link = (cycle: Pick<Cycle, 'unitId' | 'id'>) => `${deps.webUrl.replace(/\/$/, '')}/units/${cycle.unitId}/cycles/${cycle.id}`;

  async function unitOf(unitId: string): Promise<Unit> {
    const unit = await deps.units.get(unitId);
    if (!unit) throw new Error(`Unit ${unitId} does not exist.`);
    return unit;
  }

  async function sendEach(
    recipients: Person[],
    kind: string,
    about: Record<string, string>,
    compose: (person: Person) => MailText & { attachment?: string },
  ) {
    const unique = [...new Map(recipients.map((p) => [p.id, p])).values()];
    for (const person of unique) {
      const { subject, text, attachment } = compose(person);
      await deps.notifier.send({
        to: [person.email],
        subject,
        text,
        kind,
        about,
        attachments: attachment ? [{ filename: 'invite.ics', contentType: 'text/calendar', content: attachment }] : [],
      });
    }
  }

  /** A notice about a cycle to some of its people, each in their own language. */
  async function cycleNotice(
    cycle: Cycle,
    kind: string,
    mail: (facts: CycleFacts, locale: Person['locale']) => MailText,
    recipients: (people: { unit: Unit; coaches: Person[]; supervisors: Person[] }) => Promise<Person[]> | Person[],
  ): Promise<void> {
    const unit = await unitOf(cycle.unitId);
    const { coaches, supervisors } = await deps.directory.unitPeople(cycle.unitId);
    const to = await recipients({ unit, coaches, supervisors });
    await sendEach(to, kind, { unitId: unit.id, cycleId: cycle.id }, (person) =>
      mail(
        {
          cycleTitle: cycle.title,
          unitName: unit.name[person.locale],
          doEnd: cycle.plan.doEnd ?? '',
          coachNames: coaches.map((c) => c.name).join(', '),
          link: link(cycle),
        },
        person.locale,
      ),
    );
  }

  return {
    /** Each participant's and the coach's invitation, update or cancellation, with the .ics (same UID, higher SEQUENCE). */
    async reviewChanged(review: Review, cycle: Cycle, change: ReviewChange): Promise<void> {
      const unit = await unitOf(review.unitId);
      const people = await deps.directory.people([review.coachId, ...review.participantIds]);
      const coach = people.find((p) => p.id === review.coachId);
      if (!coach) throw new Error(`Coach ${review.coachId} does not exist.`);
      const participants = people.filter((p) => review.participantIds.includes(p.id));
      const mail = { invitation: invitationMail, reschedule: rescheduleMail, cancellation: cancellationMail }[change];
      // The coach who organises it gets the invitation too, so that it is in their calendar as well.
      const recipients = participants.some((p) => p.id === coach.id) ? participants : [...participants, coach];
      await sendEach(recipients, `review-${change}`, { unitId: unit.id, cycleId: cycle.id, reviewId: review.id }, (person) => {
        const facts: ReviewFacts = {
          kind: review.kind,
          cycleTitle: cycle.title,
          unitName: unit.name[person.locale],
          startsAt: review.startsAt,
          durationMinutes: review.durationMinutes,
          place: review.place,
          meetingUrl: review.meetingUrl,
          coachName: coach.name,
          link: link(cycle),
        };
        const method = change === 'cancellation' ? 'CANCEL' : 'REQUEST';
        return {
          ...mail(facts, person.locale),
          attachment: reviewCalendar({ review, facts, method, coach, participants, locale: person.locale }),
        };
      });
    },

    /** Study is open: the unit's coaches are asked to schedule the study review. */
    studyReviewRequest: (cycle: Cycle) => cycleNotice(cycle, 'study-review-request', studyReviewRequestMail, ({ coaches }) => coaches),
    reminder: (cycle: Cycle) => cycleNotice(cycle, 'study-review-reminder', reminderMail, ({ coaches }) => coaches),
    /** The cycle is overdue: its supervisors and the area's leaders are told. */
    escalation: (cycle: Cycle) =>
      cycleNotice(cycle, 'cycle-overdue', escalationMail, async ({ unit, supervisors }) => [
        ...supervisors,
        ...(await deps.directory.areaLeaders(unit.areaId)),
      ]),
  };
}
export type CycleMail = ReturnType<typeof createCycleMail>;
