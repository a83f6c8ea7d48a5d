import * as z from 'zod';
import { CycleSchema, type Cycle } from './cycle.js';
import { doEndsAt } from './cycle-lifecycle.js';
import { ReviewSchema, type Review } from './review.js';

export const CoachAgendaSchema = z
  .object({
    upcoming: z.array(ReviewSchema),
    overdue: z.array(ReviewSchema),
    studiesDue: z.array(CycleSchema),
  })
  .meta({ id: 'CoachAgenda' });
export type CoachAgenda = z.infer<typeof CoachAgendaSchema>;

/**
 * A coach's agenda: scheduled reviews still ahead (soonest first), scheduled reviews whose time has
 * passed without an outcome (oldest first), and cycles whose Study is due but has no study review
 * scheduled or held.
 */
export function coachAgenda(input: { reviews: readonly Review[]; cycles: readonly Cycle[]; now: Date }): CoachAgenda {
  const scheduled = input.reviews.filter((r) => r.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const now = input.now.toISOString();
  const reviewedCycles = new Set(input.reviews.filter((r) => r.kind === 'study' && r.status !== 'cancelled').map((r) => r.cycleId));
  const studyDue = (cycle: Cycle) =>
    cycle.phase === 'studying' || (cycle.phase === 'doing' && (doEndsAt(cycle)?.getTime() ?? Infinity) <= input.now.getTime());
  return {
    upcoming: scheduled.filter((r) => r.startsAt >= now),
    overdue: scheduled.filter((r) => r.startsAt < now),
    studiesDue: input.cycles
      .filter((c) => studyDue(c) && !reviewedCycles.has(c.id))
      .sort((a, b) => (a.plan.doEnd ?? '').localeCompare(b.plan.doEnd ?? '')),
  };
}
