import * as z from 'zod';
import { ActorSchema } from './audit.js';
import { IdSchema, VersionSchema } from './ids.js';
import { MeasureKeySchema } from './measure.js';
import { PeriodSchema } from './period.js';

/**
 * A new phase of a unit's chart: centre line and limits start afresh at `startPeriod`. Phases are
 * governed — someone decides, normally at an adopted change, and writes why — so that a chart is
 * never split merely to make a signal go away.
 */
export const ChartPhaseSchema = z
  .object({
    unitId: IdSchema,
    measureKey: MeasureKeySchema,
    startPeriod: PeriodSchema,
    reason: z.string().min(1).max(1000),
    /** The adopted change (PDSA cycle) behind the phase, when there is one. */
    cycleId: IdSchema.nullable(),
    createdBy: ActorSchema,
    createdAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'ChartPhase' });
export type ChartPhase = z.infer<typeof ChartPhaseSchema>;

export const NewChartPhaseSchema = z
  .strictObject({
    startPeriod: PeriodSchema,
    reason: z.string().trim().min(1, 'write why the process changed here').max(1000),
    cycleId: IdSchema.nullable().default(null),
  })
  .meta({ id: 'NewChartPhase' });
export type NewChartPhase = z.infer<typeof NewChartPhaseSchema>;
