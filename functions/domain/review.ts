import * as z from 'zod';
import { CycleActSchema, type CyclePhase } from './cycle.js';
import { IsoDateSchema, WallClockTimeSchema, helsinkiInstant } from './helsinki-time.js';
import { IdSchema, VersionSchema } from './ids.js';

export const REVIEW_KINDS = ['plan', 'study'] as const;
export const ReviewKindSchema = z.enum(REVIEW_KINDS);
export const REVIEW_STATUSES = ['scheduled', 'held', 'cancelled'] as const;

/** When and where a review meets: Helsinki wall-clock date and time, a place or a meeting link. */
const slotShape = {
  date: IsoDateSchema,
  startTime: WallClockTimeSchema,
  durationMinutes: z.number().int().min(15).max(480),
  place: z.string().trim().max(300).nullable().default(null),
  meetingUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().default(null),
};
const placeGiven: [(slot: { place: string | null; meetingUrl: string | null }) => boolean, { message: string; path: string[] }] = [
  (slot) => Boolean(slot.place || slot.meetingUrl),
  { message: 'give a place or a meeting link', path: ['place'] },
];
export type ReviewSlot = Pick<Review, 'date' | 'startTime' | 'durationMinutes' | 'place' | 'meetingUrl'>;

/** What the coach records after the meeting; a study review's outcome carries the Act decision. */
export const ReviewOutcomeSchema = z
  .strictObject({
    notes: z.string().max(8000),
    act: CycleActSchema.optional(),
  })
  .meta({ id: 'ReviewOutcome' });
export type ReviewOutcome = z.infer<typeof ReviewOutcomeSchema>;

export const ReviewSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    cycleId: IdSchema,
    kind: ReviewKindSchema,
    date: IsoDateSchema,
    startTime: WallClockTimeSchema,
    durationMinutes: z.number().int().min(15).max(480),
    place: z.string().max(300).nullable(),
    meetingUrl: z.string().max(1000).nullable(),
    /** The instant it starts (UTC), derived from date and time in Helsinki; orders the agenda. */
    startsAt: z.iso.datetime(),
    participantIds: z.array(IdSchema).min(1).max(30),
    coachId: IdSchema,
    status: z.enum(REVIEW_STATUSES),
    /** iCalendar SEQUENCE: raised on every change, so calendars replace the older invitation. */
    sequence: z.number().int().min(0),
    outcome: ReviewOutcomeSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof ReviewSchema>;

export const NewReviewSchema = z
  .strictObject({
    kind: ReviewKindSchema,
    participantIds: z.array(IdSchema).min(1).max(30),
    /** Defaults to the coach who schedules it. */
    coachId: IdSchema.optional(),
    ...slotShape,
  })
  .refine(...placeGiven)
  .meta({ id: 'NewReview' });
export type NewReview = z.infer<typeof NewReviewSchema>;

/** A new time or place (and optionally new participants); participants get an updated invitation. */
export const RescheduleSchema = z
  .strictObject({ participantIds: z.array(IdSchema).min(1).max(30).optional(), ...slotShape })
  .refine(...placeGiven)
  .meta({ id: 'RescheduleReview' });
export type Reschedule = z.infer<typeof RescheduleSchema>;

/** Which reviews fit which phase: the plan before and during Do, the study from Do on until the decision. */
const REVIEWABLE: Record<ReviewKind, readonly CyclePhase[]> = { plan: ['planning', 'doing'], study: ['doing', 'studying'] };
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** The kinds of review that can be scheduled for a cycle in `phase`. */
export function reviewKindsFor(phase: CyclePhase): ReviewKind[] {
  return REVIEW_KINDS.filter((kind) => REVIEWABLE[kind].includes(phase));
}

/** Why a review of `kind` cannot be scheduled in `phase`, or null. */
export function reviewPhaseProblem(kind: ReviewKind, phase: CyclePhase): string | null {
  return REVIEWABLE[kind].includes(phase) ? null : `A ${kind} review fits a cycle that is ${REVIEWABLE[kind].join(' or ')}; this cycle is ${phase}.`;
}

export function reviewStartsAt(slot: Pick<Review, 'date' | 'startTime'>): string {
  return helsinkiInstant(slot.date, slot.startTime).toISOString();
}

export function reviewEndsAt(review: Pick<Review, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(Date.parse(review.startsAt) + review.durationMinutes * 60_000);
}

/** Why an outcome cannot be recorded, or null; a study review's outcome must carry the decision. */
export function checkOutcome(review: Review, outcome: ReviewOutcome): string | null {
  if (review.status === 'cancelled') return 'This review was cancelled; schedule a new one to record an outcome.';
  if (review.status === 'held') return 'This review already has its outcome; an outcome is recorded once.';
  if (review.kind === 'study' && !outcome.act) return 'A study review’s outcome needs the Act decision: adopt, adapt or abandon, with the reason.';
  if (review.kind === 'plan' && outcome.act) return 'A plan review has no Act decision; record it with the study review.';
  return null;
}

/** A meeting's outcome is what happened at it: none can be recorded before it starts. */
export function outcomeTooEarly(review: Pick<Review, 'startsAt' | 'status'>, now: Date): boolean {
  return review.status === 'scheduled' && now.getTime() < Date.parse(review.startsAt);
}

/** A repeated submission of the outcome already recorded: answered as done, with no second effect. */
export function isSameOutcome(review: Review, outcome: ReviewOutcome): boolean {
  return review.status === 'held' && JSON.stringify(review.outcome) === JSON.stringify(ReviewOutcomeSchema.parse(outcome));
}
