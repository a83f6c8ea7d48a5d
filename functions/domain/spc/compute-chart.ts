import { phaseLines } from './limits.js';
import { phaseOfPoints } from './parts.js';
import { analyseRuns } from './runs-analysis.js';
import type { ChartInput, ChartResult, PartResult } from './types.js';

/**
 * Computes a chart with the semantics of R qicharts2 0.8.1 (`library(qicharts2)`, runs
 * method "anhoej"): per-phase centre line, limits and runs analysis; a frozen baseline;
 * excluded points; and `multiply` applied at the end.
 *
 * Throws RangeError when the input cannot describe a chart (see `checkInput`).
 */
export function computeChart(input: ChartInput): ChartResult {
  checkInput(input);
  const { chart, y } = input;
  const count = y.length;
  const n = input.n ?? null;
  const hasParts = (input.part?.length ?? 0) > 0;
  const partOfPoint = phaseOfPoints(input.part ?? [], count);
  const freeze = hasParts ? null : (input.freeze ?? null);
  const excluded = new Set(input.exclude ?? []);
  const multiply = input.multiply ?? 1;

  // With denominators, a point lacking either part is missing altogether (complete.cases).
  const numerators: (number | null)[] = [];
  const denominators: (number | null)[] = [];
  const values: (number | null)[] = [];
  y.forEach((value, i) => {
    const denominator = n === null ? null : (n[i] ?? null);
    if (value === null || (n !== null && denominator === null)) {
      numerators.push(null);
      denominators.push(null);
      values.push(null);
      return;
    }
    numerators.push(value);
    denominators.push(denominator);
    values.push(denominator === null || chart === 'c' ? value : value / denominator);
  });
  const included = y.map((_, i) => !excluded.has(i + 1));
  const inBaseline = included.map((isIncluded, i) => isIncluded && (freeze === null || i + 1 <= freeze));

  const phases = phaseRanges(partOfPoint).map(([firstIndex, lastIndex]) => {
    const slice = <T>(items: readonly T[]): T[] => items.slice(firstIndex, lastIndex + 1);
    const lines = phaseLines(chart, {
      values: slice(values),
      numerators: slice(numerators),
      denominators: slice(denominators),
      inBaseline: slice(inBaseline),
    });
    const phaseIncluded = slice(included);
    const runs = analyseRuns(
      lines.values.map((value, i) => (phaseIncluded[i] ? value : null)),
      lines.cl,
      phaseIncluded.filter(Boolean).length,
      firstIndex,
    );
    // qicharts2 reports the runs analysis of moving ranges but never signals on it.
    const part: PartResult = { ...runs, signal: chart !== 'mr' && runs.signal, firstIndex, lastIndex };
    return { lines, part };
  });
  const plotted = phases.flatMap(({ lines }) => lines.values);
  const cl = phases.flatMap(({ lines }) => lines.values.map(() => lines.cl));
  const lcl = phases.flatMap(({ lines }) => lines.lcl);
  const ucl = phases.flatMap(({ lines }) => lines.ucl);
  const runsSignal = phases.flatMap(({ lines, part }) => lines.values.map(() => part.signal));
  const parts = phases.map(({ part }) => part);

  // Limits are compared with the multiplied values, as in qicharts2.
  const scaled = (items: readonly (number | null)[]): (number | null)[] =>
    items.map((value) => (value === null || !Number.isFinite(value * multiply) ? null : value * multiply));
  const result = { y: scaled(plotted), cl: scaled(cl), lcl: scaled(lcl), ucl: scaled(ucl) };
  const sigmaSignal = result.y.map((value, i) => {
    const upper = result.ucl[i] ?? null;
    const lower = result.lcl[i] ?? null;
    return value !== null && ((upper !== null && value > upper) || (lower !== null && value < lower));
  });
  return { chart, ...result, sigmaSignal, runsSignal, partOfPoint, parts };
}

/** First and last index (0-based) of each phase, given the phase of every point. */
function phaseRanges(partOfPoint: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  partOfPoint.forEach((part, i) => {
    const last = ranges[part - 1];
    if (last) last[1] = i;
    else ranges.push([i, i]);
  });
  return ranges;
}

function checkInput(input: ChartInput): void {
  const { chart, y, n } = input;
  if ((chart === 'p' || chart === 'u') && !n) {
    throw new RangeError(`a ${chart} chart needs denominators (n)`);
  }
  if (n && n.length !== y.length) {
    throw new RangeError(`n has ${n.length} values but y has ${y.length}`);
  }
  const indices = [...(input.part ?? []), ...(input.exclude ?? []), ...(input.freeze == null ? [] : [input.freeze])];
  if (!indices.every(Number.isInteger)) {
    throw new RangeError('part, freeze and exclude must be integers');
  }
  const multiply = input.multiply ?? 1;
  if (!Number.isFinite(multiply) || multiply <= 0) {
    throw new RangeError('multiply must be a positive number');
  }
}
