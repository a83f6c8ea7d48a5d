import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { mimeMessage } from './mime-message.js';
import { OutgoingMessageSchema, withOneLineSubject, type Notifier } from './notifier.js';

/**
 * Sends through SES as raw MIME, the only way to attach a calendar invitation, through the
 * configuration set whose suppression list and bounce and complaint events keep addresses honest.
 */
export function createSesNotifier(client: SESv2Client, from: string, configurationSet: string): Notifier {
  return {
    async send(message) {
      const parsed = OutgoingMessageSchema.parse(withOneLineSubject(message));
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: parsed.to },
          Content: { Raw: { Data: new TextEncoder().encode(mimeMessage(parsed, from)) } },
          ConfigurationSetName: configurationSet,
          EmailTags: [{ Name: 'kind', Value: parsed.kind }],
        }),
      );
    },
  };
}
