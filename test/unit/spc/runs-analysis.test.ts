import { describe, expect, it } from 'vitest';
import { longestRunMax, nCrossingsMin } from '../../../functions/domain/spc/index.js';
import { analyseRuns } from '../../../functions/domain/spc/runs-analysis.js';

describe('longestRunMax', () => {
  it('follows Anhøj’s table: round(log2 n) + 3', () => {
    const table: [number, number][] = [
      [1, 3], [2, 4], [3, 5], [5, 5], [6, 6], [10, 6], [11, 6], [12, 7], [22, 7],
      [23, 8], [45, 8], [46, 9], [90, 9], [91, 10], [181, 10], [182, 11],
    ];
    expect(table.map(([n]) => [n, longestRunMax(n)])).toEqual(table);
  });
});

describe('nCrossingsMin', () => {
  it('is qbinom(0.05, n − 1, 0.5)', () => {
    // Reference values from scipy.stats.binom.ppf(0.05, n - 1, 0.5).
    const table: [number, number][] = [
      [1, 0], [2, 0], [3, 0], [5, 0], [10, 2], [11, 2], [12, 3], [14, 4], [17, 5], [19, 6], [22, 7],
      [24, 8], [26, 8], [30, 10], [36, 13], [50, 19], [100, 41], [200, 88], [500, 231], [1000, 474],
    ];
    expect(table.map(([n]) => [n, nCrossingsMin(n)])).toEqual(table);
  });

  it('is 0 without useful points', () => {
    expect(nCrossingsMin(0)).toBe(0);
  });
});

describe('analyseRuns', () => {
  it('counts runs on each side, skipping missing points and points on the centre line', () => {
    const result = analyseRuns([1, 5, null, 3, 6, 7, 3, 8, 2, 1], 3, 10, 100);
    // Useful: − + + + + − − (3s and the missing point dropped).
    expect(result).toMatchObject({ nObs: 10, nUseful: 7, longestRun: 4, nCrossings: 2 });
    expect(result.lastRun).toEqual({ side: 'below', length: 2, firstIndex: 108, lastIndex: 109 });
  });

  it('has no statistics and no signal without a centre line', () => {
    expect(analyseRuns([1, 2, 3], Number.NaN, 3)).toMatchObject({
      nUseful: 0,
      longestRun: null,
      longestRunMax: null,
      nCrossings: null,
      nCrossingsMin: null,
      signal: false,
      lastRun: null,
    });
  });

  it('lists every run longer than the limit', () => {
    // 20 useful points allow runs of round(log2 20) + 3 = 7.
    const values = [...Array(8).fill(1), 5, 1, 5, 1, ...Array(8).fill(5)];
    const result = analyseRuns(values, 3, 20);
    expect(result.longRuns).toEqual([
      { side: 'below', length: 8, firstIndex: 0, lastIndex: 7 },
      { side: 'above', length: 8, firstIndex: 12, lastIndex: 19 },
    ]);
    expect(result.signal).toBe(true);
  });
});
