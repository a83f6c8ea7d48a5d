import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { NewReviewSchema, RescheduleSchema, ReviewOutcomeSchema, ReviewSchema } from '../../domain/review.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, UnitIdParam, idParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const CycleParams = z.object({ unitId: UnitIdParam, cycleId: idParam('cycleId') });
const ReviewParams = CycleParams.extend({ reviewId: idParam('reviewId') });
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

export function reviewRoutes(deps: ApiDeps) {
  const { reviews } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/cycles/{cycleId}/reviews', tags: ['Reviews'], security: bearerSecurity,
        summary: "A cycle's reviews, soonest first",
        request: { params: CycleParams },
        responses: { 200: json('The reviews', z.object({ items: z.array(ReviewSchema) })), ...common },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        return c.json({ items: await reviews.list(c.get('caller'), unitId, cycleId) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/cycles/{cycleId}/reviews', tags: ['Reviews'], security: bearerSecurity,
        summary: 'Schedule a plan or study review (coaches of the unit); every participant gets an invitation with an .ics',
        request: { params: CycleParams, body: { required: true, content: { 'application/json': { schema: NewReviewSchema } } } },
        responses: { 201: json('Scheduled', ReviewSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const { unitId, cycleId } = c.req.valid('param');
        const review = await reviews.schedule(c.get('caller'), unitId, cycleId, c.req.valid('json'));
        c.header('ETag', `"${review.version}"`);
        return c.json(review, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch', path: '/api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}', tags: ['Reviews'], security: bearerSecurity,
        summary: 'Reschedule a review; participants get an updated invitation (same UID, higher SEQUENCE). Needs If-Match.',
        request: { params: ReviewParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: RescheduleSchema } } } },
        responses: { 200: json('Rescheduled', ReviewSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const review = await reviews.reschedule(c.get('caller'), c.req.valid('param'), c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${review.version}"`);
        return c.json(review, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}/cancel', tags: ['Reviews'], security: bearerSecurity,
        summary: 'Cancel a review; participants get a cancellation (METHOD:CANCEL). Needs If-Match; cancelling twice is harmless.',
        request: { params: ReviewParams, headers: IfMatchHeader },
        responses: { 200: json('Cancelled', ReviewSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const review = await reviews.cancel(c.get('caller'), c.req.valid('param'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${review.version}"`);
        return c.json(review, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put', path: '/api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}/outcome', tags: ['Reviews'], security: bearerSecurity,
        summary: "Record the review's outcome; a study review's carries the Act decision, which the cycle's workflow then applies. Needs If-Match.",
        description: 'Submitting the same outcome again answers 200 and changes nothing; a different outcome for a held review is 409.',
        request: { params: ReviewParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: ReviewOutcomeSchema } } } },
        responses: { 200: json('Recorded', ReviewSchema), ...common, ...manageErrors },
      }),
      async (c) => {
        const review = await reviews.recordOutcome(c.get('caller'), c.req.valid('param'), c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${review.version}"`);
        return c.json(review, 200);
      },
    );
}
