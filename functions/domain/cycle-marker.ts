import * as z from 'zod';
import { ActDecisionSchema, CyclePhaseSchema, type Cycle } from './cycle.js';
import { IsoDateSchema } from './helsinki-time.js';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema } from './localized-text.js';
import { MeasureKeySchema } from './measure.js';
import { VerdictOutcomeSchema, VerdictReasonSchema } from './study-verdict.js';

/**
 * A PDSA cycle on a chart's time axis: kept in the chart's own series for every measure the cycle's
 * predictions name, so that a chart reads its figures, phases and cycles together.
 */
export const CycleMarkerSchema = z
  .object({
    unitId: IdSchema,
    measureKey: MeasureKeySchema,
    cycleId: IdSchema,
    title: z.string().max(200),
    phase: CyclePhaseSchema,
    doStart: IsoDateSchema.nullable(),
    doEnd: IsoDateSchema.nullable().default(null),
    decision: ActDecisionSchema.nullable(),
    /** The cycle's (first) prediction on this measure: which question, the direction and the value expected. */
    prediction: z
      .object({
        questionIndex: z.number().int().min(0),
        direction: z.enum(['increase', 'decrease', 'noChange']).nullable(),
        value: z.number().nullable(),
      })
      .nullable()
      .default(null),
    /** The study verdict kept with the Act decision; before it the chart judges the prediction afresh. */
    verdict: z.object({ outcome: VerdictOutcomeSchema, reason: VerdictReasonSchema, text: LocalizedTextSchema }).nullable().default(null),
  })
  .meta({ id: 'CycleMarker' });
export type CycleMarker = z.infer<typeof CycleMarkerSchema>;

/** The measures a cycle's predictions name, each once. */
export function predictedMeasures(cycle: Pick<Cycle, 'questions'>): string[] {
  return [...new Set(cycle.questions.flatMap((q) => (q.measureKey ? [q.measureKey] : [])))];
}

/** The markers a cycle puts on its predicted measures' charts. */
export function markersOf(cycle: Pick<Cycle, 'unitId' | 'id' | 'title' | 'phase' | 'plan' | 'act' | 'questions' | 'studyVerdicts'>): CycleMarker[] {
  return predictedMeasures(cycle).map((measureKey) => {
    const questionIndex = cycle.questions.findIndex((q) => q.measureKey === measureKey);
    const question = cycle.questions[questionIndex]!;
    const verdict = cycle.studyVerdicts?.find((v) => v.questionIndex === questionIndex);
    return {
      unitId: cycle.unitId,
      measureKey,
      cycleId: cycle.id,
      title: cycle.title,
      phase: cycle.phase,
      doStart: cycle.plan.doStart,
      doEnd: cycle.plan.doEnd,
      prediction: { questionIndex, direction: question.expectedDirection ?? null, value: question.expectedValue ?? null },
      verdict: verdict ? { outcome: verdict.outcome, reason: verdict.reason, text: verdict.text } : null,
      decision: cycle.act?.decision ?? null,
    };
  });
}
