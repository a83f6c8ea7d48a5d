import * as z from 'zod';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';
import { FrequencySchema, MAX_TRACKED_MEASURES, MeasureKeySchema } from './measure.js';
import { PeriodSchema, addPeriods, periodRange } from './period.js';
import { duePeriod, roundDeadlines } from './round-schedule.js';
import type { Cycle } from './cycle.js';
import { predictedMeasures } from './cycle-marker.js';
import type { Aim } from './aim.js';
import { ImprovementSignalSchema, ProgressBasisSchema, ProgressScoreSchema, suggestProgress, type ProgressConfirmation } from './progress-score.js';
import { ClassificationSchema, TrendSchema, type Snapshot } from './series-analysis.js';
import { currentVersion, type UnitMeasure } from './unit-measure.js';
import type { Unit } from './unit.js';

/** How many recent periods the completeness figure covers. */
export const COMPLETENESS_PERIODS = 12;

export const MeasureStatusSchema = z.object({
  measureKey: MeasureKeySchema,
  name: LocalizedTextSchema,
  unitLabel: LocalizedTextSchema,
  frequency: FrequencySchema,
  definitionVersion: z.number().int().min(1),
  /**
   * The catalogue version the unit's current definition follows; null for the unit's own measure.
   * With the key it is the definition's identity, which decides whether units' figures compare.
   * Absent on a status item written before it was recorded, until that item is built again.
   */
  catalogueVersion: z.number().int().min(1).nullable().optional(),
  /** The latest period with a figure, and that figure in display units. */
  latestPeriod: PeriodSchema.nullable(),
  latestValue: z.number().nullable(),
  target: z.number().nullable(),
  classification: ClassificationSchema,
  /** Figures present among the last 12 periods up to the one due now. */
  completeness: z.object({ entered: z.number().int().min(0), expected: z.number().int().min(0) }),
  /** The due period has no figure and its reminder deadline has passed. */
  late: z.boolean(),
  /** The newest periods of its chart, for the overview's and homes' sparklines. */
  trend: TrendSchema.default({ start: null, values: [], centre: [], signals: [] }),
});
export type MeasureStatus = z.infer<typeof MeasureStatusSchema>;

/** How recent "completed cycles" are counted. */
export const RECENT_CYCLE_DAYS = 90;
/** How many adopted changes a status item carries for the good-practice list. */
const ADOPTED_CHANGES_KEPT = 10;

/** An adopted change, with what is needed to show its evidence: the cycle and the measures it predicted. */
export const AdoptedChangeSchema = z.object({
  cycleId: IdSchema,
  title: z.string().max(200),
  objective: z.string().max(4000),
  reason: z.string().max(4000),
  decidedAt: z.iso.datetime(),
  measureKeys: z.array(MeasureKeySchema).max(20),
});
export type AdoptedChange = z.infer<typeof AdoptedChangeSchema>;

export const UnitPdsaStatusSchema = z.object({
  inProgress: z.number().int().min(0),
  completedRecently: z.number().int().min(0),
  /** Cycles past their study review without an outcome, and scheduled reviews whose time has passed. */
  overdueReviews: z.number().int().min(0),
  adoptedChanges: z.array(AdoptedChangeSchema).max(ADOPTED_CHANGES_KEPT),
});

export const UnitProgressStatusSchema = z.object({
  suggested: ProgressScoreSchema,
  basis: ProgressBasisSchema,
  /** The outcome measures of the aims tested or adopted changes work towards that show improvement. */
  improvingMeasures: z.array(MeasureKeySchema).max(MAX_TRACKED_MEASURES).default([]),
  /** The same measures, each with the signal that showed its improvement. */
  improvingBy: z.array(z.object({ measureKey: MeasureKeySchema, signal: ImprovementSignalSchema })).max(MAX_TRACKED_MEASURES).default([]),
  /** Balancing measures of those aims in a concerning signal, which lowered the suggestion. */
  worseningBalancing: z.array(MeasureKeySchema).max(MAX_TRACKED_MEASURES).default([]),
  confirmed: z
    .object({ score: ProgressScoreSchema, reason: z.string().max(2000), by: z.string().max(200), at: z.iso.datetime() })
    .nullable(),
});

/** The leadership view reads one of these per unit, all of an area in one Query. */
export const AreaStatusSchema = z
  .object({
    areaId: IdSchema,
    unitId: IdSchema,
    unitName: LocalizedTextSchema,
    measures: z.array(MeasureStatusSchema).max(MAX_TRACKED_MEASURES),
    late: z.boolean(),
    pdsa: UnitPdsaStatusSchema,
    progress: UnitProgressStatusSchema,
    updatedAt: z.iso.datetime(),
    /** The unit is closed: the overview leaves it out. */
    closed: z.literal(true).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'AreaStatus' });
export type AreaStatus = z.infer<typeof AreaStatusSchema>;

/** What is known of one tracked measure: its latest snapshot and which recent periods have figures. */
export type SeriesFacts = { measure: UnitMeasure; latest: Snapshot | null; periodsWithFigures: readonly string[] };

/** What is known of the unit's improvement work: its aims, cycles, late reviews and the coach's score. */
export type PdsaFacts = {
  aims: readonly Pick<Aim, 'id' | 'measures'>[];
  cycles: readonly Pick<Cycle, 'id' | 'aimId' | 'title' | 'objective' | 'phase' | 'flags' | 'act' | 'questions' | 'updatedAt'>[];
  /** Scheduled reviews whose time has passed without an outcome. */
  lateReviews: number;
  confirmation: ProgressConfirmation | null;
};

const FINISHED_PHASES: readonly Cycle['phase'][] = ['adopted', 'embedding', 'adapted', 'abandoned'];

/** When a finished cycle was decided: its last change, as a finished cycle is no longer edited. */
const decidedAt = (cycle: PdsaFacts['cycles'][number]) => (FINISHED_PHASES.includes(cycle.phase) ? cycle.updatedAt : null);

/** Whether the newest phase's centre line lies on the better side of the one before it. */
function shiftedBetter(centre: readonly { cl: number | null }[], better: 'higher' | 'lower'): boolean {
  const [previous, current] = [centre.at(-2)?.cl, centre.at(-1)?.cl];
  if (previous == null || current == null || centre.length < 2) return false;
  return better === 'higher' ? current > previous : current < previous;
}

export function buildAreaStatus(unit: Pick<Unit, 'id' | 'areaId' | 'name'>, series: readonly SeriesFacts[], pdsa: PdsaFacts, now: Date): AreaStatus {
  const measures = series.map(({ measure, latest, periodsWithFigures }) => {
    const fields = currentVersion(measure).fields;
    const due = duePeriod(measure.frequency, now);
    const recent = periodRange(addPeriods(due, -(COMPLETENESS_PERIODS - 1)), due);
    const present = new Set(periodsWithFigures);
    const late = !present.has(due) && now.getTime() >= roundDeadlines(due).remindAt.getTime();
    return {
      measureKey: measure.key,
      name: fields.name,
      unitLabel: fields.unitLabel,
      frequency: measure.frequency,
      definitionVersion: currentVersion(measure).definitionVersion,
      catalogueVersion: measure.source === 'catalogue' ? currentVersion(measure).catalogueVersion : null,
      latestPeriod: latest?.value != null ? latest.period : null,
      latestValue: latest?.value ?? null,
      target: measure.target?.value ?? null,
      classification: latest
        ? { variation: latest.variation, assurance: latest.assurance }
        : { variation: 'common' as const, assurance: measure.target ? ('notAssured' as const) : ('none' as const) },
      completeness: { entered: recent.filter((p) => present.has(p)).length, expected: recent.length },
      late,
      trend: latest?.trend ?? { start: null, values: [], centre: [], signals: [] },
    };
  });
  const recentSince = now.getTime() - RECENT_CYCLE_DAYS * 86_400_000;
  const adopted = pdsa.cycles
    .filter((c) => (c.phase === 'adopted' || c.phase === 'embedding') && c.act)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const suggestion = suggestProgress({
    aims: pdsa.aims,
    cycles: pdsa.cycles.map((c) => ({ phase: c.phase, decidedAt: decidedAt(c), aimId: c.aimId, measureKeys: predictedMeasures(c) })),
    measures: series.map(({ measure }, i) => ({
      key: measure.key,
      ...measures[i]!.classification,
      shiftedBetter: shiftedBetter(measures[i]!.trend.centre, currentVersion(measure).fields.better),
    })),
    now,
  });
  const confirmation = pdsa.confirmation;
  return {
    areaId: unit.areaId,
    unitId: unit.id,
    unitName: unit.name,
    measures,
    late: measures.some((m) => m.late),
    pdsa: {
      inProgress: pdsa.cycles.filter((c) => c.phase === 'doing' || c.phase === 'studying' || c.phase === 'acting').length,
      completedRecently: pdsa.cycles.filter((c) => {
        const at = decidedAt(c);
        return at !== null && new Date(at).getTime() >= recentSince;
      }).length,
      overdueReviews: pdsa.cycles.filter((c) => c.flags.includes('overdue')).length + pdsa.lateReviews,
      adoptedChanges: adopted.slice(0, ADOPTED_CHANGES_KEPT).map((c) => ({
        cycleId: c.id,
        title: c.title,
        objective: c.objective,
        reason: c.act!.reason,
        decidedAt: c.updatedAt,
        measureKeys: [...new Set(c.questions.flatMap((q) => (q.measureKey ? [q.measureKey] : [])))],
      })),
    },
    progress: {
      suggested: suggestion.score,
      basis: suggestion.basis,
      improvingMeasures: suggestion.improvingMeasures,
      improvingBy: suggestion.improvingBy,
      worseningBalancing: suggestion.worseningBalancing,
      confirmed: confirmation
        ? { score: confirmation.score, reason: confirmation.reason, by: confirmation.confirmedBy.name, at: confirmation.confirmedAt }
        : null,
    },
    updatedAt: now.toISOString(),
    version: 1,
  };
}
