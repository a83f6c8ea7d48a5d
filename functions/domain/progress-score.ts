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
  cycles: readonly { phase: CyclePhase; decidedAt: string | null }[];
  /** The variation of each tracked measure's latest snapshot, and whether its target is consistently met. */
  measures: readonly { variation: 'improving' | 'concerning' | 'common'; assurance: 'met' | 'missed' | 'notAssured' | 'none' }[];
  now: Date;
};

const FINISHED: readonly CyclePhase[] = ['adopted', 'embedding', 'adapted', 'abandoned'];
const ADOPTED: readonly CyclePhase[] = ['adopted', 'embedding'];
const TESTING: readonly CyclePhase[] = ['doing', 'studying', 'acting'];

/**
 * Sykli's suggestion from the unit's cycles and charts (issue 5's scale): no cycle yet 1.0–1.5,
 * changes tested without improvement 2.5, a signal of improvement 3.0–4.0, sustained after
 * adoption 4.5. 5.0 is left to the coach's judgement; Sykli never claims it.
 */
export function suggestProgress(facts: ProgressFacts): { score: ProgressScore; basis: ProgressBasis } {
  const improving = facts.measures.filter((m) => m.variation === 'improving');
  const adopted = facts.cycles.filter((c) => ADOPTED.includes(c.phase));
  if (improving.length > 0 && adopted.length > 0) {
    const heldLongEnough = adopted.some((c) => c.decidedAt && differenceInCalendarDays(facts.now, new Date(c.decidedAt)) >= SUSTAINED_DAYS);
    if (heldLongEnough && improving.some((m) => m.assurance === 'met')) return { score: 4.5, basis: 'sustained' };
    if (improving.length * 2 >= facts.measures.length) return { score: 4, basis: 'broadImprovement' };
    return { score: 3.5, basis: 'improvementAdopted' };
  }
  if (improving.length > 0) return { score: 3, basis: 'improvement' };
  if (facts.cycles.some((c) => FINISHED.includes(c.phase))) return { score: 2.5, basis: 'testedNoImprovement' };
  if (facts.cycles.some((c) => TESTING.includes(c.phase))) return { score: 2, basis: 'testing' };
  if (facts.cycles.length > 0 || facts.aimCount > 0) return { score: 1.5, basis: 'planning' };
  return { score: 1, basis: 'noActivity' };
}

export function isProgressStale(confirmedAt: string, now: Date): boolean {
  return differenceInCalendarDays(now, new Date(confirmedAt)) > PROGRESS_STALE_DAYS;
}
