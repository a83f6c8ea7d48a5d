import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../domain/access-policy.js';
import { CycleSchema, type Cycle } from '../../domain/cycle.js';
import { recordDecision } from '../../domain/cycle-lifecycle.js';
import {
  NewReviewSchema,
  RescheduleSchema,
  ReviewOutcomeSchema,
  ReviewSchema,
  checkOutcome,
  isSameOutcome,
  reviewStartsAt,
  type Review,
} from '../../domain/review.js';
import { ConflictError } from '../../store/errors.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { personActor } from './aims.js';
import { IfMatchHeader, UnitIdParam, fieldProblem, idParam, pdsaUnit } from './unit-access.js';

const CycleParams = z.object({ unitId: UnitIdParam, cycleId: idParam('cycleId') });
const ReviewParams = CycleParams.extend({ reviewId: idParam('reviewId') });
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
const common = {
  400: problemResponse('Invalid request'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit, cycle or review, or not one the person may see'),
};
const manageErrors = {
  403: problemResponse('Only coaches of the unit schedule reviews and record outcomes'),
  409: problemResponse('Not possible in the review’s or cycle’s state; the detail says why'),
  412: problemResponse('Someone else changed the review first'),
  428: problemResponse('If-Match is missing'),
};

/** Which reviews fit which phase: the plan before and during Do, the study from Do on until the decision. */
const REVIEWABLE: Record<Review['kind'], Cycle['phase'][]> = { plan: ['planning', 'doing'], study: ['doing', 'studying'] };

export function reviewRoutes(deps: ApiDeps) {
  const unitFor = pdsaUnit(deps);

  async function cycleOf(principal: Principal, unitId: string, cycleId: string, need?: 'review:manage') {
    await unitFor(principal, unitId, need);
    const cycle = await deps.cycles.getCycle(unitId, cycleId);
    if (!cycle) throw new ProblemError(404, `Unit ${unitId} has no cycle ${cycleId}.`);
    return cycle;
  }

  async function reviewOf(cycle: Cycle, reviewId: string) {
    const review = await deps.cycles.getReview(cycle.id, reviewId);
    if (!review || review.unitId !== cycle.unitId) throw new ProblemError(404, `Cycle ${cycle.id} has no review ${reviewId}.`);
    return review;
  }

  function checkVersion(review: Review, expected: number) {
    if (review.version !== expected) {
      throw new ProblemError(412, `The review is at version ${review.version}, not ${expected}: someone else changed it. Reload it and try again.`);
    }
  }

  /** Participants are the unit's coaches and supervisors; the review's coach is one of its coaches. */
  async function checkPeople(unitId: string, participantIds: string[], coachId?: string) {
    const members = await deps.members.membersOf({ unitId });
    const strangers = participantIds.filter((id) => !members.some((m) => m.personId === id));
    if (strangers.length > 0) throw fieldProblem('body.participantIds', `not members of unit ${unitId}: ${strangers.join(', ')}`);
    if (coachId && !members.some((m) => m.personId === coachId && m.role === 'coach')) {
      throw fieldProblem('body.coachId', `${coachId} is not a coach of unit ${unitId}`);
    }
  }

  /** Hands the Act decision to the cycle's workflow if it waits for it; an answered wait stays answered. */
  async function deliverDecision(cycle: Cycle) {
    if (!cycle.act) return;
    for (const wait of await deps.cycles.listOpenWaits(cycle.id)) {
      await deps.workflows.sendTaskSuccess(wait.token, { decision: cycle.act.decision });
      await deps.cycles.markWaitAnswered(cycle.id, wait.name);
    }
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/api/units/{unitId}/cycles/{cycleId}/reviews', tags: ['Reviews'], security: bearerSecurity,
        summary: "A cycle's reviews, soonest first",
        request: { params: CycleParams },
        responses: { 200: json('The reviews', z.object({ items: z.array(ReviewSchema) })), ...common },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        const cycle = await cycleOf(c.get('principal'), unitId, cycleId);
        const items = await deps.cycles.listReviews(cycle.id);
        return c.json({ items: items.sort((a, b) => a.startsAt.localeCompare(b.startsAt)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/cycles/{cycleId}/reviews', tags: ['Reviews'], security: bearerSecurity,
        summary: 'Schedule a plan or study review (coaches of the unit); every participant gets an invitation with an .ics',
        request: { params: CycleParams, body: { required: true, content: { 'application/json': { schema: NewReviewSchema } } } },
        responses: { 201: json('Scheduled', ReviewSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        const principal = c.get('principal');
        const cycle = await cycleOf(principal, unitId, cycleId, 'review:manage');
        const body = c.req.valid('json');
        if (!REVIEWABLE[body.kind].includes(cycle.phase)) {
          throw new ProblemError(409, `A ${body.kind} review fits a cycle that is ${REVIEWABLE[body.kind].join(' or ')}; this cycle is ${cycle.phase}.`);
        }
        const coachId = body.coachId ?? principal.personId;
        await checkPeople(unitId, body.participantIds, coachId);
        const now = new Date().toISOString();
        const review = ReviewSchema.parse({
          ...body,
          id: randomUUID(),
          unitId,
          cycleId,
          coachId,
          participantIds: [...new Set(body.participantIds)],
          startsAt: reviewStartsAt(body),
          status: 'scheduled',
          sequence: 0,
          outcome: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        await deps.cycles.write([deps.cycles.reviewWrite(null, review, 'schedule')], personActor(c.get('person')));
        await deps.cycleMail.reviewChanged(review, cycle, 'invitation');
        c.header('ETag', `"${review.version}"`);
        return c.json(review, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: '/api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}', tags: ['Reviews'], security: bearerSecurity,
        summary: 'Reschedule a review; participants get an updated invitation (same UID, higher SEQUENCE). Needs If-Match.',
        request: { params: ReviewParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: RescheduleSchema } } } },
        responses: { 200: json('Rescheduled', ReviewSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, cycleId, reviewId } = c.req.valid('param');
        const cycle = await cycleOf(c.get('principal'), unitId, cycleId, 'review:manage');
        const before = await reviewOf(cycle, reviewId);
        checkVersion(before, parseIfMatch(c.req.valid('header')['if-match']));
        if (before.status !== 'scheduled') throw new ProblemError(409, `Only a scheduled review can be moved; this one is ${before.status}.`);
        const body = c.req.valid('json');
        const participantIds = [...new Set(body.participantIds ?? before.participantIds)];
        await checkPeople(unitId, participantIds);
        const after = ReviewSchema.parse({
          ...before,
          ...body,
          participantIds,
          startsAt: reviewStartsAt(body),
          sequence: before.sequence + 1,
          updatedAt: new Date().toISOString(),
          version: before.version + 1,
        });
        await deps.cycles.write([deps.cycles.reviewWrite(before, after, 'reschedule')], personActor(c.get('person')));
        const dropped = before.participantIds.filter((id) => !participantIds.includes(id));
        if (dropped.length > 0) await deps.cycleMail.reviewChanged({ ...after, participantIds: dropped }, cycle, 'cancellation');
        await deps.cycleMail.reviewChanged(after, cycle, 'reschedule');
        c.header('ETag', `"${after.version}"`);
        return c.json(after, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post', path: '/api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}/cancel', tags: ['Reviews'], security: bearerSecurity,
        summary: 'Cancel a review; participants get a cancellation (METHOD:CANCEL). Needs If-Match; cancelling twice is harmless.',
        request: { params: ReviewParams, headers: IfMatchHeader },
        responses: { 200: json('Cancelled', ReviewSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, cycleId, reviewId } = c.req.valid('param');
        const cycle = await cycleOf(c.get('principal'), unitId, cycleId, 'review:manage');
        const before = await reviewOf(cycle, reviewId);
        if (before.status === 'cancelled') return c.json(before, 200);
        checkVersion(before, parseIfMatch(c.req.valid('header')['if-match']));
        if (before.status === 'held') throw new ProblemError(409, 'This review was held and has its outcome; a held review cannot be cancelled.');
        const after = ReviewSchema.parse({ ...before, status: 'cancelled', sequence: before.sequence + 1, updatedAt: new Date().toISOString(), version: before.version + 1 });
        await deps.cycles.write([deps.cycles.reviewWrite(before, after, 'cancel')], personActor(c.get('person')));
        await deps.cycleMail.reviewChanged(after, cycle, 'cancellation');
        c.header('ETag', `"${after.version}"`);
        return c.json(after, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put', path: '/api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}/outcome', tags: ['Reviews'], security: bearerSecurity,
        summary: "Record the review's outcome; a study review's carries the Act decision, which the cycle's workflow then applies. Needs If-Match.",
        description: 'Submitting the same outcome again answers 200 and changes nothing; a different outcome for a held review is 409.',
        request: { params: ReviewParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: ReviewOutcomeSchema } } } },
        responses: { 200: json('Recorded', ReviewSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, cycleId, reviewId } = c.req.valid('param');
        const cycle = await cycleOf(c.get('principal'), unitId, cycleId, 'review:manage');
        const outcome = c.req.valid('json');
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        const before = await reviewOf(cycle, reviewId);
        if (isSameOutcome(before, outcome)) {
          await deliverDecision(cycle);
          return c.json(before, 200);
        }
        const refusal = checkOutcome(before, outcome);
        if (refusal) throw new ProblemError(409, refusal);
        checkVersion(before, expected);
        const now = new Date().toISOString();
        const after = ReviewSchema.parse({ ...before, status: 'held', outcome, updatedAt: now, version: before.version + 1 });
        const writes = [deps.cycles.reviewWrite(before, after, 'recordOutcome')];
        let decided: Cycle | null = null;
        if (outcome.act) {
          const verdict = recordDecision(cycle, outcome.act);
          if (!verdict.ok) throw new ProblemError(409, verdict.reason);
          decided = CycleSchema.parse({ ...cycle, ...verdict.value, flags: [], updatedAt: now, version: cycle.version + 1 });
          writes.push(deps.cycles.cycleWrite(cycle, decided, 'recordDecision'));
        }
        try {
          await deps.cycles.write(writes, personActor(c.get('person')));
        } catch (error) {
          // Two submissions at once: the one that lost answers like a repeat if it said the same.
          const current = error instanceof ConflictError ? await deps.cycles.getReview(cycle.id, reviewId) : undefined;
          if (current && isSameOutcome(current, outcome)) return c.json(current, 200);
          throw error;
        }
        if (decided) await deliverDecision(decided);
        c.header('ETag', `"${after.version}"`);
        return c.json(after, 200);
      },
    );
}
