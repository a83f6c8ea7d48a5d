import * as z from 'zod';
import type { MailFeedback } from '../domain/person.js';

/**
 * The SES events Sykli acts on, as the configuration set publishes them (to SNS, one event per
 * message): permanent bounces and complaints. Other events (transient bounces, deliveries, …) are
 * parsed loosely and ignored. See "Amazon SES event publishing: contents of event data".
 */
const Recipient = z.looseObject({ emailAddress: z.string().min(3).max(320), diagnosticCode: z.string().optional() });

const BounceEventSchema = z.looseObject({
  eventType: z.literal('Bounce'),
  bounce: z.looseObject({
    bounceType: z.string(),
    bounceSubType: z.string().optional(),
    bouncedRecipients: z.array(Recipient).min(1),
    timestamp: z.iso.datetime(),
  }),
});
const ComplaintEventSchema = z.looseObject({
  eventType: z.literal('Complaint'),
  complaint: z.looseObject({
    complainedRecipients: z.array(Recipient).min(1),
    complaintFeedbackType: z.string().optional(),
    timestamp: z.iso.datetime(),
  }),
});
const SesEventSchema = z.discriminatedUnion('eventType', [BounceEventSchema, ComplaintEventSchema]);

/** What a Lambda subscribed to the SNS topic receives. */
export const SnsEventSchema = z.looseObject({
  Records: z.array(z.looseObject({ Sns: z.looseObject({ Message: z.string() }) })).min(1),
});

const detailOf = (parts: (string | undefined)[]) => parts.filter(Boolean).join('; ').slice(0, 500);

/** The feedback one SES event gives, or null for an event that leaves the addresses deliverable. */
export function mailFeedbackOf(message: string): MailFeedback | null {
  const parsed = SesEventSchema.safeParse(JSON.parse(message));
  if (!parsed.success) return null;
  const event = parsed.data;
  if (event.eventType === 'Bounce') {
    // A transient bounce (a full mailbox, an auto-reply) may go through next time; SES retries it itself.
    if (event.bounce.bounceType !== 'Permanent') return null;
    const recipients = event.bounce.bouncedRecipients;
    return {
      reason: 'bounce',
      at: event.bounce.timestamp,
      detail: detailOf([event.bounce.bounceSubType, ...recipients.map((r) => r.diagnosticCode)]),
      addresses: recipients.map((r) => r.emailAddress),
    };
  }
  return {
    reason: 'complaint',
    at: event.complaint.timestamp,
    detail: detailOf([event.complaint.complaintFeedbackType]),
    addresses: event.complaint.complainedRecipients.map((r) => r.emailAddress),
  };
}
