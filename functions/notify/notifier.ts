import * as z from 'zod';

/** An e-mail Sykli sends (review invitations, reminders, escalations); SES in AWS, the outbox locally. */
export const OutgoingMessageSchema = z
  .object({
    to: z.array(z.email()).min(1).max(50),
    subject: z.string().min(1).max(300),
    text: z.string().min(1).max(20_000),
    /** The same message as HTML, sent beside the text (multipart/alternative) for clients that show it. */
    html: z.string().min(1).max(100_000).optional(),
    kind: z.string().min(1).max(64),
    /** Ids the message is about (unit, cycle, review, round), for the outbox view and tracing. */
    about: z.record(z.string(), z.string()).default({}),
    attachments: z
      .array(z.object({ filename: z.string().max(200), contentType: z.string().max(200), content: z.string().max(200_000) }))
      .max(5)
      .default([]),
  })
  .meta({ id: 'OutgoingMessage' });
export type OutgoingMessage = z.input<typeof OutgoingMessageSchema>;

/** A subject is one line in every runtime: CR and LF (from a cycle's title, say) become spaces. */
export function withOneLineSubject<M extends OutgoingMessage>(message: M): M {
  return { ...message, subject: message.subject.replace(/[\r\n]+/g, ' ') };
}

export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}
