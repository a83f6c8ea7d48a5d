import { describe, expect, it } from 'vitest';
import { mailFeedbackOf } from '../../functions/notify/ses-events.js';

const mail = { timestamp: '2026-11-30T06:14:58.000Z', source: 'sykli@sykli.example', messageId: 'm1', destination: ['minna.hakala@sykli.example'] };

describe('SES events, as the configuration set publishes them', () => {
  it('make a permanent bounce undeliverable, with the diagnostic code for whoever fixes the address', () => {
    const event = {
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'minna.hakala@sykli.example', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        timestamp: '2026-11-30T06:15:00.000Z',
        feedbackId: 'f1',
      },
      mail,
    };
    expect(mailFeedbackOf(JSON.stringify(event))).toEqual({
      reason: 'bounce',
      at: '2026-11-30T06:15:00.000Z',
      detail: 'General; smtp; 550 5.1.1 user unknown',
      addresses: ['minna.hakala@sykli.example'],
    });
  });

  it('make a complaint undeliverable: SES will not send there again', () => {
    const event = { eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'a@sykli.example' }], timestamp: '2026-11-30T06:15:00.000Z', complaintFeedbackType: 'abuse' }, mail };
    expect(mailFeedbackOf(JSON.stringify(event))).toMatchObject({ reason: 'complaint', detail: 'abuse', addresses: ['a@sykli.example'] });
  });

  it('leave a transient bounce, and every other event, alone', () => {
    const transient = { eventType: 'Bounce', bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull', bouncedRecipients: [{ emailAddress: 'a@sykli.example' }], timestamp: '2026-11-30T06:15:00.000Z' }, mail };
    expect(mailFeedbackOf(JSON.stringify(transient))).toBeNull();
    expect(mailFeedbackOf(JSON.stringify({ eventType: 'Delivery', delivery: {}, mail }))).toBeNull();
  });
});
