import * as z from 'zod';
import type { AreaStatus } from './area-status.js';
import { CycleSchema, type Cycle } from './cycle.js';
import { doEndsAt } from './cycle-lifecycle.js';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';
import { MeasureKeySchema } from './measure.js';
import { PeriodSchema } from './period.js';
import { ReviewSchema, type Review } from './review.js';
import { duePeriod } from './round-schedule.js';

/** A coached unit whose due figures are late: which measures, for which period. */
export const MissingFiguresSchema = z
  .object({
    unitId: IdSchema,
    unitName: LocalizedTextSchema,
    measures: z.array(z.object({ measureKey: MeasureKeySchema, name: LocalizedTextSchema, period: PeriodSchema })),
  })
  .meta({ id: 'MissingFigures' });
export type MissingFigures = z.infer<typeof MissingFiguresSchema>;

export const CoachAgendaSchema = z
  .object({
    upcoming: z.array(ReviewSchema),
    overdue: z.array(ReviewSchema),
    studiesDue: z.array(CycleSchema),
    figuresMissing: z.array(MissingFiguresSchema),
  })
  .meta({ id: 'CoachAgenda' });
export type CoachAgenda = z.infer<typeof CoachAgendaSchema>;

/**
 * A coach's agenda: scheduled reviews still ahead (soonest first), scheduled reviews whose time has
 * passed without an outcome (oldest first), cycles whose Study is due but has no study review
 * scheduled or held, and the coached units whose due figures are late (from their status items).
 */
export function coachAgenda(input: { reviews: readonly Review[]; cycles: readonly Cycle[]; statuses?: readonly AreaStatus[]; now: Date }): CoachAgenda {
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
    figuresMissing: (input.statuses ?? [])
      .flatMap((status) => {
        const late = status.measures.filter((m) => m.late);
        if (late.length === 0) return [];
        const measures = late.map((m) => ({ measureKey: m.measureKey, name: m.name, period: duePeriod(m.frequency, input.now) }));
        return [{ unitId: status.unitId, unitName: status.unitName, measures }];
      })
      .sort((a, b) => a.unitName.fi.localeCompare(b.unitName.fi, 'fi')),
  };
}
