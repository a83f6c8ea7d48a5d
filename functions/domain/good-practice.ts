import * as z from 'zod';
import type { AreaStatus } from './area-status.js';
import type { Cycle, NewCycle, PracticeRef } from './cycle.js';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';
import { MeasureKeySchema } from './measure.js';

/**
 * Good practices (hyvät käytännöt): changes a unit of the area has adopted, with the evidence
 * behind them, so that another unit of the area can take one up as a cycle of its own. Their list
 * comes from the area's status items (each carries its unit's latest adopted changes), which the
 * overview reads anyway: one Query, whatever the number of units.
 */

/** A cycle is a good practice once its change is adopted (and while it is being embedded). */
export const PRACTICE_PHASES: readonly Cycle['phase'][] = ['adopted', 'embedding'];
export const isPractice = (cycle: Pick<Cycle, 'phase' | 'act'>) => PRACTICE_PHASES.includes(cycle.phase) && cycle.act?.decision === 'adopt';

export const GoodPracticeSchema = z.object({
  unitId: IdSchema,
  unitName: LocalizedTextSchema,
  cycleId: IdSchema,
  title: z.string().max(200),
  objective: z.string().max(4000),
  reason: z.string().max(4000),
  decidedAt: z.iso.datetime(),
  /** The measures its predictions named: where its evidence is. */
  measures: z.array(z.object({ measureKey: MeasureKeySchema, name: LocalizedTextSchema })),
  /** The cycles other units started from it, oldest first. */
  startedIn: z.array(z.object({ unitId: IdSchema, unitName: LocalizedTextSchema, cycleId: IdSchema, startedAt: z.iso.datetime() })),
});
export type GoodPractice = z.infer<typeof GoodPracticeSchema>;

/** The area's good practices, newest first, from its open units' status items and the cycles started from them. */
export function buildGoodPractices(statuses: readonly AreaStatus[], startedFromPractices: readonly Cycle[]): GoodPractice[] {
  const open = statuses.filter((s) => !s.closed);
  const nameOf = (unitId: string) => statuses.find((s) => s.unitId === unitId)?.unitName;
  const measureName = (key: string) => open.flatMap((s) => s.measures).find((m) => m.measureKey === key)?.name;
  return open
    .flatMap((status) =>
      status.pdsa.adoptedChanges.map((change) => ({
        unitId: status.unitId,
        unitName: status.unitName,
        cycleId: change.cycleId,
        title: change.title,
        objective: change.objective,
        reason: change.reason,
        decidedAt: change.decidedAt,
        measures: change.measureKeys.flatMap((key) => {
          const name = measureName(key);
          return name ? [{ measureKey: key, name }] : [];
        }),
        startedIn: startedFromPractices
          .filter((c) => c.fromPractice?.unitId === status.unitId && c.fromPractice.cycleId === change.cycleId)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .flatMap((c) => {
            const unitName = nameOf(c.unitId);
            return unitName ? [{ unitId: c.unitId, unitName, cycleId: c.id, startedAt: c.createdAt }] : [];
          }),
      })),
    )
    .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
}

/**
 * The draft a unit starts from a practice: its title, objective, questions and plan, without its
 * dates, which are the new team's to set. A question keeps its measure only when the unit tracks
 * that measure (else the Study could not judge it), and never the predicted value: the other
 * unit's figure says nothing of this unit's baseline.
 */
export function cycleFromPractice(source: Cycle, practice: PracticeRef, trackedKeys: ReadonlySet<string>): NewCycle & { fromPractice: PracticeRef } {
  return {
    title: source.title,
    changeIdeaId: null,
    aimId: null,
    objective: source.objective,
    questions: source.questions.map(({ measureKey, expectedDirection, expectedValue: _value, ...question }) =>
      measureKey && trackedKeys.has(measureKey) ? { ...question, measureKey, ...(expectedDirection ? { expectedDirection } : {}) } : question,
    ),
    plan: { who: source.plan.who, what: source.plan.what, where: source.plan.where, dataCollection: source.plan.dataCollection, doStart: null, doEnd: null },
    fromPractice: practice,
  };
}
