import * as z from 'zod';
import { AreaLanguagesSchema } from './area.js';
import type { AreaStatus } from './area-status.js';
import { ActDecisionSchema, CyclePhaseSchema, type Cycle } from './cycle.js';
import { helsinkiDate, helsinkiInstant, IsoDateSchema } from './helsinki-time.js';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';
import { MeasureKeySchema } from './measure.js';
import { PeriodSchema, addPeriods, comparePeriods, periodOf, periodRange } from './period.js';
import { ProgressScoreSchema } from './progress-score.js';
import { duePeriod } from './round-schedule.js';
import { TrendSchema, analyseSeries } from './series-analysis.js';
import { trendOf } from './trend.js';
import { StudyVerdictSchema, studyVerdicts, type PredictedSeries } from './study-verdict.js';
import { currentVersion } from './unit-measure.js';

/**
 * The status-meeting briefing (tilannekatsaus): what happened in an area between two dates in the
 * light of the measures. Per unit: signals that are new in the period (present in the chart at its
 * end, absent at its start; one line per measure and kind), cycles whose Do started, whose Study opened (Do ended) and whose Act
 * decision was recorded, with their verdicts; changes adopted; periods due in the window that have
 * no figure; and a progress score confirmed in the period.
 */

const SignalKindSchema = z.enum(['aboveUpperLimit', 'belowLowerLimit', 'longRun']);

const BriefingCycleSchema = z.object({
  cycleId: IdSchema,
  title: z.string(),
  phase: CyclePhaseSchema,
  doStart: IsoDateSchema.nullable(),
  doEnd: IsoDateSchema.nullable(),
  decision: ActDecisionSchema.nullable(),
  decidedAt: z.string().nullable(),
  verdicts: z.array(StudyVerdictSchema.pick({ measureKey: true, outcome: true, text: true })),
});
export type BriefingCycle = z.infer<typeof BriefingCycleSchema>;

export const BriefingUnitSchema = z.object({
  unitId: IdSchema,
  unitName: LocalizedTextSchema,
  newSignals: z.array(
    z.object({
      measureKey: MeasureKeySchema,
      measureName: LocalizedTextSchema,
      kind: SignalKindSchema,
      firstPeriod: PeriodSchema,
      lastPeriod: PeriodSchema,
      variation: z.enum(['improving', 'concerning']),
      text: LocalizedTextSchema,
      /** The chart up to the window's end, for the row's thumbnail: its last half year or so. */
      trend: TrendSchema,
      unitLabel: LocalizedTextSchema,
      target: z.number().nullable(),
    }),
  ),
  cyclesStarted: z.array(BriefingCycleSchema),
  cyclesStudied: z.array(BriefingCycleSchema),
  cyclesDecided: z.array(BriefingCycleSchema),
  adopted: z.array(BriefingCycleSchema),
  missingData: z.array(z.object({ measureKey: MeasureKeySchema, measureName: LocalizedTextSchema, periods: z.array(PeriodSchema) })),
  progress: z.object({ suggested: ProgressScoreSchema, confirmed: z.object({ score: ProgressScoreSchema, at: z.string(), reason: z.string() }).nullable() }).nullable(),
});
export type BriefingUnit = z.infer<typeof BriefingUnitSchema>;

/** "Presented": the area's briefing was gone through at a status meeting; the next one starts from that day. */
export const BriefingMarkerSchema = z
  .object({
    areaId: IdSchema,
    presentedAt: z.iso.datetime(),
    /** The window that was presented. */
    from: IsoDateSchema,
    to: IsoDateSchema,
    by: z.object({ personId: IdSchema, name: z.string().max(200) }),
    version: z.number().int().min(1),
  })
  .meta({ id: 'BriefingMarker' });
export type BriefingMarker = z.infer<typeof BriefingMarkerSchema>;

export const AreaBriefingSchema = z
  .object({
    areaId: IdSchema,
    /** The area's official languages, Finnish first: the languages the briefing is given in. */
    languages: AreaLanguagesSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
    units: z.array(BriefingUnitSchema),
    /** The last time the area's briefing was presented, which the default window starts from. */
    lastPresented: BriefingMarkerSchema.omit({ version: true }).nullable().optional(),
  })
  .meta({ id: 'AreaBriefing' });
export type AreaBriefing = z.infer<typeof AreaBriefingSchema>;

/** How much of the chart a new signal's thumbnail shows: enough to see the signal against what came before. */
const THUMBNAIL_PERIODS = { weekly: 26, monthly: 12 } as const;

/** Without dates asked, the briefing covers the last four weeks up to today. */
export const DEFAULT_BRIEFING_DAYS = 28;

export type BriefingFacts = {
  unit: { id: string; name: AreaStatus['unitName'] };
  status: AreaStatus | undefined;
  series: ReadonlyMap<string, PredictedSeries>;
  cycles: readonly Cycle[];
};

const within = (date: string | null | undefined, from: string, to: string) => !!date && date >= from && date <= to;

export function buildUnitBriefing(facts: BriefingFacts, window: { from: string; to: string }, now: Date): BriefingUnit {
  const { from, to } = window;
  const fromInstant = helsinkiInstant(from);
  const toInstant = helsinkiInstant(to);
  const newSignals: BriefingUnit['newSignals'] = [];
  const missingData: BriefingUnit['missingData'] = [];
  for (const { measure, figures, phases } of facts.series.values()) {
    const name = currentVersion(measure).fields.name;
    const first = periodOf(measure.frequency, fromInstant);
    const last = periodOf(measure.frequency, toInstant);
    const due = duePeriod(measure.frequency, now);
    const lastDue = comparePeriods(last, due) < 0 ? last : due;
    const before = analyseSeries({ measure, measurements: figures.filter((m) => comparePeriods(m.period, first) < 0), phases });
    const after = analyseSeries({ measure, measurements: figures.filter((m) => comparePeriods(m.period, last) <= 0), phases });
    const known = new Set(before.explanations.map((e) => `${e.kind}:${e.firstPeriod}`));
    const better = after.better;
    const thumbnail = { trend: trendOf(after.points, THUMBNAIL_PERIODS[measure.frequency]), unitLabel: currentVersion(measure).fields.unitLabel, target: measure.target?.value ?? null };
    // One line per measure and kind: the first new signal's sentence, and the last period it reached.
    const fresh = new Map<string, BriefingUnit['newSignals'][number]>();
    for (const e of after.explanations) {
      // The fewest-crossings rule belongs to a whole phase and has no direction: it is not an event of the window.
      if (e.kind === 'fewCrossings' || known.has(`${e.kind}:${e.firstPeriod}`) || comparePeriods(e.lastPeriod, first) < 0) continue;
      const up = e.kind === 'aboveUpperLimit' || (e.kind === 'longRun' && isAbove(after, e.firstPeriod));
      const variation = up === (better === 'higher') ? 'improving' : 'concerning';
      const seen = fresh.get(`${e.kind}:${variation}`);
      if (seen) seen.lastPeriod = e.lastPeriod;
      else fresh.set(`${e.kind}:${variation}`, { measureKey: measure.key, measureName: name, kind: e.kind, firstPeriod: e.firstPeriod, lastPeriod: e.lastPeriod, variation, text: e.text, ...thumbnail });
    }
    newSignals.push(...fresh.values());
    if (comparePeriods(first, lastDue) <= 0) {
      const have = new Set(figures.map((m) => m.period));
      const periods = periodRange(first, lastDue).filter((p) => !have.has(p));
      if (periods.length > 0) missingData.push({ measureKey: measure.key, measureName: name, periods });
    }
  }

  const brief = (cycle: Cycle): BriefingCycle => ({
    cycleId: cycle.id,
    title: cycle.title,
    phase: cycle.phase,
    doStart: cycle.plan.doStart,
    doEnd: cycle.plan.doEnd,
    decision: cycle.act?.decision ?? null,
    decidedAt: decidedAtOf(cycle),
    verdicts: (cycle.studyVerdicts ?? (cycle.phase === 'planning' ? [] : studyVerdicts(cycle, facts.series))).map((v) => ({ measureKey: v.measureKey, outcome: v.outcome, text: v.text })),
  });
  const started = facts.cycles.filter((c) => c.phase !== 'planning' && within(c.plan.doStart, from, to));
  const studied = facts.cycles.filter((c) => c.phase !== 'planning' && c.phase !== 'doing' && within(c.plan.doEnd, from, to));
  const decided = facts.cycles.filter((c) => c.act && c.phase !== 'studying' && within(dayOf(decidedAtOf(c)), from, to));
  const confirmed = facts.status?.progress.confirmed;
  return {
    unitId: facts.unit.id,
    unitName: facts.unit.name,
    newSignals,
    cyclesStarted: started.map(brief),
    cyclesStudied: studied.map(brief),
    cyclesDecided: decided.map(brief),
    adopted: decided.filter((c) => c.act?.decision === 'adopt').map(brief),
    missingData,
    progress: facts.status
      ? {
          suggested: facts.status.progress.suggested,
          confirmed: confirmed && within(dayOf(confirmed.at), from, to) ? { score: confirmed.score, at: confirmed.at, reason: confirmed.reason } : null,
        }
      : null,
  };
}

/** The decision's time; cycles decided before it was kept fall back to their last change. */
const decidedAtOf = (cycle: Cycle): string | null => (cycle.act ? (cycle.decidedAt ?? cycle.updatedAt) : null);
const dayOf = (instant: string | null) => (instant ? helsinkiDate(new Date(instant)) : null);

function isAbove(analysis: ReturnType<typeof analyseSeries>, period: string): boolean {
  const point = analysis.points.find((p) => p.period === period);
  return !!point && point.y !== null && point.cl !== null && point.y > point.cl;
}

/**
 * The window asked for, or the default one ending today: since the day the last briefing was
 * presented (`lastPresented`, an ISO instant), else the last four weeks. `from` after `to` is the
 * caller's mistake.
 */
export function briefingWindow(query: { from?: string; to?: string }, now: Date, lastPresented?: string | null): { from: string; to: string } {
  const to = query.to ?? helsinkiDate(now);
  const since = lastPresented ? helsinkiDate(new Date(lastPresented)) : null;
  const from = query.from ?? (since && since <= to ? since : helsinkiDate(new Date(helsinkiInstant(to).getTime() - DEFAULT_BRIEFING_DAYS * 86_400_000)));
  return { from, to };
}

/** Whether a window can be briefed: in order, and at most two years long (the charts' own span). */
export function briefingWindowProblem(window: { from: string; to: string }): string | null {
  if (window.from > window.to) return 'from must be on or before to';
  if (comparePeriods(periodOf('weekly', helsinkiInstant(window.from)), addPeriods(periodOf('weekly', helsinkiInstant(window.to)), -104)) < 0) return 'at most two years';
  return null;
}
