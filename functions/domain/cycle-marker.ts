import * as z from 'zod';
import { ActDecisionSchema, CyclePhaseSchema, type Cycle } from './cycle.js';
import { IsoDateSchema } from './helsinki-time.js';
import { IdSchema } from './ids.js';
import { MeasureKeySchema } from './measure.js';

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
    decision: ActDecisionSchema.nullable(),
  })
  .meta({ id: 'CycleMarker' });
export type CycleMarker = z.infer<typeof CycleMarkerSchema>;

/** The measures a cycle's predictions name, each once. */
export function predictedMeasures(cycle: Pick<Cycle, 'questions'>): string[] {
  return [...new Set(cycle.questions.flatMap((q) => (q.measureKey ? [q.measureKey] : [])))];
}

/** The markers a cycle puts on its predicted measures' charts. */
export function markersOf(cycle: Pick<Cycle, 'unitId' | 'id' | 'title' | 'phase' | 'plan' | 'act' | 'questions'>): CycleMarker[] {
  return predictedMeasures(cycle).map((measureKey) => ({
    unitId: cycle.unitId,
    measureKey,
    cycleId: cycle.id,
    title: cycle.title,
    phase: cycle.phase,
    doStart: cycle.plan.doStart,
    decision: cycle.act?.decision ?? null,
  }));
}
