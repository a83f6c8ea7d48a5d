import { mean, median, sum } from './arithmetic.js';
import type { ChartKind } from './types.js';

/** d2 for moving ranges of two points (Montgomery 6.33), as qicharts2 uses it. */
const D2 = 1.128;
/** D4 for moving ranges of two points: the upper limit of a moving range. */
const D4 = 3.267;

/** One phase's points as the limit calculations see them. */
export interface PhaseData {
  /** Plotted values before `multiply`: y, or y/n when denominators are given; null when missing. */
  readonly values: readonly (number | null)[];
  /** Numerators of p and u charts; null when missing. */
  readonly numerators: readonly (number | null)[];
  /** Denominators of p and u charts; null when missing. */
  readonly denominators: readonly (number | null)[];
  /** True for points in the baseline that are not excluded. */
  readonly inBaseline: readonly boolean[];
}

/** A phase's lines before `multiply`. NaN means the line does not exist at that point. */
export interface PhaseLines {
  /** The values to plot and analyse (moving ranges for mr charts). */
  readonly values: readonly (number | null)[];
  readonly cl: number;
  readonly lcl: readonly number[];
  readonly ucl: readonly number[];
}

const present = (values: readonly (number | null)[]): number[] =>
  values.filter((value): value is number => value !== null);

const baselineOf = <T>(phase: PhaseData, values: readonly T[]): T[] =>
  values.filter((_, i) => phase.inBaseline[i]);

const constant = (phase: PhaseData, value: number): number[] => phase.values.map(() => value);

/** Centre line and limits of one phase, following qicharts2's qic.<chart> functions. */
export function phaseLines(chart: ChartKind, phase: PhaseData): PhaseLines {
  switch (chart) {
    case 'run':
      return runLines(phase);
    case 'i':
      return individualsLines(phase);
    case 'mr':
      return movingRangeLines(phase);
    case 'p':
      return proportionLines(phase);
    case 'u':
      return rateLines(phase);
    case 'c':
      return countLines(phase);
  }
}

function runLines(phase: PhaseData): PhaseLines {
  const cl = median(present(baselineOf(phase, phase.values)));
  return { values: phase.values, cl, lcl: constant(phase, Number.NaN), ucl: constant(phase, Number.NaN) };
}

/**
 * XmR limits: mean ± 3·AMR/d2. Moving ranges run over consecutive baseline points, so they
 * bridge excluded points but not missing ones. Moving ranges not below D4·AMR are screened
 * out once (Nelson 1982), as qicharts2 does when attached with library().
 */
function individualsLines(phase: PhaseData): PhaseLines {
  const baseline = baselineOf(phase, phase.values);
  const cl = mean(present(baseline));
  // qicharts2 takes ranges of the deviations from the centre line, not of the values.
  const deviations = baseline.map((value) => (value === null ? null : value - cl));
  const ranges: number[] = [];
  for (let i = 1; i < deviations.length; i++) {
    const previous = deviations[i - 1];
    const current = deviations[i];
    if (previous !== null && previous !== undefined && current !== null && current !== undefined) {
      ranges.push(Math.abs(current - previous));
    }
  }
  const rawAverage = mean(ranges);
  const screenLimit = D4 * rawAverage;
  const averageRange = mean(ranges.filter((range) => range < screenLimit));
  const sigma = averageRange / D2;
  return {
    values: phase.values,
    cl,
    lcl: constant(phase, cl - 3 * sigma),
    ucl: constant(phase, cl + 3 * sigma),
  };
}

/**
 * Moving ranges within the phase (the first point has none); centre line the mean of the
 * baseline's ranges, upper limit D4·CL, lower limit 0. No screening.
 */
function movingRangeLines(phase: PhaseData): PhaseLines {
  const values = phase.values.map((value, i) => {
    const previous = i === 0 ? null : phase.values[i - 1];
    return value === null || previous === null || previous === undefined ? null : Math.abs(value - previous);
  });
  const cl = mean(present(baselineOf(phase, values)));
  // qicharts2 sets the lower limit to 0 even where the centre line cannot be computed.
  return { values, cl, lcl: constant(phase, 0), ucl: constant(phase, D4 * cl) };
}

/** Pooled proportion of the baseline; the limits follow each point's denominator. */
function pooledRatio(phase: PhaseData): number {
  return sum(present(baselineOf(phase, phase.numerators))) / sum(present(baselineOf(phase, phase.denominators)));
}

function proportionLines(phase: PhaseData): PhaseLines {
  const cl = pooledRatio(phase);
  const sigmas = phase.denominators.map((n) => (n === null ? Number.NaN : Math.sqrt((cl * (1 - cl)) / n)));
  return {
    values: phase.values,
    cl,
    lcl: sigmas.map((sigma) => clampBelow(cl - 3 * sigma, 0)),
    ucl: sigmas.map((sigma) => clampAbove(cl + 3 * sigma, 1)),
  };
}

function rateLines(phase: PhaseData): PhaseLines {
  const cl = pooledRatio(phase);
  const sigmas = phase.denominators.map((n) => (n === null ? Number.NaN : Math.sqrt(cl / n)));
  return {
    values: phase.values,
    cl,
    lcl: sigmas.map((sigma) => clampBelow(cl - 3 * sigma, 0)),
    ucl: sigmas.map((sigma) => cl + 3 * sigma),
  };
}

function countLines(phase: PhaseData): PhaseLines {
  const cl = mean(present(baselineOf(phase, phase.values)));
  const sigma = Math.sqrt(cl);
  return {
    values: phase.values,
    cl,
    lcl: constant(phase, clampBelow(cl - 3 * sigma, 0)),
    ucl: constant(phase, cl + 3 * sigma),
  };
}

// Only finite limits are clamped; infinite ones (a zero denominator) are dropped later.
const clampBelow = (limit: number, floor: number): number =>
  Number.isFinite(limit) && limit < floor ? floor : limit;
const clampAbove = (limit: number, ceiling: number): number =>
  Number.isFinite(limit) && limit > ceiling ? ceiling : limit;
