import { HELSINKI } from '../domain/helsinki-calendar.js';
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
 * Finland's time zone as calendars read it: EET, and EEST from the last Sunday of March 03:00 to
 * the last Sunday of October 04:00 (the EU rule, in force since 1983 and unchanged since 1996).
 */
const HELSINKI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${HELSINKI}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: HELSINKI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Helsinki wall-clock time, "20260330T100000" (for a TZID=Europe/Helsinki property). */
function helsinkiLocal(instant: Date): string {
  const part = Object.fromEntries(WALL_CLOCK.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.year}${part.month}${part.day}T${part.hour}${part.minute}${part.second}`;
}

/** An instant in UTC, "20260330T070000Z" (DTSTAMP must be UTC). */
function utc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A parameter value is quoted, and cannot hold a double quote or a line break. */
function param(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets, each continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * A review's iCalendar invitation (RFC 5545, RFC 5546): REQUEST for a new or moved review, CANCEL
 * for a cancelled one, with SEQUENCE raised on each change. Times are Helsinki wall-clock time with
 * TZID=Europe/Helsinki and its VTIMEZONE, so Outlook and phones show 10:00 as 10:00 on both sides
 * of a DST change whatever zone they are set to; every line ends in CRLF.
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
  const location = review.place ?? review.meetingUrl;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Sykli//reviews//${locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...HELSINKI_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${reviewUid(review)}`,
    `SEQUENCE:${review.sequence}`,
    `DTSTAMP:${utc(new Date(review.updatedAt))}`,
    `DTSTART;TZID=${HELSINKI}:${helsinkiLocal(new Date(review.startsAt))}`,
    `DTEND;TZID=${HELSINKI}:${helsinkiLocal(reviewEndsAt(review))}`,
    `SUMMARY:${text(reviewSummary(facts, locale))}`,
    `DESCRIPTION:${text(reviewDescription(facts, locale))}`,
    ...(location ? [`LOCATION:${text(location)}`] : []),
    ...(review.meetingUrl ? [`URL:${review.meetingUrl}`] : []),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN=${param(input.coach.name)}:mailto:${input.coach.email}`,
    ...input.participants.map(
      (p) => `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${method === 'REQUEST' ? 'TRUE' : 'FALSE'};CN=${param(p.name)}:mailto:${p.email}`,
    ),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
