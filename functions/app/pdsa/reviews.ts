import { randomUUID } from 'node:crypto';
import { ReviewSchema, reviewPhaseProblem, reviewStartsAt, type NewReview, type Reschedule, type Review } from '../../domain/review.js';
import type { CycleMail } from '../../notify/cycle-mail.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MemberDirectory } from '../../store/member-directory.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { personActor, type Caller } from '../caller.js';
import { ConflictError, NotFoundError, invalidField } from '../errors.js';
import { checkVersion } from '../versions.js';
import type { CycleAccess } from './cycles.js';

type Deps = {
  cycleFor: CycleAccess;
  cycles: Pick<CycleRepository, 'getReview' | 'listReviews' | 'write' | 'reviewWrite'>;
  members: Pick<MemberDirectory, 'membersOf'>;
  cycleMail: Pick<CycleMail, 'reviewChanged'>;
  metrics: BusinessMetrics;
};

/** The review a use case works on, of a cycle the person may see (and manage, for `manage`). */
export function reviewAccess(deps: Pick<Deps, 'cycleFor' | 'cycles'>) {
  return async (caller: Caller, ref: { unitId: string; cycleId: string; reviewId: string }, manage: boolean) => {
    const { unit, cycle } = await deps.cycleFor(caller, ref.unitId, ref.cycleId, manage ? 'review:manage' : undefined);
    const review = await deps.cycles.getReview(cycle.id, ref.reviewId);
    if (!review || review.unitId !== cycle.unitId) {
      throw new NotFoundError(`Cycle ${cycle.id} has no review ${ref.reviewId}.`, { code: 'review.notFound', params: { cycleId: cycle.id, reviewId: ref.reviewId } });
    }
    return { unit, cycle, review };
  };
}
export type ReviewAccess = ReturnType<typeof reviewAccess>;

/** Scheduling, moving and cancelling a cycle's reviews: the coach's job; every participant is told by e-mail. */
export function reviews(deps: Deps) {
  const reviewFor = reviewAccess(deps);

  /** Participants are the unit's coaches and supervisors; the review's coach is one of its coaches. */
  async function checkPeople(unitId: string, participantIds: string[], coachId?: string) {
    const members = await deps.members.membersOf({ unitId });
    const strangers = participantIds.filter((id) => !members.some((m) => m.personId === id));
    if (strangers.length > 0) throw invalidField('body.participantIds', `not members of unit ${unitId}: ${strangers.join(', ')}`, { code: 'review.notMembers', params: { count: strangers.length } });
    if (coachId && !members.some((m) => m.personId === coachId && m.role === 'coach')) {
      throw invalidField('body.coachId', `${coachId} is not a coach of unit ${unitId}`, { code: 'review.notCoach' });
    }
  }

  /** A review is a meeting to come: one cannot be scheduled, or moved, to a time already past. */
  function checkFuture(startsAt: string) {
    if (Date.parse(startsAt) < Date.now()) throw invalidField('body.date', 'a review cannot be scheduled in the past', { code: 'review.inPast' });
  }

  return {
    async list(caller: Caller, unitId: string, cycleId: string): Promise<Review[]> {
      const { cycle } = await deps.cycleFor(caller, unitId, cycleId);
      return (await deps.cycles.listReviews(cycle.id)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },

    async schedule(caller: Caller, unitId: string, cycleId: string, input: NewReview): Promise<Review> {
      const { unit, cycle } = await deps.cycleFor(caller, unitId, cycleId, 'review:manage');
      const misfit = reviewPhaseProblem(input.kind, cycle.phase);
      if (misfit) throw new ConflictError(misfit, { code: 'review.phase', params: { kind: input.kind, phase: cycle.phase } });
      checkFuture(reviewStartsAt(input));
      const coachId = input.coachId ?? caller.person.id;
      await checkPeople(unit.id, input.participantIds, coachId);
      const now = new Date().toISOString();
      const review = ReviewSchema.parse({
        ...input,
        id: randomUUID(),
        unitId: unit.id,
        cycleId: cycle.id,
        coachId,
        participantIds: [...new Set(input.participantIds)],
        startsAt: reviewStartsAt(input),
        status: 'scheduled',
        sequence: 0,
        outcome: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await deps.cycles.write([deps.cycles.reviewWrite(null, review, 'schedule')], personActor(caller.person));
      deps.metrics.count('ReviewsScheduled');
      await deps.cycleMail.reviewChanged(review, cycle, 'invitation');
      return review;
    },

    /** A new time or place; participants get an updated invitation (same UID, higher SEQUENCE), dropped ones a cancellation. */
    async reschedule(caller: Caller, ref: { unitId: string; cycleId: string; reviewId: string }, input: Reschedule, expectedVersion: number | undefined): Promise<Review> {
      const { unit, cycle, review: before } = await reviewFor(caller, ref, true);
      checkVersion('review', before, expectedVersion);
      if (before.status !== 'scheduled') {
        throw new ConflictError(`Only a scheduled review can be moved; this one is ${before.status}.`, { code: 'review.notScheduled', params: { status: before.status } });
      }
      checkFuture(reviewStartsAt(input));
      const participantIds = [...new Set(input.participantIds ?? before.participantIds)];
      await checkPeople(unit.id, participantIds);
      const after = ReviewSchema.parse({
        ...before,
        ...input,
        participantIds,
        startsAt: reviewStartsAt(input),
        sequence: before.sequence + 1,
        updatedAt: new Date().toISOString(),
        version: before.version + 1,
      });
      await deps.cycles.write([deps.cycles.reviewWrite(before, after, 'reschedule')], personActor(caller.person));
      const dropped = before.participantIds.filter((id) => !participantIds.includes(id));
      if (dropped.length > 0) await deps.cycleMail.reviewChanged({ ...after, participantIds: dropped }, cycle, 'cancellation');
      await deps.cycleMail.reviewChanged(after, cycle, 'reschedule');
      return after;
    },

    /** Cancelling twice is harmless: the second time answers the cancelled review. */
    async cancel(caller: Caller, ref: { unitId: string; cycleId: string; reviewId: string }, expectedVersion: number | undefined): Promise<Review> {
      const { unit, cycle, review: before } = await reviewFor(caller, ref, true);
      if (before.status === 'cancelled') return before;
      checkVersion('review', before, expectedVersion);
      if (before.status === 'held') throw new ConflictError('This review was held and has its outcome; a held review cannot be cancelled.', { code: 'review.held' });
      const after = ReviewSchema.parse({ ...before, status: 'cancelled', sequence: before.sequence + 1, updatedAt: new Date().toISOString(), version: before.version + 1 });
      await deps.cycles.write([deps.cycles.reviewWrite(before, after, 'cancel')], personActor(caller.person));
      await deps.cycleMail.reviewChanged(after, cycle, 'cancellation');
      return after;
    },
  };
}
