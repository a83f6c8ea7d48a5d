import { randomUUID } from 'node:crypto';
import { demoPeople } from '../../functions/runtime/seed/demo-organisation.js';
import { createPeopleRepository } from '../../functions/store/people-repository.js';
import { describeError, lastLogLines, type EventContext, type EventSource, type Step } from './events.js';

/**
 * The mail-events function's events: SES events of the stack's configuration set, as SNS delivers
 * them to a subscribed Lambda — a permanent bounce and a complaint (each must mark the person's
 * address undeliverable) and a transient bounce (which must not). The event bodies follow SES's
 * event publishing format ("Contents of event data that Amazon SES publishes to Amazon SNS").
 */

/** The topics the template's SES event destinations publish to, which this function subscribes to. */
function sesTopicsOf(ctx: EventContext): { topicArn: string; configurationSet: string; events: string[] }[] {
  const { template, resolver } = ctx.stack;
  const resources = Object.values(template.Resources);
  const subscribed = resources
    .filter((r) => r.Type === 'AWS::SNS::Subscription' && r.Properties?.Protocol === 'lambda')
    .filter((r) => resolver.resolveString(r.Properties?.Endpoint, 'Subscription.Endpoint') === ctx.fn.arn)
    .map((r) => resolver.resolveString(r.Properties?.TopicArn, 'Subscription.TopicArn'));
  return resources
    .filter((r) => r.Type === 'AWS::SES::ConfigurationSetEventDestination' && r.Properties?.EventDestination?.SnsDestination)
    .map((r) => ({
      topicArn: resolver.resolveString(r.Properties!.EventDestination.SnsDestination.TopicARN, 'SnsDestination.TopicARN'),
      configurationSet: resolver.resolveString(r.Properties!.ConfigurationSetName, 'ConfigurationSetName'),
      events: (r.Properties!.EventDestination.MatchingEventTypes ?? []) as string[],
    }))
    .filter((destination) => subscribed.includes(destination.topicArn));
}

function snsDelivery(topicArn: string, sesEvent: unknown, at: Date) {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topicArn,
          Subject: null,
          Message: JSON.stringify(sesEvent),
          Timestamp: at.toISOString(),
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.eu-north-1.amazonaws.com/SimpleNotificationService-example.pem',
          UnsubscribeUrl: `https://sns.eu-north-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}`,
          MessageAttributes: {},
        },
      },
    ],
  };
}

function mailOf(to: string, configurationSet: string, at: Date) {
  return {
    timestamp: at.toISOString(),
    source: 'sykli@sykli.example',
    sourceArn: 'arn:aws:ses:eu-north-1:123456789012:identity/sykli.example',
    sendingAccountId: '123456789012',
    messageId: `0110019${randomUUID().replace(/-/g, '')}-000000`,
    destination: [to],
    headersTruncated: false,
    tags: { 'ses:configuration-set': [configurationSet], 'ses:source-ip': ['203.0.113.10'], kind: ['review-invitation'] },
  };
}

export const mailEvents: EventSource = {
  kind: 'SES bounce and complaint events delivered by SNS',

  steps(ctx) {
    const destinations = sesTopicsOf(ctx);
    const destination = destinations.find((d) => d.events.includes('bounce') && d.events.includes('complaint'));
    if (!destination) {
      return { steps: [], problems: ['no SES configuration set publishes bounces and complaints to a topic this function subscribes to'] };
    }
    const [bounced, complained, busy] = ['minna-hakala', 'eero-salminen', 'paivi-kangas'].map((id) => demoPeople.find((p) => p.id === id)!);
    const at = new Date(ctx.now.getTime() - 60_000);
    const people = createPeopleRepository(ctx.db);
    const stateOf = async (personId: string) => (await people.getWithMemberships(personId))?.person.undeliverable;
    const event = (label: string, sesEvent: unknown, check: () => Promise<string | null>, expectCalls?: string[]): Step => ({
      label,
      build: () => snsDelivery(destination.topicArn, sesEvent, ctx.now),
      expectCalls,
      async check(outcome) {
        if (!outcome.ok) return `failed: ${describeError(outcome)}${lastLogLines(outcome.logs)}`;
        return check();
      },
    });
    const steps: Step[] = [
      event(
        `a permanent bounce of ${bounced!.email}`,
        {
          eventType: 'Bounce',
          bounce: {
            feedbackId: `0110019${randomUUID().replace(/-/g, '')}-000000`,
            bounceType: 'Permanent',
            bounceSubType: 'General',
            bouncedRecipients: [{ emailAddress: bounced!.email, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
            timestamp: at.toISOString(),
            reportingMTA: 'dns; e226-55.smtp-out.eu-north-1.amazonses.com',
          },
          mail: mailOf(bounced!.email, destination.configurationSet, at),
        },
        async () => {
          const state = await stateOf(bounced!.id);
          return state?.reason === 'bounce' && state.detail.includes('550 5.1.1') ? null : `left ${bounced!.id} as ${JSON.stringify(state ?? 'deliverable')}, not undeliverable by a bounce`;
        },
        ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      ),
      event(
        `a complaint from ${complained!.email}`,
        {
          eventType: 'Complaint',
          complaint: {
            feedbackId: `0110019${randomUUID().replace(/-/g, '')}-000000`,
            complaintSubType: null,
            complainedRecipients: [{ emailAddress: complained!.email }],
            timestamp: at.toISOString(),
            userAgent: 'Mail provider feedback loop',
            complaintFeedbackType: 'abuse',
            arrivalDate: at.toISOString(),
          },
          mail: mailOf(complained!.email, destination.configurationSet, at),
        },
        async () => ((await stateOf(complained!.id))?.reason === 'complaint' ? null : `did not mark ${complained!.id} undeliverable by a complaint`),
        ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      ),
      event(
        `a transient bounce of ${busy!.email} (a full mailbox)`,
        {
          eventType: 'Bounce',
          bounce: {
            feedbackId: `0110019${randomUUID().replace(/-/g, '')}-000000`,
            bounceType: 'Transient',
            bounceSubType: 'MailboxFull',
            bouncedRecipients: [{ emailAddress: busy!.email, action: 'failed', status: '4.2.2', diagnosticCode: 'smtp; 452 4.2.2 mailbox full' }],
            timestamp: at.toISOString(),
          },
          mail: mailOf(busy!.email, destination.configurationSet, at),
        },
        async () => ((await stateOf(busy!.id)) ? `marked ${busy!.id} undeliverable for a bounce that may pass next time` : null),
      ),
    ];
    return { steps, problems: [] };
  },
};
