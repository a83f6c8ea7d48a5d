import { differenceInCalendarDays } from 'date-fns';
import * as z from 'zod';
import type { AimMeasureRole } from './aim.js';
import type { CyclePhase } from './cycle.js';
import { IdSchema } from './ids.js';

export { PROGRESS_SCORES, progressInputProblem } from './progress-scale.js';

/** The IHI Project Progress Scale: 0.5 (intent to participate) … 5.0 (outstanding sustainable results), in halves. */
export const ProgressScoreSchema = z.number().min(0.5).max(5).multipleOf(0.5);
export type ProgressScore = z.infer<typeof ProgressScoreSchema>;

/** Why Sykli suggests the score it does; the web says it in words. */
export const PROGRESS_BASES = ['noActivity', 'planning', 'testing', 'testedNoImprovement', 'improvement', 'improvementAdopted', 'broadImprovement', 'sustained'] as const;
export const ProgressBasisSchema = z.enum(PROGRESS_BASES);
export type ProgressBasis = z.infer<typeof ProgressBasisSchema>;

/** A confirmed score goes stale after this many days: leadership should not read an old judgement as today's. */
export const PROGRESS_STALE_DAYS = 60;
/** An adopted change counts as sustained once its improvement has held this long. */
export const SUSTAINED_DAYS = 90;

/** The coach's judgement: the suggestion confirmed, or another score with the reason. */
export const ProgressConfirmationSchema = z
  .object({
    unitId: IdSchema,
    score: ProgressScoreSchema,
    suggested: ProgressScoreSchema,
    reason: z.string().max(2000),
    confirmedBy: z.object({ personId: IdSchema, name: z.string().max(200) }),
    confirmedAt: z.iso.datetime(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'ProgressConfirmation' });
export type ProgressConfirmation = z.infer<typeof ProgressConfirmationSchema>;

export const ProgressInputSchema = z
  .strictObject({
    score: ProgressScoreSchema,
    /** Needed when the score differs from Sykli's suggestion. */
    reason: z.string().trim().max(2000).default(''),
  })
  .meta({ id: 'ProgressInput' });

export type ProgressFacts = {
  /** The unit's aims, each with its measures and the role each has in it. */
  aims: readonly { id: string; measures: readonly { measureKey: string; role: AimMeasureRole }[] }[];
  /** Each cycle's phase, when it was decided, its aim, and the measures its predictions name. */
  cycles: readonly { phase: CyclePhase; decidedAt: string | null; aimId: string | null; measureKeys: readonly string[] }[];
  /** Each tracked measure: the variation of its latest snapshot, and whether its target is consistently met. */
  measures: readonly {
    key: string;
    variation: 'improving' | 'concerning' | 'common';
    assurance: 'met' | 'missed' | 'notAssured' | 'none';
    /** The current phase's centre line is on the better side of the previous phase's: a change already held as a new phase. */
    shiftedBetter?: boolean;
  }[];
  now: Date;
};

/** How an outcome measure shows improvement: its latest point in an improving signal, or a new phase with a better centre line. */
export const IMPROVEMENT_SIGNALS = ['signal', 'newPhase'] as const;
export const ImprovementSignalSchema = z.enum(IMPROVEMENT_SIGNALS);
export type ImprovementSignal = z.infer<typeof ImprovementSignalSchema>;

/**
 * What the suggestion rests on: its basis, the outcome measures it counted as improving and by
 * which signal, and the balancing measures whose concerning signal lowered it.
 */
export type ProgressSuggestion = {
  score: ProgressScore;
  basis: ProgressBasis;
  improvingMeasures: string[];
  improvingBy: { measureKey: string; signal: ImprovementSignal }[];
  worseningBalancing: string[];
};

const FINISHED: readonly CyclePhase[] = ['adopted', 'embedding', 'adapted', 'abandoned'];
const ADOPTED: readonly CyclePhase[] = ['adopted', 'embedding'];
const TESTING: readonly CyclePhase[] = ['doing', 'studying', 'acting'];

/**
 * Sykli's suggestion from the unit's cycles and charts (issue 5's scale): no cycle yet 1.0–1.5,
 * changes tested without improvement 2.5, a signal of improvement 3.0–4.0, sustained after
 * adoption 4.5. 5.0 is left to the coach's judgement; Sykli never claims it.
 *
 * The measures are those of the aims the tested or adopted changes work towards: a cycle's own aim,
 * or, for a cycle without one, the aims naming a measure it predicts. Only their outcome measures
 * count as improvement (a signal on the better side, or a new phase whose centre line is better
 * than the one before): a process measure improving is the change being done, not its result, and
 * a measure of an aim no change works towards is not the changes' result. A balancing measure of
 * those aims whose latest point is in a concerning signal lowers a suggested improvement by half a point.
 */
export function suggestProgress(facts: ProgressFacts): ProgressSuggestion {
  const tested = facts.cycles.filter((c) => TESTING.includes(c.phase) || FINISHED.includes(c.phase));
  const linkedAims = facts.aims.filter((aim) =>
    tested.some((c) => (c.aimId ? c.aimId === aim.id : aim.measures.some((m) => c.measureKeys.includes(m.measureKey)))),
  );
  const withRole = (role: AimMeasureRole) => new Set(linkedAims.flatMap((aim) => aim.measures.filter((m) => m.role === role).map((m) => m.measureKey)));
  const [outcomes, balancing] = [withRole('outcome'), withRole('balancing')];
  const counted = facts.measures.filter((m) => outcomes.has(m.key));
  // After an adopted change the chart starts a new phase, whose own signals are gone: the shift itself is the improvement.
  const improvingBy = counted.flatMap((m): ProgressSuggestion['improvingBy'] =>
    m.variation === 'improving' ? [{ measureKey: m.key, signal: 'signal' }] : m.shiftedBetter ? [{ measureKey: m.key, signal: 'newPhase' }] : [],
  );
  const improving = improvingBy.map((m) => m.measureKey);
  const worseningBalancing = facts.measures.filter((m) => balancing.has(m.key) && m.variation === 'concerning').map((m) => m.key);
  const result = (score: ProgressScore, basis: ProgressBasis): ProgressSuggestion => ({
    score: improving.length > 0 && worseningBalancing.length > 0 ? score - 0.5 : score,
    basis,
    improvingMeasures: improving,
    improvingBy,
    worseningBalancing: improving.length > 0 ? worseningBalancing : [],
  });
  const adopted = facts.cycles.filter((c) => ADOPTED.includes(c.phase));
  if (improving.length > 0 && adopted.length > 0) {
    const heldLongEnough = adopted.some((c) => c.decidedAt && differenceInCalendarDays(facts.now, new Date(c.decidedAt)) >= SUSTAINED_DAYS);
    if (heldLongEnough && counted.some((m) => improving.includes(m.key) && m.assurance === 'met')) return result(4.5, 'sustained');
    if (improving.length * 2 >= counted.length) return result(4, 'broadImprovement');
    return result(3.5, 'improvementAdopted');
  }
  if (improving.length > 0) return result(3, 'improvement');
  if (facts.cycles.some((c) => FINISHED.includes(c.phase))) return result(2.5, 'testedNoImprovement');
  if (facts.cycles.some((c) => TESTING.includes(c.phase))) return result(2, 'testing');
  if (facts.cycles.length > 0 || facts.aims.length > 0) return result(1.5, 'planning');
  return result(1, 'noActivity');
}

export function isProgressStale(confirmedAt: string, now: Date): boolean {
  return differenceInCalendarDays(now, new Date(confirmedAt)) > PROGRESS_STALE_DAYS;
}
