import * as z from 'zod';
import { PeriodSchema } from './period.js';

/** A figure left out of its chart's centre line, limits and runs, and why (shown on the chart and in its table). */
export const ExcludedPointSchema = z.object({ period: PeriodSchema, reason: z.string().min(1).max(500) }).meta({ id: 'ExcludedPoint' });
export type ExcludedPoint = z.infer<typeof ExcludedPointSchema>;

/** A chart can leave out at most this many figures: more is a different measure, not an exception. */
export const MAX_EXCLUDED_POINTS = 100;

/**
 * How a unit reads one chart: a frozen baseline (the centre line and limits computed from the
 * start of its phase through `baselineEnd`, then carried on unchanged, as qicharts2's `freeze`)
 * and figures left out with a reason. Kept on the tracked measure, so that every reader of the
 * series (the chart, the snapshots and so the overview, the briefing, the study verdicts) uses them.
 */
export const ChartSettingsSchema = z
  .object({
    baselineEnd: PeriodSchema.nullable(),
    excluded: z.array(ExcludedPointSchema).max(MAX_EXCLUDED_POINTS),
  })
  .meta({ id: 'ChartSettings' });
export type ChartSettings = z.infer<typeof ChartSettingsSchema>;

export const NO_CHART_SETTINGS: ChartSettings = { baselineEnd: null, excluded: [] };

export const FrozenBaselineSchema = z
  .strictObject({ baselineEnd: PeriodSchema.nullable().meta({ description: "The baseline's last period; null lets the limits follow every figure again" }) })
  .meta({ id: 'FrozenBaseline' });
export type FrozenBaseline = z.infer<typeof FrozenBaselineSchema>;

export const ExcludePointSchema = z
  .strictObject({ reason: z.string().trim().min(1, 'write why the figure is left out').max(500) })
  .meta({ id: 'ExcludePoint' });
export type ExcludePoint = z.infer<typeof ExcludePointSchema>;
