import * as z from 'zod';
import type { ChartPhase } from './chart-phase.js';
import { NO_CHART_SETTINGS } from './chart-settings.js';
import { IdSchema } from './ids.js';
import { LocalizedTextSchema, type LocalizedText } from './localized-text.js';
import { ChartKindSchema, MeasureKeySchema } from './measure.js';
import type { Measurement } from './measurement.js';
import { PeriodSchema, comparePeriods, periodLabel, periodRange, periodSentenceLabel } from './period.js';
import { classifyChart, computeChart, explainSignals, type ChartInput, type ChartResult, type Run } from './spc/index.js';
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
  /** Why the figure is left out of the centre line, limits and runs; null when it counts. */
  excluded: z.string().nullable(),
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
    /** The frozen baseline's last period, when it is within the chart: its phase's limits are carried on from it. */
    baselineEnd: PeriodSchema.nullable(),
    /** An I chart's moving ranges (qicharts2's 'mr'): centre the mean moving range, upper limit 3.267 times it; null for other charts. */
    movingRanges: z
      .array(z.object({ period: PeriodSchema, y: z.number().nullable(), cl: z.number().nullable(), ucl: z.number().nullable(), signal: z.boolean() }))
      .nullable(),
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
    baselineEnd: null,
    movingRanges: null,
    phases,
    parts: [],
    classification: { variation: 'common', assurance: target === null ? 'none' : 'notAssured' },
    explanations: [],
  };
  if (periods.length === 0) return empty;

  const ratio = fields.chart === 'p' || fields.chart === 'u';
  const points = periods.map((p) => byPeriod.get(p));
  const boundaries = [...new Set(phases.map((p) => periods.indexOf(p.startPeriod)))].filter((i) => i >= 1 && i <= periods.length - 1);
  const settings = measure.chartSettings ?? NO_CHART_SETTINGS;
  const excludedReason = new Map(settings.excluded.map((e) => [e.period, e.reason]));
  const exclude = periods.flatMap((p, i) => (excludedReason.has(p) ? [i + 1] : []));
  const baselineAt = settings.baselineEnd ? periods.indexOf(settings.baselineEnd) : -1;
  const chartInput: ChartInput = {
    chart: fields.chart,
    y: points.map((m) => (m ? (ratio ? m.numerator : m.value) : null)),
    n: ratio ? points.map((m) => m?.denominator ?? null) : null,
    part: boundaries.length > 0 ? boundaries : null,
    exclude: exclude.length > 0 ? exclude : null,
    multiply: fields.multiply,
  };
  const freeze = baselineAt >= 0 ? baselineAt + 1 : null;
  const result: ChartResult = withoutExcludedSignals(computeWithFrozenPhase(chartInput, freeze), exclude);
  const movingRanges = fields.chart === 'i' ? withoutExcludedSignals(computeWithFrozenPhase({ ...chartInput, chart: 'mr' }, freeze), exclude) : null;
  const classification = classifyChart(result, fields.better, target);
  const explanations = explainSignals(result, {
    labels: periods.map(periodSentenceLabel),
    period: measure.frequency === 'weekly' ? 'week' : 'month',
  });
  return {
    ...empty,
    baselineEnd: baselineAt >= 0 ? periods[baselineAt]! : null,
    movingRanges:
      movingRanges &&
      periods.map((period, i) => ({
        period,
        y: movingRanges.y[i] ?? null,
        cl: movingRanges.cl[i] ?? null,
        ucl: movingRanges.ucl[i] ?? null,
        signal: movingRanges.sigmaSignal[i] ?? false,
      })),
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
        excluded: excludedReason.get(period) ?? null,
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

/**
 * A chart with a frozen baseline (`freeze`, 1-based). qicharts2 ignores `freeze` when the chart has
 * phases, so the phase holding the baseline's end is computed alone, frozen, and put in its place:
 * the baseline then runs from that phase's start and its limits reach to the phase's end.
 */
export function computeWithFrozenPhase(input: ChartInput, freeze: number | null): ChartResult {
  const phased = (input.part?.length ?? 0) > 0;
  const whole = computeChart({ ...input, freeze: phased ? null : freeze });
  if (!phased || freeze === null) return whole;
  const k = (whole.partOfPoint[freeze - 1] ?? 1) - 1;
  const { firstIndex: first, lastIndex: last } = whole.parts[k]!;
  const alone = computeChart({
    chart: input.chart,
    y: input.y.slice(first, last + 1),
    n: input.n ? input.n.slice(first, last + 1) : null,
    freeze: freeze - first,
    exclude: (input.exclude ?? []).filter((i) => i - 1 >= first && i - 1 <= last).map((i) => i - first),
    multiply: input.multiply,
  });
  const splice = <T>(all: readonly T[], part: readonly T[]): T[] => [...all.slice(0, first), ...part, ...all.slice(last + 1)];
  const shift = (run: Run): Run => ({ ...run, firstIndex: run.firstIndex + first, lastIndex: run.lastIndex + first });
  const part = alone.parts[0]!;
  return {
    ...whole,
    y: splice(whole.y, alone.y),
    cl: splice(whole.cl, alone.cl),
    lcl: splice(whole.lcl, alone.lcl),
    ucl: splice(whole.ucl, alone.ucl),
    sigmaSignal: splice(whole.sigmaSignal, alone.sigmaSignal),
    runsSignal: splice(whole.runsSignal, alone.runsSignal),
    parts: whole.parts.map((p, i) =>
      i === k ? { ...part, longRuns: part.longRuns.map(shift), lastRun: part.lastRun && shift(part.lastRun), firstIndex: first, lastIndex: last } : p,
    ),
  };
}

/** A figure left out is not a signal either: it was left out because it does not tell of the process. */
function withoutExcludedSignals(result: ChartResult, exclude: readonly number[]): ChartResult {
  if (exclude.length === 0) return result;
  const left = new Set(exclude.map((i) => i - 1));
  return { ...result, sigmaSignal: result.sigmaSignal.map((signal, i) => signal && !left.has(i)) };
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
