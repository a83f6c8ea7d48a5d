import { describe, expect, it } from 'vitest';
import { computeChart, type ChartResult } from '../../../functions/domain/spc/index.js';

/** The distinct values of a per-point array. */
const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

const stats = (result: ChartResult) =>
  result.parts.map(({ longestRun, longestRunMax, nCrossings, nCrossingsMin, nObs, nUseful }) => ({
    longestRun,
    longestRunMax,
    nCrossings,
    nCrossingsMin,
    nObs,
    nUseful,
  }));

describe('i chart, computed by hand', () => {
  // Mean 83/10 = 8.3. Moving ranges 2,1,2,1,2,3,1,1,12: AMR 25/9, screening limit
  // 3.267·25/9 = 9.075 drops the 12, AMR becomes 13/8 = 1.625, sigma 1.625/1.128.
  const y = [5, 7, 6, 8, 7, 9, 6, 7, 8, 20];
  const result = computeChart({ chart: 'i', y });

  it('has the mean as centre line and screened limits', () => {
    expect(distinct(result.cl)).toEqual([8.3]);
    expect(result.ucl[0]).toBeCloseTo(8.3 + (3 * 1.625) / 1.128, 12);
    expect(result.lcl[0]).toBeCloseTo(8.3 - (3 * 1.625) / 1.128, 12);
    expect(distinct(result.ucl)).toHaveLength(1);
  });

  it('flags only the point above the upper limit', () => {
    expect(result.sigmaSignal).toEqual([false, false, false, false, false, false, false, false, false, true]);
  });

  it('runs analysis: runs of 5, 1, 3, 1 against 8.3', () => {
    // 10 useful points: longest run allowed round(log2 10) + 3 = 6, crossings at least 2.
    expect(stats(result)).toEqual([
      { longestRun: 5, longestRunMax: 6, nCrossings: 3, nCrossingsMin: 2, nObs: 10, nUseful: 10 },
    ]);
    expect(result.runsSignal.every((signal) => !signal)).toBe(true);
  });

  it('bridges excluded points in the moving ranges but not missing ones', () => {
    // Baseline 1,2,3,10,11: mean 5.4, moving ranges 1,1,7,1 → AMR 2.5 (none screened).
    const excluded = computeChart({ chart: 'i', y: [1, 2, 3, 100, 10, 11], exclude: [4] });
    expect(excluded.cl[0]).toBeCloseTo(5.4, 12);
    expect(excluded.ucl[0]).toBeCloseTo(5.4 + (3 * 2.5) / 1.128, 12);
    // The excluded point is still plotted, with limits, and tested against them.
    expect(excluded.y[3]).toBe(100);
    expect(excluded.ucl[3]).not.toBeNull();
    expect(excluded.sigmaSignal[3]).toBe(true);
    expect(excluded.parts[0]?.nObs).toBe(5);

    // With the point missing, the ranges 3→missing→10 do not exist: ranges 1,1,1 → AMR 1.
    const missing = computeChart({ chart: 'i', y: [1, 2, 3, null, 10, 11] });
    expect(missing.cl[0]).toBeCloseTo(5.4, 12);
    expect(missing.ucl[0]).toBeCloseTo(5.4 + 3 / 1.128, 12);
    expect(missing.y[3]).toBeNull();
    expect(missing.parts[0]?.nObs).toBe(6);
    expect(missing.parts[0]?.nUseful).toBe(5);
  });

  it('takes centre line and limits from the frozen baseline and analyses runs over all points', () => {
    // Baseline 1..8: mean 4.5, every moving range 1 → sigma 1/1.128.
    const result = computeChart({ chart: 'i', y: [1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23], freeze: 8 });
    expect(distinct(result.cl)).toEqual([4.5]);
    expect(result.ucl[11]).toBeCloseTo(4.5 + 3 / 1.128, 12);
    expect(result.lcl[0]).toBeCloseTo(4.5 - 3 / 1.128, 12);
    expect(result.sigmaSignal).toEqual([true, false, false, false, false, false, false, true, true, true, true, true]);
    // Runs of 4 below and 8 above among 12 points: 8 > round(log2 12) + 3 = 7.
    expect(stats(result)).toEqual([
      { longestRun: 8, longestRunMax: 7, nCrossings: 1, nCrossingsMin: 3, nObs: 12, nUseful: 12 },
    ]);
    expect(distinct(result.runsSignal)).toEqual([true]);
  });

  it('ignores freeze when phases are given', () => {
    const y = [3, 5, 4, 6, 5, 9, 8, 10, 9, 11];
    expect(computeChart({ chart: 'i', y, part: [5], freeze: 3 })).toEqual(computeChart({ chart: 'i', y, part: [5] }));
    expect(computeChart({ chart: 'i', y, freeze: 3 }).cl[0]).toBe(4);
  });

  it('has no limits for a one-point phase or a series without variation', () => {
    const onePoint = computeChart({ chart: 'i', y: [4, 6, 5, 7, 5, 12], part: [5] });
    expect(onePoint.cl[5]).toBe(12);
    expect([onePoint.lcl[5], onePoint.ucl[5]]).toEqual([null, null]);
    // All moving ranges are 0, so screening (ranges below 0) leaves none, as in qicharts2.
    const flat = computeChart({ chart: 'i', y: [5, 5, 5, 5] });
    expect(distinct(flat.ucl)).toEqual([null]);
    expect(flat.parts[0]?.nUseful).toBe(0);
  });

  it('does not clamp the lower limit at zero', () => {
    const result = computeChart({ chart: 'i', y: [1, 2, 3, 100, 10, 11] });
    expect(result.lcl[0]).toBeLessThan(0);
  });

  it('averages like R, so a point equal to the mean lies on the centre line', () => {
    // 0.1 + 0.2 + 0.3 summed left to right gives 0.6000000000000001; R's mean is exactly 0.2.
    const result = computeChart({ chart: 'i', y: [0.1, 0.2, 0.3] });
    expect(result.cl[0]).toBe(0.2);
    expect(result.parts[0]?.nUseful).toBe(2);
  });
});

describe('mr chart, computed by hand', () => {
  // Moving ranges of the i chart's series: 2,1,2,1,2,3,1,1,12, mean 25/9.
  const result = computeChart({ chart: 'mr', y: [5, 7, 6, 8, 7, 9, 6, 7, 8, 20] });

  it('plots moving ranges with no value at the first point', () => {
    expect(result.y).toEqual([null, 2, 1, 2, 1, 2, 3, 1, 1, 12]);
  });

  it('has the unscreened mean range as centre line, UCL 3.267·CL and LCL 0', () => {
    expect(result.cl[0]).toBeCloseTo(25 / 9, 12);
    expect(result.ucl[0]).toBeCloseTo((3.267 * 25) / 9, 12);
    expect(distinct(result.lcl)).toEqual([0]);
    expect(result.sigmaSignal[9]).toBe(true);
    expect(result.sigmaSignal.filter(Boolean)).toHaveLength(1);
  });

  it('reports the runs analysis but never signals on it', () => {
    // Moving ranges 1..11 around their mean 6: five below, five above, one crossing.
    const trending = computeChart({ chart: 'mr', y: [1, 2, 4, 7, 11, 16, 22, 29, 37, 46, 56, 67] });
    expect(stats(trending)).toEqual([
      { longestRun: 5, longestRunMax: 6, nCrossings: 1, nCrossingsMin: 2, nObs: 12, nUseful: 10 },
    ]);
    expect(trending.parts[0]?.signal).toBe(false);
    expect(distinct(trending.runsSignal)).toEqual([false]);
  });

  it('starts every phase without a moving range', () => {
    const phased = computeChart({ chart: 'mr', y: [1, 3, 2, 10, 14, 11], part: [3] });
    expect(phased.y).toEqual([null, 2, 1, null, 4, 3]);
    expect(phased.cl).toEqual([1.5, 1.5, 1.5, 3.5, 3.5, 3.5]);
  });
});

describe('run chart, computed by hand', () => {
  it('has the median as centre line and no limits', () => {
    const result = computeChart({ chart: 'run', y: [3, 1, 4, 1, 5, 9, 2, 6] });
    expect(distinct(result.cl)).toEqual([3.5]);
    expect(distinct(result.lcl)).toEqual([null]);
    expect(distinct(result.ucl)).toEqual([null]);
    expect(distinct(result.sigmaSignal)).toEqual([false]);
  });

  it('signals too few crossings', () => {
    // Median 5.5: five points below, then five above: one crossing, fewer than qbinom(0.05, 9, ½) = 2.
    const result = computeChart({ chart: 'run', y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(stats(result)).toEqual([
      { longestRun: 5, longestRunMax: 6, nCrossings: 1, nCrossingsMin: 2, nObs: 10, nUseful: 10 },
    ]);
    expect(distinct(result.runsSignal)).toEqual([true]);
  });

  it('skips points on the median: they neither break nor extend a run', () => {
    // Median (2 + 2)/2 = 2; the four 2s drop out, leaving + + + − − − − + among 8 useful points.
    const result = computeChart({ chart: 'run', y: [5, 5, 5, 1, 2, 1, 2, 1, 2, 1, 2, 9] });
    expect(stats(result)).toEqual([
      { longestRun: 4, longestRunMax: 6, nCrossings: 2, nCrossingsMin: 1, nObs: 12, nUseful: 8 },
    ]);
  });

  it('signals an unusually long run and locates it', () => {
    // Median 12.5: 5 below, 8 above (points 6–13), 3 below; 8 > round(log2 16) + 3 = 7.
    const result = computeChart({ chart: 'run', y: [1, 10, 2, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 3, 4, 5] });
    expect(result.parts[0]?.longRuns).toEqual([{ side: 'above', length: 8, firstIndex: 5, lastIndex: 12 }]);
    expect(result.parts[0]?.lastRun).toEqual({ side: 'below', length: 3, firstIndex: 13, lastIndex: 15 });
    expect(distinct(result.runsSignal)).toEqual([true]);
  });

  it('leaves excluded points out of the median and the runs analysis', () => {
    const result = computeChart({ chart: 'run', y: [1, 2, 3, 100, 4, 5], exclude: [4] });
    expect(result.cl[0]).toBe(3);
    expect(result.parts[0]).toMatchObject({ nObs: 5, nUseful: 4 });
  });
});

describe('p chart, computed by hand', () => {
  // Points 2 and 3 lack a numerator or denominator. Centre line (2 + 4)/(10 + 20) = 0.2.
  const result = computeChart({ chart: 'p', y: [2, null, 3, 4], n: [10, 10, null, 20], multiply: 100 });

  it('makes a point missing when its numerator or denominator is', () => {
    expect(result.y).toEqual([20, null, null, 20]);
    expect(result.cl).toEqual([20, 20, 20, 20]);
    expect(result.ucl[1]).toBeNull();
    expect(result.lcl[2]).toBeNull();
  });

  it('has limits from each point’s denominator, clamped at 0', () => {
    expect(result.ucl[0]).toBeCloseTo(100 * (0.2 + 3 * Math.sqrt(0.16 / 10)), 10);
    expect(result.ucl[3]).toBeCloseTo(100 * (0.2 + 3 * Math.sqrt(0.16 / 20)), 10);
    expect([result.lcl[0], result.lcl[3]]).toEqual([0, 0]);
  });

  it('has no runs statistics when every point lies on the centre line', () => {
    expect(stats(result)).toEqual([
      { longestRun: null, longestRunMax: null, nCrossings: null, nCrossingsMin: null, nObs: 4, nUseful: 0 },
    ]);
    expect(distinct(result.runsSignal)).toEqual([false]);
  });

  it('clamps the upper limit at 1', () => {
    const high = computeChart({ chart: 'p', y: [9, 10, 9, 10], n: [10, 10, 10, 10] });
    expect(distinct(high.ucl)).toEqual([1]);
  });
});

describe('u and c charts, computed by hand', () => {
  it('u chart: pooled rate ± 3·sqrt(cl/n), lower limit clamped at 0', () => {
    // Centre line 12/40 = 0.3.
    const result = computeChart({ chart: 'u', y: [2, 4, 6], n: [10, 10, 20] });
    expect(result.cl[0]).toBeCloseTo(0.3, 15);
    expect(result.ucl[0]).toBeCloseTo(0.3 + 3 * Math.sqrt(0.03), 12);
    expect(result.ucl[2]).toBeCloseTo(0.3 + 3 * Math.sqrt(0.015), 12);
    expect(distinct(result.lcl)).toEqual([0]);
  });

  it('c chart with phases: each phase has its own mean ± 3·sqrt(mean)', () => {
    const result = computeChart({ chart: 'c', y: [4, 4, 4, 9, 9, 9, 9], part: [3] });
    expect(result.partOfPoint).toEqual([1, 1, 1, 2, 2, 2, 2]);
    expect(result.cl).toEqual([4, 4, 4, 9, 9, 9, 9]);
    expect(result.ucl).toEqual([10, 10, 10, 18, 18, 18, 18]);
    expect(result.lcl).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(result.parts.map((part) => [part.firstIndex, part.lastIndex])).toEqual([
      [0, 2],
      [3, 6],
    ]);
  });

  it('c chart keeps the centre line and limits at a missing point', () => {
    const result = computeChart({ chart: 'c', y: [4, null, 16] });
    expect(result.cl[1]).toBe(10);
    expect(result.ucl[1]).toBeCloseTo(10 + 3 * Math.sqrt(10), 12);
  });

  it('ignores phase breaks outside 1..N−1 and repeated ones', () => {
    const y = [4, 4, 4, 9, 9, 9, 9];
    expect(computeChart({ chart: 'c', y, part: [0, 7, 3, 3, -1, 12] })).toEqual(computeChart({ chart: 'c', y, part: [3] }));
  });
});

describe('input checks', () => {
  it('rejects inputs that cannot describe a chart', () => {
    expect(() => computeChart({ chart: 'p', y: [1, 2] })).toThrow(RangeError);
    expect(() => computeChart({ chart: 'u', y: [1, 2], n: [3] })).toThrow(RangeError);
    expect(() => computeChart({ chart: 'i', y: [1, 2], exclude: [1.5] })).toThrow(RangeError);
    expect(() => computeChart({ chart: 'i', y: [1, 2], multiply: 0 })).toThrow(RangeError);
  });
});
