import * as z from 'zod';
import { unitPermissions, type Principal, type UnitRef } from '../../domain/access-policy.js';
import { ACT_DECISIONS, ActDecisionSchema, CycleChangesSchema, CyclePhaseSchema, CycleSchema, type Cycle } from '../../domain/cycle.js';
import { allowedTransitions, editableSections } from '../../domain/cycle-lifecycle.js';
import { ReviewKindSchema, reviewKindsFor } from '../../domain/review.js';
import { StudyVerdictSchema, decisionContradiction, type StudyVerdict } from '../../domain/study-verdict.js';

/** A cycle as a person reads it: the worksheet, where it may move next, what is open, and what they may do. */
export const CycleViewSchema = CycleSchema.extend({
  allowedTransitions: z.array(CyclePhaseSchema),
  /** The worksheet sections open in this phase, for whoever may edit the cycle. */
  editableSections: z.array(CycleChangesSchema.keyof()),
  /** The kinds of review that fit the cycle's phase now. */
  reviewKinds: z.array(ReviewKindSchema),
  /** Each prediction on a measure judged against the data: live until the Act decision, then as kept with it. */
  verdicts: z.array(StudyVerdictSchema),
  /** The Act decisions the measures speak against, which need a reason of their own. */
  decisionsAgainstData: z.array(ActDecisionSchema),
  can: z.object({ edit: z.boolean(), manageReviews: z.boolean() }),
}).meta({ id: 'CycleView' });
export type CycleView = z.infer<typeof CycleViewSchema>;

export function cycleView(principal: Principal, unit: UnitRef, cycle: Cycle, verdicts: readonly StudyVerdict[] = []): CycleView {
  const can = unitPermissions(principal, unit);
  return {
    ...cycle,
    allowedTransitions: allowedTransitions(cycle.phase),
    editableSections: editableSections(cycle.phase),
    reviewKinds: reviewKindsFor(cycle.phase),
    verdicts: [...verdicts],
    decisionsAgainstData: ACT_DECISIONS.filter((decision) => decisionContradiction(decision, verdicts) !== null),
    can: { edit: can.editPdsa, manageReviews: can.manageReviews },
  };
}

/** The cycles of a unit for its board, newest first, with how many are in each phase. */
export const CycleListSchema = z
  .object({
    items: z.array(CycleSchema),
    phaseCounts: z.record(CyclePhaseSchema, z.number().int()),
  })
  .meta({ id: 'CycleList' });
