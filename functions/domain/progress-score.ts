import { differenceInCalendarDays } from 'date-fns';
import * as z from 'zod';
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
  aimCount: number;
  /** Each cycle's phase, when it was decided, and the measures its predictions name. */
  cycles: readonly { phase: CyclePhase; decidedAt: string | null; measureKeys: readonly string[] }[];
  /** Each tracked measure: its type, the variation of its latest snapshot, and whether its target is consistently met. */
  measures: readonly {
    key: string;
    type: 'outcome' | 'process' | 'balancing';
    variation: 'improving' | 'concerning' | 'common';
    assurance: 'met' | 'missed' | 'notAssured' | 'none';
    /** The current phase's centre line is on the better side of the previous phase's: a change already held as a new phase. */
    shiftedBetter?: boolean;
  }[];
  now: Date;
};

/** What the suggestion rests on: its basis, the outcome measures it counted, and the balancing measures that lowered it. */
export type ProgressSuggestion = { score: ProgressScore; basis: ProgressBasis; improvingMeasures: string[]; worseningBalancing: string[] };

const FINISHED: readonly CyclePhase[] = ['adopted', 'embedding', 'adapted', 'abandoned'];
const ADOPTED: readonly CyclePhase[] = ['adopted', 'embedding'];
const TESTING: readonly CyclePhase[] = ['doing', 'studying', 'acting'];

/**
 * Sykli's suggestion from the unit's cycles and charts (issue 5's scale): no cycle yet 1.0–1.5,
 * changes tested without improvement 2.5, a signal of improvement 3.0–4.0, sustained after
 * adoption 4.5. 5.0 is left to the coach's judgement; Sykli never claims it.
 *
 * Only outcome measures that a tested or adopted change predicted count as improvement (a signal on
 * the better side, or a new phase whose centre line is better than the one before): a process
 * measure improving, or an outcome no change targeted, is not the changes' result. A balancing
 * measure whose latest point is in a concerning signal lowers a suggested improvement by half a point.
 */
export function suggestProgress(facts: ProgressFacts): ProgressSuggestion {
  const tested = facts.cycles.filter((c) => TESTING.includes(c.phase) || FINISHED.includes(c.phase));
  const linked = new Set(tested.flatMap((c) => c.measureKeys));
  const counted = facts.measures.filter((m) => m.type === 'outcome' && linked.has(m.key));
  // After an adopted change the chart starts a new phase, whose own signals are gone: the shift itself is the improvement.
  const improving = counted.filter((m) => m.variation === 'improving' || m.shiftedBetter);
  const worseningBalancing = facts.measures.filter((m) => m.type === 'balancing' && m.variation === 'concerning').map((m) => m.key);
  const result = (score: ProgressScore, basis: ProgressBasis): ProgressSuggestion => ({
    score: improving.length > 0 && worseningBalancing.length > 0 ? score - 0.5 : score,
    basis,
    improvingMeasures: improving.map((m) => m.key),
    worseningBalancing: improving.length > 0 ? worseningBalancing : [],
  });
  const adopted = facts.cycles.filter((c) => ADOPTED.includes(c.phase));
  if (improving.length > 0 && adopted.length > 0) {
    const heldLongEnough = adopted.some((c) => c.decidedAt && differenceInCalendarDays(facts.now, new Date(c.decidedAt)) >= SUSTAINED_DAYS);
    if (heldLongEnough && improving.some((m) => m.assurance === 'met')) return result(4.5, 'sustained');
    if (improving.length * 2 >= counted.length) return result(4, 'broadImprovement');
    return result(3.5, 'improvementAdopted');
  }
  if (improving.length > 0) return result(3, 'improvement');
  if (facts.cycles.some((c) => FINISHED.includes(c.phase))) return result(2.5, 'testedNoImprovement');
  if (facts.cycles.some((c) => TESTING.includes(c.phase))) return result(2, 'testing');
  if (facts.cycles.length > 0 || facts.aimCount > 0) return result(1.5, 'planning');
  return result(1, 'noActivity');
}

export function isProgressStale(confirmedAt: string, now: Date): boolean {
  return differenceInCalendarDays(now, new Date(confirmedAt)) > PROGRESS_STALE_DAYS;
}
