import type { Run, RunsAnalysis, Side } from './types.js';

/**
 * Longest run expected by chance among `nUseful` points (Schilling 2012): round(log2(n)) + 3.
 * R rounds halves to even, but log2 of an integer is never k + ½ (that needs n = 2^k·√2),
 * so Math.round gives the same result.
 */
export function longestRunMax(nUseful: number): number {
  return Math.round(Math.log2(nUseful)) + 3;
}

/**
 * Fewest crossings expected by chance among `nUseful` points (Chen 2010): the 5th percentile
 * of Binomial(nUseful − 1, ½), i.e. R's qbinom(0.05, nUseful − 1, 0.5). Computed exactly as
 * the smallest k with 20·Σ_{j≤k} C(m, j) ≥ 2^m. (R's qbinom compares against 0.05 with a
 * relative fuzz of 64ε; the exact CDF never falls inside that band for series of up to
 * thousands of points, so the results agree.)
 */
export function nCrossingsMin(nUseful: number): number {
  const trials = Math.max(nUseful - 1, 0);
  const total = 1n << BigInt(trials);
  let coefficient = 1n;
  let cumulative = 0n;
  for (let k = 0; k < trials; k++) {
    cumulative += coefficient;
    if (20n * cumulative >= total) return k;
    coefficient = (coefficient * BigInt(trials - k)) / BigInt(k + 1);
  }
  return trials;
}

/**
 * Anhøj runs analysis of one phase against its centre line `cl` (NaN when there is none).
 * `values` are the phase's points, null where missing or excluded; points on the centre line
 * and missing points neither break nor extend a run. `offset` is the index of the phase's
 * first point, so that runs are reported by their index in the whole series.
 */
export function analyseRuns(
  values: readonly (number | null)[],
  cl: number,
  nObs: number,
  offset = 0,
): RunsAnalysis {
  const runs: Run[] = [];
  values.forEach((value, i) => {
    if (value === null || value === cl || Number.isNaN(value - cl)) return;
    const side: Side = value > cl ? 'above' : 'below';
    const index = offset + i;
    const current = runs.at(-1);
    if (current?.side === side) {
      runs[runs.length - 1] = { ...current, length: current.length + 1, lastIndex: index };
    } else {
      runs.push({ side, length: 1, firstIndex: index, lastIndex: index });
    }
  });

  const nUseful = runs.reduce((total, run) => total + run.length, 0);
  if (nUseful === 0) {
    return {
      longestRun: null,
      longestRunMax: null,
      nCrossings: null,
      nCrossingsMin: null,
      nObs,
      nUseful,
      signal: false,
      longRuns: [],
      lastRun: null,
    };
  }
  const longestRun = runs.reduce((longest, run) => Math.max(longest, run.length), 0);
  const maxRun = longestRunMax(nUseful);
  const nCrossings = runs.length - 1;
  const minCrossings = nCrossingsMin(nUseful);
  return {
    longestRun,
    longestRunMax: maxRun,
    nCrossings,
    nCrossingsMin: minCrossings,
    nObs,
    nUseful,
    signal: longestRun > maxRun || nCrossings < minCrossings,
    longRuns: runs.filter((run) => run.length > maxRun),
    lastRun: runs.at(-1) ?? null,
  };
}
