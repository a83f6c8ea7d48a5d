import * as z from 'zod';
import { ACT_DECISIONS, CYCLE_PHASES } from './cycle-phases.js';
import { IsoDateSchema } from './helsinki-time.js';
import { IdSchema, VersionSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';
import { MeasureKeySchema } from './measure.js';
import { StorableNumberSchema } from './numbers.js';
import { StudyVerdictSchema } from './study-verdict.js';

export { ACT_DECISIONS, CYCLE_PHASES, IN_FLIGHT_PHASES } from './cycle-phases.js';

export const CyclePhaseSchema = z.enum(CYCLE_PHASES);
export type CyclePhase = z.infer<typeof CyclePhaseSchema>;

export const ActDecisionSchema = z.enum(ACT_DECISIONS);
export type ActDecision = z.infer<typeof ActDecisionSchema>;

const text = (max = 4000) => z.string().max(max);

/** A question the cycle answers and what the team predicts; ideally a number on a named measure. */
export const PredictionSchema = z.strictObject({
  question: text(1000).min(1),
  prediction: text(1000),
  measureKey: MeasureKeySchema.optional(),
  expectedValue: StorableNumberSchema.optional(),
  expectedDirection: z.enum(['increase', 'decrease', 'noChange']).optional(),
});
export type Prediction = z.infer<typeof PredictionSchema>;

/** IHI Worksheet for Testing Change: the plan (who, what, where, when, data collection). */
export const CyclePlanSchema = z.strictObject({
  who: text(),
  what: text(),
  where: text(1000),
  doStart: IsoDateSchema.nullable(),
  doEnd: IsoDateSchema.nullable(),
  dataCollection: text(),
});
export const CycleDoSchema = z.strictObject({ whatHappened: text(), observations: text(), problems: text() });
export const CycleStudySchema = z.strictObject({ results: text(), learning: text() });
export const CycleActSchema = z.strictObject({
  decision: ActDecisionSchema,
  reason: text().min(1),
  nextSteps: text(),
  /** Why the team decides against what the measures show; required when it does (study-verdict.ts). */
  reasonAgainstData: text().optional(),
});
export type CycleAct = z.infer<typeof CycleActSchema>;

/** The good practice (another unit's adopted cycle) a cycle was started from, as it was then. */
export const PracticeRefSchema = z.object({
  areaId: IdSchema,
  unitId: IdSchema,
  unitName: LocalizedTextSchema,
  cycleId: IdSchema,
  title: text(200),
});
export type PracticeRef = z.infer<typeof PracticeRefSchema>;

export const CYCLE_FLAGS = ['overdue'] as const;

/** What the workflow last failed at, so that the cycle shows it instead of silently stalling. */
export const WorkflowStateSchema = z.object({
  attempt: z.number().int().min(0),
  lastError: z.object({ error: z.string().max(200), cause: z.string().max(2000), at: z.iso.datetime() }).optional(),
  /** Notifications already sent (e.g. 'study-request', 'reminder-1'), so a retried task sends none twice. */
  notified: z.array(z.string().max(64)).max(50).default([]),
});
export type WorkflowState = z.infer<typeof WorkflowStateSchema>;

export const CycleSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    changeIdeaId: IdSchema.nullable(),
    aimId: IdSchema.nullable(),
    title: text(200).min(1),
    objective: text(),
    questions: z.array(PredictionSchema).max(20),
    plan: CyclePlanSchema,
    do: CycleDoSchema,
    study: CycleStudySchema,
    act: CycleActSchema.nullable(),
    /** The predictions judged against the measures, as they stood when the Act decision was recorded. */
    studyVerdicts: z.array(StudyVerdictSchema).max(20).optional(),
    /** When the Act decision was recorded (absent on cycles decided before it was kept). */
    decidedAt: z.iso.datetime().optional(),
    /** The ramp: the cycle this one adapts, and the one that adapted it. */
    previousCycleId: IdSchema.nullable(),
    nextCycleId: IdSchema.nullable(),
    /** Started from another unit's good practice ("start our own cycle from this"). */
    fromPractice: PracticeRefSchema.optional(),
    phase: CyclePhaseSchema,
    flags: z.array(z.enum(CYCLE_FLAGS)).max(5),
    workflow: WorkflowStateSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'Cycle' });
export type Cycle = z.infer<typeof CycleSchema>;

export const emptyPlan = (): Cycle['plan'] => ({ who: '', what: '', where: '', doStart: null, doEnd: null, dataCollection: '' });
export const emptyDo = (): Cycle['do'] => ({ whatHappened: '', observations: '', problems: '' });
export const emptyStudy = (): Cycle['study'] => ({ results: '', learning: '' });

export const NewCycleSchema = z
  .strictObject({
    title: CycleSchema.shape.title,
    changeIdeaId: IdSchema.nullable().default(null),
    aimId: IdSchema.nullable().default(null),
    objective: CycleSchema.shape.objective.default(''),
    questions: CycleSchema.shape.questions.default([]),
    plan: CyclePlanSchema.partial().default({}),
  })
  .meta({ id: 'NewCycle' });
export type NewCycle = z.infer<typeof NewCycleSchema>;

/** A cycle as it starts: in planning, with what the person planned and every later section empty. */
export function plannedCycle(input: NewCycle & Partial<Pick<Cycle, 'fromPractice'>>, ids: { id: string; unitId: string }, now: Date): Cycle {
  const at = now.toISOString();
  return CycleSchema.parse({
    ...input,
    ...ids,
    plan: { ...emptyPlan(), ...input.plan },
    do: emptyDo(),
    study: emptyStudy(),
    act: null,
    previousCycleId: null,
    nextCycleId: null,
    phase: 'planning',
    flags: [],
    workflow: { attempt: 0, notified: [] },
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
}

/** The worksheet sections a person edits; which of them are open depends on the phase. */
export const CycleChangesSchema = z
  .strictObject({
    title: CycleSchema.shape.title,
    objective: CycleSchema.shape.objective,
    questions: CycleSchema.shape.questions,
    plan: CyclePlanSchema,
    do: CycleDoSchema,
    study: CycleStudySchema,
  })
  .partial()
  .meta({ id: 'CycleChanges' });
export type CycleChanges = z.infer<typeof CycleChangesSchema>;
export type CycleSection = keyof CycleChanges;
