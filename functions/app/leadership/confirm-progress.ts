import { UnitProgressStatusSchema, buildAreaStatus } from '../../domain/area-status.js';
import { progressInputProblem, type ProgressConfirmation } from '../../domain/progress-score.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { UnitAccess } from '../access.js';
import { personActor, type Caller } from '../caller.js';
import type { DerivedItems } from '../derived-items.js';
import { invalidField } from '../errors.js';

export const ProgressViewSchema = UnitProgressStatusSchema.meta({ id: 'ProgressView' });

/**
 * The coach confirms the unit's progress score: Sykli's suggestion as of now, or another score with
 * the reason. The unit's facts are read once: for the suggestion, and for its status item, stored
 * again with the confirmation in it so that the leadership view shows it at once.
 */
export function confirmProgress(deps: {
  unitFor: UnitAccess;
  cycles: Pick<CycleRepository, 'write' | 'progressWrite'>;
  measurements: Pick<MeasurementRepository, 'putAreaStatus'>;
  derived: Pick<DerivedItems, 'unitFacts'>;
}) {
  return async (caller: Caller, unitId: string, input: { score: number; reason: string }) => {
    const unit = await deps.unitFor(caller, unitId, 'progress:confirm');
    const now = new Date();
    const facts = await deps.derived.unitFacts(unit, now);
    const current = buildAreaStatus(unit, facts.series, facts.pdsa, now);
    if (progressInputProblem(input, current.progress.suggested)) {
      throw invalidField('body.reason', `Write why the score is ${input.score} and not Sykli's suggestion ${current.progress.suggested}.`, {
        code: 'progress.reasonNeeded',
        params: { score: input.score, suggested: current.progress.suggested },
      });
    }
    const before = facts.pdsa.confirmation;
    const after: ProgressConfirmation = {
      unitId: unit.id,
      score: input.score,
      suggested: current.progress.suggested,
      reason: input.reason,
      confirmedBy: { personId: caller.person.id, name: caller.person.name },
      confirmedAt: now.toISOString(),
      version: (before?.version ?? 0) + 1,
    };
    await deps.cycles.write([deps.cycles.progressWrite(before, after)], personActor(caller.person));
    const status = buildAreaStatus(unit, facts.series, { ...facts.pdsa, confirmation: after }, now);
    await deps.measurements.putAreaStatus(status);
    return status.progress;
  };
}
