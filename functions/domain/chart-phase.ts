import * as z from 'zod';
import { ActorSchema } from './audit.js';
import { IdSchema, VersionSchema } from './ids.js';
import { MeasureKeySchema } from './measure.js';
import type { Measurement } from './measurement.js';
import { PeriodSchema, addPeriods, comparePeriods } from './period.js';
import { MIN_BASELINE } from './study-verdict.js';
import type { UnitMeasure } from './unit-measure.js';

/**
 * A new phase of a unit's chart: centre line and limits start afresh at `startPeriod`. Phases are
 * governed — someone decides, normally at an adopted change, and writes why — so that a chart is
 * never split merely to make a signal go away.
 */
export const ChartPhaseSchema = z
  .object({
    unitId: IdSchema,
    measureKey: MeasureKeySchema,
    startPeriod: PeriodSchema,
    reason: z.string().min(1).max(1000),
    /** The adopted change (PDSA cycle) behind the phase, when there is one. */
    cycleId: IdSchema.nullable(),
    createdBy: ActorSchema,
    createdAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'ChartPhase' });
export type ChartPhase = z.infer<typeof ChartPhaseSchema>;

export const NewChartPhaseSchema = z
  .strictObject({
    startPeriod: PeriodSchema,
    reason: z.string().trim().min(1, 'write why the process changed here').max(1000),
    cycleId: IdSchema.nullable().default(null),
  })
  .meta({ id: 'NewChartPhase' });
export type NewChartPhase = z.infer<typeof NewChartPhaseSchema>;

export const ChartPhaseChangesSchema = z
  .strictObject({
    startPeriod: PeriodSchema.optional(),
    reason: z.string().trim().min(1, 'write why the process changed here').max(1000).optional(),
    cycleId: IdSchema.nullable().optional(),
    /** Why the phase is changed: kept in the audit trail beside the change. */
    why: z.string().trim().min(1, 'write why the phase is changed').max(1000),
  })
  .meta({ id: 'ChartPhaseChanges' });
export type ChartPhaseChanges = z.infer<typeof ChartPhaseChangesSchema>;

export const ChartPhaseRemovalSchema = z
  .strictObject({ why: z.string().trim().min(1, 'write why the phase is removed').max(1000) })
  .meta({ id: 'ChartPhaseRemoval' });
export type ChartPhaseRemoval = z.infer<typeof ChartPhaseRemovalSchema>;

/**
 * A phase closed by a later one is the baseline that later phase is read against: it needs at least
 * this many figures for a centre line and limits worth comparing with (the same minimum as a study
 * verdict's baseline). The current, last phase may be young: it is still collecting its figures.
 */
export const MIN_PHASE_FIGURES = MIN_BASELINE;

/** A phase that would be left too short: from its first period (null: the series' start) to the one before `end`. */
export type ShortPhase = { start: string | null; end: string; figures: number };

/**
 * Whether moving phase starts to `starts` (the decided phases and the definition versions'
 * starts) leaves a closed phase next to one of `changed` with fewer than MIN_PHASE_FIGURES
 * figures. `figurePeriods` are the periods with a figure that counts (not left out). Only the
 * phases a change touches are judged, so an old short phase does not block an unrelated change.
 */
export function shortPhaseAround(starts: readonly string[], changed: readonly string[], figurePeriods: readonly string[]): ShortPhase | null {
  const bounds = [...new Set(starts)].sort(comparePeriods);
  const count = (start: string | null, end: string) =>
    figurePeriods.filter((p) => (start === null || comparePeriods(p, start) >= 0) && comparePeriods(p, end) < 0).length;
  for (const at of changed) {
    const i = bounds.indexOf(at);
    if (i === -1) continue;
    // The phase before the changed start, then the changed phase itself when a later start closes it.
    const closed: ShortPhase[] = [{ start: bounds[i - 1] ?? null, end: at, figures: 0 }];
    const next = bounds[i + 1];
    if (next) closed.push({ start: at, end: next, figures: 0 });
    for (const phase of closed) {
      const figures = count(phase.start, phase.end);
      if (figures < MIN_PHASE_FIGURES) return { ...phase, figures };
    }
  }
  return null;
}

/** `shortPhaseAround` for a measure: its decided phases (as they would be) and definition versions, over its counted figures. */
export function shortPhaseOf(measure: UnitMeasure, figures: readonly Measurement[], phases: readonly Pick<ChartPhase, 'startPeriod'>[], changed: readonly string[]): ShortPhase | null {
  const sameKind = (p: string) => p.includes('W') === (measure.frequency === 'weekly');
  const excluded = new Set((measure.chartSettings?.excluded ?? []).map((e) => e.period));
  const counted = figures.filter((m) => sameKind(m.period) && !excluded.has(m.period)).map((m) => m.period);
  const starts = [...phases.map((p) => p.startPeriod), ...measure.versions.slice(1).map((v) => v.validFrom)].filter(sameKind);
  return shortPhaseAround(starts, changed, counted);
}

/**
 * A frozen baseline runs from the start of its phase through `baselineEnd`; with fewer than
 * MIN_PHASE_FIGURES figures in it, the limits carried on would rest on too little. Null when enough.
 */
export function shortBaselineOf(measure: UnitMeasure, figures: readonly Measurement[], phases: readonly Pick<ChartPhase, 'startPeriod'>[], baselineEnd: string): ShortPhase | null {
  const end = addPeriods(baselineEnd, 1);
  const sameKind = (p: string) => p.includes('W') === (measure.frequency === 'weekly');
  // Later starts do not matter: only the phase holding the baseline's end is judged.
  const earlier = phases.filter((p) => sameKind(p.startPeriod) && comparePeriods(p.startPeriod, baselineEnd) <= 0);
  const versions = measure.versions.filter((v, i) => i === 0 || comparePeriods(v.validFrom, baselineEnd) <= 0);
  return shortPhaseOf({ ...measure, versions }, figures, [...earlier, { startPeriod: end }], [end]);
}
