import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Locale } from '../domain/localized-text.js';
import type { Person } from '../domain/person.js';
import { reviewEndsAt, type Review } from '../domain/review.js';
import { reviewDescription, reviewSummary, type ReviewFacts } from './review-messages.js';

export type InvitationMethod = 'REQUEST' | 'CANCEL';

/** The same UID for every version of a review's invitation, so calendars update the one event. */
export function reviewUid(review: Pick<Review, 'id'>): string {
  return `review-${review.id}@sykli`;
}

/**
 * A review's iCalendar invitation (RFC 5546): REQUEST for a new or moved review, CANCEL for a
 * cancelled one, with SEQUENCE raised on each change. Times are written in UTC, computed from the
 * Helsinki wall-clock time, so every calendar shows the right local time on both sides of DST.
 */
export function reviewCalendar(input: {
  review: Review;
  facts: ReviewFacts;
  method: InvitationMethod;
  coach: Pick<Person, 'name' | 'email'>;
  participants: Pick<Person, 'name' | 'email'>[];
  locale: Locale;
}): string {
  const { review, facts, method, locale } = input;
  const calendar = ical({
    prodId: { company: 'Sykli', product: 'reviews', language: locale.toUpperCase() },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.createEvent({
    id: reviewUid(review),
    sequence: review.sequence,
    stamp: new Date(review.updatedAt),
    start: new Date(review.startsAt),
    end: reviewEndsAt(review),
    summary: reviewSummary(facts, locale),
    description: reviewDescription(facts, locale),
    location: review.place ?? review.meetingUrl ?? undefined,
    url: review.meetingUrl ?? undefined,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.coach.name, email: input.coach.email },
    attendees: input.participants.map((p) => ({
      name: p.name,
      email: p.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === 'REQUEST',
    })),
  });
  return calendar.toString();
}
