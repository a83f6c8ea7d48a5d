import * as z from 'zod';
import type { ChartPhase } from './chart-phase.js';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema, type LocalizedText } from './localized-text.js';
import { ChartKindSchema, MeasureKeySchema } from './measure.js';
import type { Measurement } from './measurement.js';
import { PeriodSchema, comparePeriods, periodLabel, periodRange, periodSentenceLabel } from './period.js';
import { classifyChart, computeChart, explainSignals, type ChartInput, type ChartResult } from './spc/index.js';
import { trendOf, type CompactTrend } from './trend.js';
import { currentVersion, type UnitMeasure } from './unit-measure.js';

const VariationSchema = z.enum(['improving', 'concerning', 'common']);
const AssuranceSchema = z.enum(['met', 'missed', 'notAssured', 'none']);

export const ClassificationSchema = z.object({ variation: VariationSchema, assurance: AssuranceSchema }).meta({ id: 'Classification' });

/** One point of a chart, in display units (after the measure's multiplier). */
export const SeriesPointSchema = z.object({
  period: PeriodSchema,
  label: LocalizedTextSchema,
  y: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
  cl: z.number().nullable(),
  lcl: z.number().nullable(),
  ucl: z.number().nullable(),
  sigmaSignal: z.boolean(),
  runsSignal: z.boolean(),
  /** 1-based phase number. */
  phase: z.number().int(),
});
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

export const AnalysisPhaseSchema = z.object({
  startPeriod: PeriodSchema,
  reason: z.string(),
  cycleId: IdSchema.nullable(),
  /** A phase someone decided, or one that starts with a new definition version. */
  kind: z.enum(['decided', 'definition']),
});

export const SeriesAnalysisSchema = z
  .object({
    measureKey: MeasureKeySchema,
    chart: ChartKindSchema,
    better: z.enum(['higher', 'lower']),
    target: z.number().nullable(),
    points: z.array(SeriesPointSchema),
    phases: z.array(AnalysisPhaseSchema),
    parts: z.array(
      z.object({
        firstPeriod: PeriodSchema,
        lastPeriod: PeriodSchema,
        longestRun: z.number().nullable(),
        longestRunMax: z.number().nullable(),
        nCrossings: z.number().nullable(),
        nCrossingsMin: z.number().nullable(),
        nObs: z.number(),
        nUseful: z.number(),
        signal: z.boolean(),
      }),
    ),
    classification: ClassificationSchema,
    explanations: z.array(
      z.object({
        kind: z.enum(['aboveUpperLimit', 'belowLowerLimit', 'longRun', 'fewCrossings']),
        firstPeriod: PeriodSchema,
        lastPeriod: PeriodSchema,
        text: LocalizedTextSchema,
      }),
    ),
  })
  .meta({ id: 'SeriesAnalysis' });
export type SeriesAnalysis = z.infer<typeof SeriesAnalysisSchema>;

const labels = (period: string): LocalizedText => ({
  fi: periodLabel(period, 'fi'),
  sv: periodLabel(period, 'sv'),
  en: periodLabel(period, 'en'),
});

/**
 * A series as a chart: every period from the first figure (or `from`) to `to` — a missing week
 * stays a gap — split into phases where someone decided or the definition changed, computed by
 * the SPC engine, classified against the measure's better direction and target, and explained.
 */
export function analyseSeries(input: {
  measure: UnitMeasure;
  measurements: readonly Measurement[];
  phases: readonly ChartPhase[];
  from?: string;
  to?: string;
}): SeriesAnalysis {
  const { measure } = input;
  const fields = currentVersion(measure).fields;
  const periodKind = (p: string) => p.includes('W') === (measure.frequency === 'weekly');
  const measurements = input.measurements
    .filter((m) => periodKind(m.period))
    .filter((m) => (!input.from || comparePeriods(m.period, input.from) >= 0) && (!input.to || comparePeriods(m.period, input.to) <= 0));
  const byPeriod = new Map(measurements.map((m) => [m.period, m]));
  const sorted = [...byPeriod.keys()].sort();
  const first = input.from ?? sorted[0];
  const last = input.to ?? sorted.at(-1);
  const periods = first && last ? periodRange(first, last) : [];

  const phases = [
    ...input.phases.map((p) => ({ startPeriod: p.startPeriod, reason: p.reason, cycleId: p.cycleId, kind: 'decided' as const })),
    ...measure.versions.slice(1).map((v) => ({ startPeriod: v.validFrom, reason: v.reason, cycleId: null, kind: 'definition' as const })),
  ]
    .filter((p) => periodKind(p.startPeriod))
    .sort((a, b) => comparePeriods(a.startPeriod, b.startPeriod));
  const target = measure.target?.value ?? null;
  const empty: SeriesAnalysis = {
    measureKey: measure.key,
    chart: fields.chart,
    better: fields.better,
    target,
    points: [],
    phases,
    parts: [],
    classification: { variation: 'common', assurance: target === null ? 'none' : 'notAssured' },
    explanations: [],
  };
  if (periods.length === 0) return empty;

  const ratio = fields.chart === 'p' || fields.chart === 'u';
  const points = periods.map((p) => byPeriod.get(p));
  const boundaries = [...new Set(phases.map((p) => periods.indexOf(p.startPeriod)))].filter((i) => i >= 1 && i <= periods.length - 1);
  const chartInput: ChartInput = {
    chart: fields.chart,
    y: points.map((m) => (m ? (ratio ? m.numerator : m.value) : null)),
    n: ratio ? points.map((m) => m?.denominator ?? null) : null,
    part: boundaries.length > 0 ? boundaries : null,
    multiply: fields.multiply,
  };
  const result: ChartResult = computeChart(chartInput);
  const classification = classifyChart(result, fields.better, target);
  const explanations = explainSignals(result, {
    labels: periods.map(periodSentenceLabel),
    period: measure.frequency === 'weekly' ? 'week' : 'month',
  });
  return {
    ...empty,
    points: periods.map((period, i) => {
      const m = points[i];
      return {
        period,
        label: labels(period),
        y: result.y[i] ?? null,
        numerator: m?.numerator ?? null,
        denominator: m?.denominator ?? null,
        note: m?.note ?? '',
        cl: result.cl[i] ?? null,
        lcl: result.lcl[i] ?? null,
        ucl: result.ucl[i] ?? null,
        sigmaSignal: result.sigmaSignal[i] ?? false,
        runsSignal: result.runsSignal[i] ?? false,
        phase: result.partOfPoint[i] ?? 1,
      };
    }),
    parts: result.parts.map((part) => ({
      firstPeriod: periods[part.firstIndex]!,
      lastPeriod: periods[part.lastIndex]!,
      longestRun: part.longestRun,
      longestRunMax: part.longestRunMax,
      nCrossings: part.nCrossings,
      nCrossingsMin: part.nCrossingsMin,
      nObs: part.nObs,
      nUseful: part.nUseful,
      signal: part.signal,
    })),
    classification,
    explanations: explanations.map((e) => ({
      kind: e.kind,
      firstPeriod: periods[e.firstIndex]!,
      lastPeriod: periods[e.lastIndex]!,
      text: { ...e.text },
    })),
  };
}

/** How many of the newest periods a small chart (a sparkline) shows: a year of weeks, or of months. */
export const TREND_SPAN = { weekly: 52, monthly: 12 } as const;

/** A small chart's data, compact (domain/trend.ts): the newest periods' figures, each phase's centre line, the signals. */
export const TrendSchema = z
  .object({
    start: PeriodSchema.nullable(),
    values: z.array(z.number().nullable()).max(TREND_SPAN.weekly),
    centre: z.array(z.object({ from: z.number().int().min(0), cl: z.number().nullable() })),
    signals: z.array(z.number().int().min(0)),
  })
  .meta({ id: 'Trend' }) satisfies z.ZodType<CompactTrend>;
export type Trend = z.infer<typeof TrendSchema>;

/** A measure's computed state for one unit and period, as the chart stood once that period's figure was in. */
export const SnapshotSchema = z
  .object({
    unitId: IdSchema,
    measureKey: MeasureKeySchema,
    period: PeriodSchema,
    value: z.number().nullable(),
    cl: z.number().nullable(),
    lcl: z.number().nullable(),
    ucl: z.number().nullable(),
    sigmaSignal: z.boolean(),
    runsSignal: z.boolean(),
    variation: VariationSchema,
    assurance: AssuranceSchema,
    target: z.number().nullable(),
    definitionVersion: z.number().int().min(1),
    /** The chart's newest periods up to this one, for sparklines; absent on snapshots made before it was kept. */
    trend: TrendSchema.optional(),
    computedAt: z.iso.datetime(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Snapshot' });
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** The snapshot of `period`: the chart over the figures up to and including it. */
export function buildSnapshot(input: {
  measure: UnitMeasure;
  measurements: readonly Measurement[];
  phases: readonly ChartPhase[];
  period: string;
  now: Date;
}): Snapshot {
  const analysis = analyseSeries({ measure: input.measure, measurements: input.measurements, phases: input.phases, to: input.period });
  const point = analysis.points.at(-1)?.period === input.period ? analysis.points.at(-1) : undefined;
  return {
    unitId: input.measure.unitId,
    measureKey: input.measure.key,
    period: input.period,
    value: point?.y ?? null,
    cl: point?.cl ?? null,
    lcl: point?.lcl ?? null,
    ucl: point?.ucl ?? null,
    sigmaSignal: point?.sigmaSignal ?? false,
    runsSignal: point?.runsSignal ?? false,
    variation: analysis.classification.variation,
    assurance: analysis.classification.assurance,
    target: analysis.target,
    definitionVersion: currentVersion(input.measure).definitionVersion,
    trend: trendOf(analysis.points, TREND_SPAN[input.measure.frequency]),
    computedAt: input.now.toISOString(),
    version: 1,
  };
}
