import { Cron } from 'croner';
import type { Frequency } from './measure.js';
import { ROUND_SCHEDULES } from './round-schedule.js';
import { DIGEST_SCHEDULE } from './weekly-digest.js';

// Apart from round-schedule.ts: only the local scheduler follows the crons (EventBridge does in AWS),
// so the Lambdas do not carry croner.

/**
 * An EventBridge Scheduler cron expression as a standard five-field cron: its sixth field (the
 * year) must be `*`, and `?` (EventBridge's "no value" for day of month or of week) means any.
 */
export function standardCron(expression: string): string {
  const fields = /^cron\((.+)\)$/.exec(expression)?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6 || fields[5] !== '*') throw new Error(`${expression} is not a yearly-recurring EventBridge cron expression.`);
  return fields.slice(0, 5).map((field) => (field === '?' ? '*' : field)).join(' ');
}

const crons = Object.fromEntries(
  Object.entries(ROUND_SCHEDULES).map(([frequency, { expression, timezone }]) => [frequency, new Cron(standardCron(expression), { timezone })]),
) as Record<Frequency, Cron>;

/**
 * The next scheduled round strictly after `after`, from the same cron EventBridge Scheduler gets,
 * in its time zone: 08:00 stays wall-clock time over the DST changes.
 */
export function nextFireTime(frequency: Frequency, after: Date): Date {
  const next = crons[frequency].nextRun(after);
  if (!next) throw new Error(`The ${frequency} round's schedule has no next run after ${after.toISOString()}.`);
  return next;
}


const digestCron = new Cron(standardCron(DIGEST_SCHEDULE.expression), { timezone: DIGEST_SCHEDULE.timezone });

/** The next weekly digest strictly after `after`, from the same cron as its EventBridge schedule. */
export function nextDigestTime(after: Date): Date {
  const next = digestCron.nextRun(after);
  if (!next) throw new Error(`The weekly digest's schedule has no next run after ${after.toISOString()}.`);
  return next;
}
