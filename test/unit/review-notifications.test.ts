import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import ICAL from 'ical.js';
import { mockClient } from 'aws-sdk-client-mock';
import type { OutgoingMessage } from '../../functions/notify/notifier.js';
import { createOutboxNotifier } from '../../functions/notify/outbox-notifier.js';
import { logLine } from '../../functions/runtime/local/log-line.js';
import { describe, expect, it } from 'vitest';
import { reviewStartsAt, type Review } from '../../functions/domain/review.js';
import { reviewCalendar, reviewUid } from '../../functions/notify/review-invitation.js';
import {
  cancellationMail,
  escalationMail,
  invitationMail,
  reminderMail,
  rescheduleMail,
  studyReviewRequestMail,
  type ReviewFacts,
} from '../../functions/notify/review-messages.js';
import { createSesNotifier } from '../../functions/notify/ses-notifier.js';

const review = (date: string, changes: Partial<Review> = {}): Review => ({
  id: 'r1', unitId: 'palokka', cycleId: 'c1', kind: 'study', date, startTime: '10:00', durationMinutes: 90, place: 'Neuvotteluhuone 2',
  meetingUrl: null, startsAt: reviewStartsAt({ date, startTime: '10:00' }), participantIds: ['minna'], coachId: 'aino', status: 'scheduled',
  sequence: 0, outcome: null, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', version: 1, ...changes,
});
const facts = (r: Review): ReviewFacts => ({
  kind: r.kind, cycleTitle: 'Takaisinsoitot samana päivänä', unitName: 'Palokan terveysasema', startsAt: r.startsAt,
  durationMinutes: r.durationMinutes, place: r.place, meetingUrl: r.meetingUrl, coachName: 'Aino Virtanen', link: 'http://sykli.test/units/palokka/cycles/c1',
});
const people = { coach: { name: 'Aino Virtanen', email: 'aino@sykli.example' }, participants: [{ name: 'Minna Hakala', email: 'minna@sykli.example' }] };
const ics = (r: Review, method: 'REQUEST' | 'CANCEL', locale: 'fi' | 'sv' | 'en' = 'fi') => reviewCalendar({ review: r, facts: facts(r), method, locale, ...people });

/** The invitation as an independent parser reads it, with its own VTIMEZONE registered for its times. */
function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('review invitations (iCalendar)', () => {
  it('show 10:00 Helsinki time across the March and October DST changes, at the right instant', () => {
    // The last Sundays of March and October 2026 are the 29th and the 25th.
    for (const [date, utcHour] of [['2026-03-27', 8], ['2026-03-30', 7], ['2026-10-23', 7], ['2026-10-26', 8]] as const) {
      const r = review(date);
      const { event } = parsed(ics(r, 'REQUEST'));
      expect(event.startDate.zone?.tzid).toBe('Europe/Helsinki');
      expect([event.startDate.hour, event.startDate.minute, event.endDate.hour, event.endDate.minute]).toEqual([10, 0, 11, 30]);
      expect(event.startDate.toJSDate().toISOString()).toBe(`${date}T0${utcHour}:00:00.000Z`);
      expect(event.startDate.toJSDate().toISOString()).toBe(r.startsAt);
    }
  });

  it('is one CRLF-ended file with folded lines of at most 75 octets', () => {
    const text = reviewCalendar({ review: review('2026-06-15', { place: 'Neuvotteluhuone 2, Palokan terveysasema; 2. kerros, käytävän päässä oikealla ovi B' }), facts: facts(review('2026-06-15')), method: 'REQUEST', locale: 'fi', ...people });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(parsed(text).event.location).toBe('Neuvotteluhuone 2, Palokan terveysasema; 2. kerros, käytävän päässä oikealla ovi B');
  });

  it('invites with METHOD:REQUEST, the coach as organizer and the participants as attendees', () => {
    const { calendar, vevent, event } = parsed(ics(review('2026-06-15'), 'REQUEST'));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(reviewUid({ id: 'r1' }));
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toMatch(/Z$/);
    expect(event.organizer).toBe('mailto:aino@sykli.example');
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe('Aino Virtanen');
    expect(event.attendees.map((a) => [a.getFirstValue(), a.getParameter('cn'), a.getParameter('rsvp')])).toEqual([['mailto:minna@sykli.example', 'Minna Hakala', 'TRUE']]);
    expect(event.summary).toBe('Tulosten katselmointi: Takaisinsoitot samana päivänä (Palokan terveysasema)');
  });

  it('updates and cancels the same event: same UID, higher SEQUENCE, METHOD:CANCEL', () => {
    const moved = parsed(ics(review('2026-06-16', { sequence: 1 }), 'REQUEST'));
    const cancelled = parsed(ics(review('2026-06-16', { sequence: 2, status: 'cancelled' }), 'CANCEL', 'en'));
    expect([moved.event.uid, moved.event.sequence, moved.event.startDate.day]).toEqual([reviewUid({ id: 'r1' }), 1, 16]);
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect([cancelled.event.uid, cancelled.event.sequence]).toEqual([reviewUid({ id: 'r1' }), 2]);
    expect(cancelled.event.summary).toMatch(/^Study review: /);
  });
});

describe('e-mails in the recipient’s language', () => {
  const summer = facts(review('2026-06-15'));
  const cycleFacts = { cycleTitle: 'Takaisinsoitot', unitName: 'Palokan terveysasema', doEnd: '2026-03-27', coachNames: 'Aino Virtanen', link: 'http://x' };

  it('write the review time as people in each language read it, Finnish time', () => {
    expect(invitationMail(summer, 'fi').text).toContain('katselmointiin maanantaina 15.6.2026 klo 10.00–11.30');
    expect(invitationMail(summer, 'sv').text).toContain('måndag 15.6.2026 kl. 10.00–11.30');
    expect(invitationMail(summer, 'en').text).toContain('Monday 15 June 2026, 10:00–11:30 (Finnish time)');
  });

  it.each(['fi', 'sv', 'en'] as const)('have a subject and a body with the link for every message (%s)', (locale) => {
    const all = [
      invitationMail(summer, locale), rescheduleMail(summer, locale), cancellationMail(summer, locale),
      studyReviewRequestMail(cycleFacts, locale), reminderMail(cycleFacts, locale), escalationMail(cycleFacts, locale),
    ];
    for (const mail of all) {
      expect(mail.subject.length).toBeGreaterThan(10);
      expect(mail.text).toMatch(/http:\/\/(x|sykli\.test)/);
    }
    expect(new Set(all.map((m) => m.subject)).size).toBe(all.length);
  });

  it('tell the escalation’s readers that the cycle is overdue and who coaches it', () => {
    expect(escalationMail(cycleFacts, 'fi')).toMatchObject({ subject: expect.stringMatching(/^Myöhässä/), text: expect.stringContaining('27.3.2026') });
    expect(escalationMail(cycleFacts, 'en').text).toContain('Coach: Aino Virtanen');
  });
});

describe('the SES notifier', () => {
  it('sends raw MIME, through the configuration set, with the text and the .ics attachment carrying its method', async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'm1' });
    const notifier = createSesNotifier(new SESv2Client({ region: 'eu-north-1' }), 'sykli@example.fi', 'sykli-mail');
    await notifier.send({
      to: ['minna@sykli.example'], subject: 'Kutsu: Päivän katselmointi', text: 'Hei, tervetuloa!', kind: 'review-invitation',
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: ics(review('2026-06-15'), 'REQUEST') }],
    });
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ FromEmailAddress: 'sykli@example.fi', Destination: { ToAddresses: ['minna@sykli.example'] }, ConfigurationSetName: 'sykli-mail' });
    const raw = new TextDecoder().decode(input.Content!.Raw!.Data);
    expect(raw).toContain('Subject: =?UTF-8?B?');
    expect(raw).toContain('Content-Type: multipart/mixed');
    expect(raw).toContain('Content-Type: text/calendar; method=REQUEST; charset=UTF-8; name="invite.ics"');
    const parts = raw.split(/\r\n\r\n/);
    expect(Buffer.from(parts[2]!.split('\r\n--')[0]!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('Hei, tervetuloa!');
    expect(raw).toContain(Buffer.from('BEGIN:VCALENDAR').toString('base64').slice(0, 16));
  });

  it('passes SES errors on, so the workflow task fails and is recorded', async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).rejects(new Error('Throttling'));
    const notifier = createSesNotifier(new SESv2Client({ region: 'eu-north-1' }), 'sykli@example.fi', 'sykli-mail');
    await expect(notifier.send({ to: ['a@b.fi'], subject: 'x', text: 'y', kind: 'k' })).rejects.toThrow('Throttling');
  });

  it('sends a subject as one line, whatever a cycle title carried', async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'm2' });
    const notifier = createSesNotifier(new SESv2Client({ region: 'eu-north-1' }), 'sykli@example.fi', 'sykli-mail');
    await notifier.send({ to: ['a@b.fi'], subject: 'Review\r\nBcc: x@evil.example', text: 'y', kind: 'k' });
    const raw = new TextDecoder().decode(ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Content!.Raw!.Data);
    expect(raw).toContain('Subject: Review Bcc: x@evil.example\r\n');
    expect(raw).not.toMatch(/^Bcc:/m);
  });
});

describe('the local runtime\'s log and outbox', () => {
  it('writes each event on one line and each subject without CR or LF', async () => {
    expect(logLine('Cycle "a\r\nFAKE: line" failed', new Error('x\ny'))).not.toMatch(/[\r\n]/);
    const stored: OutgoingMessage[] = [];
    const lines: string[] = [];
    const add = async (message: OutgoingMessage) => {
      stored.push(message);
      return { about: {}, attachments: [], ...message, id: 'x', at: '' };
    };
    const notifier = createOutboxNotifier({ add }, (line) => lines.push(line));
    await notifier.send({ to: ['a@b.fi'], subject: 'Review\nBcc: x@evil.example', text: 'y', kind: 'k' });
    expect(stored[0]!.subject).toBe('Review Bcc: x@evil.example');
    expect(lines.join('')).not.toMatch(/[\r\n]/);
  });
});

