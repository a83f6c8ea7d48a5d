import { CycleSchema, type Cycle } from '../../domain/cycle.js';
import { recordDecision } from '../../domain/cycle-lifecycle.js';
import { ReviewSchema, checkOutcome, isSameOutcome, outcomeTooEarly, type Review, type ReviewOutcome } from '../../domain/review.js';
import type { CycleRepository, VersionedWrite } from '../../store/cycle-repository.js';
import { ConflictError as StoreConflict } from '../../store/errors.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError } from '../errors.js';
import { checkVersion, requireVersion } from '../versions.js';
import type { DeliverDecision } from './deliver-decision.js';
import type { ReviewAccess } from './reviews.js';
import type { StudyData } from './study-data.js';

/**
 * Records a review's outcome; a study review's carries the Act decision, which moves the cycle to
 * Act and is handed to its workflow. The same outcome again changes nothing and answers as done
 * (and delivers the decision again, should the first delivery have failed half-way).
 */
export function recordOutcome(deps: {
  reviewFor: ReviewAccess;
  cycles: Pick<CycleRepository, 'getReview' | 'write' | 'reviewWrite' | 'cycleWrite'>;
  deliverDecision: DeliverDecision;
  metrics: BusinessMetrics;
  studyData: StudyData;
}) {
  return async (caller: Caller, ref: { unitId: string; cycleId: string; reviewId: string }, outcome: ReviewOutcome, expectedVersion: number | undefined): Promise<Review> => {
    requireVersion('review', expectedVersion);
    const { unit, cycle, review: before } = await deps.reviewFor(caller, ref, true);
    if (isSameOutcome(before, outcome)) {
      await deps.deliverDecision(cycle);
      return before;
    }
    const refusal = checkOutcome(before, outcome);
    if (refusal) throw new ConflictError(refusal, { code: 'review.outcome' });
    checkVersion('review', before, expectedVersion);
    if (outcomeTooEarly(before, new Date())) {
      throw new ConflictError(`The review starts at ${before.startsAt}; its outcome can be recorded from then on.`, {
        code: 'review.notStarted',
        params: { startsAt: before.startsAt },
      });
    }
    const now = new Date().toISOString();
    const after = ReviewSchema.parse({ ...before, status: 'held', outcome, updatedAt: now, version: before.version + 1 });
    const writes: VersionedWrite[] = [deps.cycles.reviewWrite(before, after, 'recordOutcome')];
    let decided: Cycle | null = null;
    if (outcome.act) {
      const verdict = recordDecision(cycle, outcome.act, await deps.studyData(cycle));
      if (!verdict.ok) throw new ConflictError(verdict.reason, { code: verdict.code ?? 'cycle.decision', params: verdict.params });
      decided = CycleSchema.parse({ ...cycle, ...verdict.value, decidedAt: now, flags: [], updatedAt: now, version: cycle.version + 1 });
      writes.push(deps.cycles.cycleWrite(cycle, decided, 'recordDecision'));
    }
    try {
      await deps.cycles.write(writes, personActor(caller.person));
    } catch (error) {
      // Two submissions at once: the one that lost answers like a repeat if it said the same.
      const current = error instanceof StoreConflict ? await deps.cycles.getReview(cycle.id, before.id) : undefined;
      if (current && isSameOutcome(current, outcome)) return current;
      throw error;
    }
    if (decided) {
      deps.metrics.count('CyclesDecided');
      await deps.deliverDecision(decided);
    }
    return after;
  };
}
