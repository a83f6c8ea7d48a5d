import * as z from 'zod';
import type { AreaBriefing } from './area-briefing.js';
import type { CoachAgenda } from './coach-agenda.js';
import { HELSINKI, helsinkiDate, helsinkiInstant, IsoDateSchema } from './helsinki-time.js';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema, type LocalizedText } from './localized-text.js';
import { PeriodSchema, periodOf } from './period.js';
import { ReviewKindSchema } from './review.js';

/**
 * The weekly digest e-mail (viikkokooste): on Monday morning, a coach gets their units' week —
 * reviews to hold, studies due without a review, figures missing, signals new in the week just
 * ended — and an area's leader the area briefing's summary of that week with a link to it.
 * One per person and ISO week; the person may turn it off (Person.digest).
 */

/** Monday 07:00 Helsinki time, before the measurement round at 08:00; the same cron in both runtimes. */
export const DIGEST_SCHEDULE = { expression: 'cron(0 7 ? * MON *)', timezone: HELSINKI } as const;

/** The ISO week a digest run belongs to: the week of its scheduled time. */
export function digestWeek(scheduledTime: Date): string {
  return periodOf('weekly', scheduledTime);
}

/** The week just ended, whose new signals and briefing the digest tells: the seven days before the scheduled day. */
export function digestWindow(scheduledTime: Date): { from: string; to: string } {
  const today = helsinkiInstant(helsinkiDate(scheduledTime));
  const day = (daysBack: number) => helsinkiDate(new Date(today.getTime() - daysBack * 86_400_000 + 12 * 3_600_000));
  return { from: day(7), to: day(1) };
}

/** Execution names are unique per run: the sent markers, not the name, keep a week from being sent twice. */
export function digestExecutionName(scheduledTime: Date): string {
  return `digest-${digestWeek(scheduledTime)}-${scheduledTime.toISOString().replace(/[:.]/g, '')}`;
}

/** How far ahead "reviews to hold" looks: the coming seven days. */
const WEEK_MS = 7 * 86_400_000;

const DigestReviewSchema = z.object({
  reviewId: IdSchema,
  unitId: IdSchema,
  unitName: LocalizedTextSchema,
  cycleId: IdSchema,
  cycleTitle: z.string(),
  kind: ReviewKindSchema,
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
});

export const CoachDigestSchema = z.object({
  reviews: z.array(DigestReviewSchema),
  overdueReviews: z.array(DigestReviewSchema),
  studiesDue: z.array(z.object({ unitId: IdSchema, unitName: LocalizedTextSchema, cycleId: IdSchema, title: z.string(), doEnd: IsoDateSchema.nullable() })),
  figuresMissing: z.array(z.object({ unitId: IdSchema, unitName: LocalizedTextSchema, measures: z.array(LocalizedTextSchema), period: PeriodSchema })),
  newSignals: z.array(
    z.object({ unitId: IdSchema, unitName: LocalizedTextSchema, measureName: LocalizedTextSchema, variation: z.enum(['improving', 'concerning']), text: LocalizedTextSchema }),
  ),
});
export type CoachDigest = z.infer<typeof CoachDigestSchema>;

export const AreaDigestSchema = z.object({
  areaId: IdSchema,
  areaName: LocalizedTextSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  units: z.number().int().min(0),
  improvingSignals: z.number().int().min(0),
  concerningSignals: z.number().int().min(0),
  cyclesStarted: z.number().int().min(0),
  cyclesStudied: z.number().int().min(0),
  cyclesDecided: z.number().int().min(0),
  /** The titles of the changes adopted in the week. */
  adopted: z.array(z.string()),
  /** The names of the units with figures missing in the week. */
  unitsMissingData: z.array(LocalizedTextSchema),
});
export type AreaDigest = z.infer<typeof AreaDigestSchema>;

export const WeeklyDigestSchema = z.object({
  week: PeriodSchema,
  /** Absent for a person who coaches no unit. */
  coach: CoachDigestSchema.nullable(),
  /** One per area the person leads. */
  areas: z.array(AreaDigestSchema),
});
export type WeeklyDigest = z.infer<typeof WeeklyDigestSchema>;

/** What the coach's part is built from: their agenda, their areas' briefings of the week (their units only), names. */
export type CoachDigestFacts = {
  agenda: CoachAgenda;
  briefings: readonly AreaBriefing[];
  coachedUnitIds: readonly string[];
  unitNames: ReadonlyMap<string, LocalizedText>;
  cycleTitles: ReadonlyMap<string, string>;
  now: Date;
};

export function coachDigest(facts: CoachDigestFacts): CoachDigest {
  const coached = new Set(facts.coachedUnitIds);
  const unitName = (unitId: string): LocalizedText => facts.unitNames.get(unitId) ?? { fi: unitId, sv: unitId, en: unitId };
  const review = (r: CoachAgenda['upcoming'][number]) => ({
    reviewId: r.id,
    unitId: r.unitId,
    unitName: unitName(r.unitId),
    cycleId: r.cycleId,
    cycleTitle: facts.cycleTitles.get(r.cycleId) ?? '',
    kind: r.kind,
    startsAt: r.startsAt,
    durationMinutes: r.durationMinutes,
  });
  const weekEnd = new Date(facts.now.getTime() + WEEK_MS).toISOString();
  return {
    reviews: facts.agenda.upcoming.filter((r) => r.startsAt < weekEnd).map(review),
    overdueReviews: facts.agenda.overdue.map(review),
    studiesDue: facts.agenda.studiesDue.map((c) => ({ unitId: c.unitId, unitName: unitName(c.unitId), cycleId: c.id, title: c.title, doEnd: c.plan.doEnd })),
    figuresMissing: facts.agenda.figuresMissing.map((f) => ({
      unitId: f.unitId,
      unitName: f.unitName,
      measures: f.measures.map((m) => m.name),
      period: f.measures[0]!.period,
    })),
    newSignals: facts.briefings.flatMap((briefing) =>
      briefing.units
        .filter((u) => coached.has(u.unitId))
        .flatMap((u) => u.newSignals.map((s) => ({ unitId: u.unitId, unitName: u.unitName, measureName: s.measureName, variation: s.variation, text: s.text }))),
    ),
  };
}

/** The leader's part for one area: the briefing of the week, counted. */
export function areaDigest(area: { id: string; name: LocalizedText }, briefing: AreaBriefing): AreaDigest {
  const signals = briefing.units.flatMap((u) => u.newSignals);
  const count = (pick: (u: AreaBriefing['units'][number]) => readonly unknown[]) => briefing.units.reduce((sum, u) => sum + pick(u).length, 0);
  return {
    areaId: area.id,
    areaName: area.name,
    from: briefing.from,
    to: briefing.to,
    units: briefing.units.length,
    improvingSignals: signals.filter((s) => s.variation === 'improving').length,
    concerningSignals: signals.filter((s) => s.variation === 'concerning').length,
    cyclesStarted: count((u) => u.cyclesStarted),
    cyclesStudied: count((u) => u.cyclesStudied),
    cyclesDecided: count((u) => u.cyclesDecided),
    adopted: briefing.units.flatMap((u) => u.adopted.map((c) => c.title)),
    unitsMissingData: briefing.units.filter((u) => u.missingData.length > 0).map((u) => u.unitName),
  };
}

/** Whether the coach's part has anything in it. */
export function coachDigestIsEmpty(digest: CoachDigest): boolean {
  return Object.values(digest).every((list) => list.length === 0);
}
