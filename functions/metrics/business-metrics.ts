import type { Notifier } from '../notify/notifier.js';

/**
 * The figures operators follow besides errors and latency: what people and the workflows got done.
 * The use cases count them through this port; in AWS the Lambdas write them as CloudWatch embedded
 * metric format (namespace `Sykli`), locally they go nowhere.
 */
export const BUSINESS_METRICS = {
  FiguresWritten: 'figures created or changed (form, single figure, CSV import)',
  CyclesStarted: 'cycles moved to Do, each starting its workflow',
  CyclesStudied: 'cycles whose Do ended and Study opened',
  CyclesDecided: 'Act decisions recorded with a study review (adopt, adapt, abandon)',
  ReviewsScheduled: 'reviews a coach scheduled',
  EmailsSent: 'e-mails handed to SES (one per message, whatever its recipients)',
  EmailsBounced: 'addresses that bounced for good or complained, as SES reported them',
  DigestsSent: 'weekly digests sent (one per person and week)',
  RoundUnitsLate: "units whose figures were still missing at a finished round's escalation",
} as const;
export type BusinessMetric = keyof typeof BUSINESS_METRICS;

export type BusinessMetrics = {
  count(metric: BusinessMetric, value?: number): void;
};

/** For runtimes that keep no metrics (the local app, tests that do not look). */
export const noMetrics: BusinessMetrics = { count: () => {} };

/** Counts each message the notifier hands on; a send that throws is not counted. */
export function countingSent(notifier: Notifier, metrics: BusinessMetrics): Notifier {
  return {
    async send(message) {
      await notifier.send(message);
      metrics.count('EmailsSent');
    },
  };
}
