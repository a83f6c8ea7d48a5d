import { describe, expect, it } from 'vitest';
import { beside, extent, labelledIndices, linearScale, niceTicks, placeLabels, staggerRows, truncate } from '../../../web/src/components/chart/scale.js';
import { addPeriods, parsePeriod } from '../../../functions/domain/period-calendar.js';
import { currentPeriods } from '../../../web/src/period.js';

describe('linearScale', () => {
  it('maps the domain onto the range, inverted for an SVG y axis', () => {
    const y = linearScale([0, 10], [300, 100]);
    expect(y(0)).toBe(300);
    expect(y(10)).toBe(100);
    expect(y(5)).toBe(200);
    expect(y(15)).toBe(0);
  });

  it('puts everything in the middle when the domain has no width', () => {
    expect(linearScale([4, 4], [0, 100])(4)).toBe(50);
  });
});

describe('niceTicks', () => {
  it.each([
    [0, 10, 6, [0, 2, 4, 6, 8, 10]],
    [3.2, 17.9, 6, [0, 5, 10, 15, 20]],
    [41.5, 88.2, 6, [40, 50, 60, 70, 80, 90]],
    [0.12, 0.31, 5, [0.1, 0.2, 0.3, 0.4]],
    [-3, 3, 7, [-3, -2, -1, 0, 1, 2, 3]],
  ])('%d–%d in at most %d ticks', (min, max, count, expected) => {
    const { ticks, domain } = niceTicks(min, max, count);
    expect(ticks).toEqual(expected);
    expect(ticks.length).toBeLessThanOrEqual(count);
    expect(domain).toEqual([expected[0], expected.at(-1)]);
  });

  it('covers the data and keeps an even step whatever the range', () => {
    for (const [min, max] of [[0, 182], [1, 5], [0.001, 0.002], [5, 1234567], [-50, -2]] as const) {
      const { ticks } = niceTicks(min, max, 6);
      expect(ticks[0]).toBeLessThanOrEqual(min);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      const steps = ticks.slice(1).map((t, i) => t - ticks[i]!);
      for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 9);
    }
  });

  it('gives a flat series an axis around its value', () => {
    const { ticks, domain } = niceTicks(7, 7);
    expect(domain[0]).toBeLessThan(7);
    expect(domain[1]).toBeGreaterThan(7);
    expect(ticks).toContain(7);
  });

  it('survives no data at all', () => {
    expect(niceTicks(Number.NaN, Number.NaN).ticks).toEqual([0, 1]);
  });
});

describe('extent', () => {
  it('ignores missing values', () => {
    expect(extent([null, 3, undefined, -1, Number.NaN, 8])).toEqual([-1, 8]);
    expect(extent([null, undefined])).toBeUndefined();
  });
});

describe('labelledIndices', () => {
  it('labels every position when they fit', () => {
    expect(labelledIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it('labels every k-th counting back from the newest, so the latest period always has its label', () => {
    expect(labelledIndices(78, 10)).toEqual([5, 13, 21, 29, 37, 45, 53, 61, 69, 77]);
    expect(labelledIndices(11, 5)).toEqual([1, 4, 7, 10]);
  });

  it('labels nothing when there is nothing', () => {
    expect(labelledIndices(0, 5)).toEqual([]);
  });
});

describe('truncate', () => {
  it('cuts long labels with an ellipsis and leaves short ones alone', () => {
    expect(truncate('Takaisinsoitto samana päivänä', 12)).toBe('Takaisinsoi…');
    expect(truncate('Lyhyt', 12)).toBe('Lyhyt');
  });
});

describe('placeLabels', () => {
  it('runs a lone label away from the nearer edge, as far as the edge allows', () => {
    expect(placeLabels([100], [0, 700])).toEqual([{ x: 104, anchor: 'start', maxChars: 84 }]);
    expect(placeLabels([600], [0, 700])).toEqual([{ x: 596, anchor: 'end', maxChars: 84 }]);
  });

  it('shares the gap between two labels that run towards each other, and stops one at the next line', () => {
    // Given in any order; each result belongs to its own position.
    const [late, early] = placeLabels([500, 200], [0, 700]);
    expect(early).toEqual({ x: 204, anchor: 'start', maxChars: Math.floor((150 - 8) / 7) });
    expect(late).toEqual({ x: 496, anchor: 'end', maxChars: Math.floor((150 - 8) / 7) });
    const [first, second] = placeLabels([100, 160], [0, 700]);
    expect(first!.maxChars).toBe(Math.floor((60 - 8) / 7));
    expect(second!.maxChars).toBe(Math.floor((540 - 8) / 7));
  });

  it('leaves at least a stub of a label', () => {
    expect(placeLabels([100, 101], [0, 700])[0]!.maxChars).toBe(2);
  });
});

describe('periods of the entry form', () => {
  it('names the current ISO week and month in Helsinki', () => {
    // Sunday 22:30 UTC is already Monday 1 December in Helsinki.
    expect(currentPeriods(new Date('2026-11-30T22:30:00Z'))).toEqual({ week: '2026-W49', month: '2026-12' });
    expect(currentPeriods(new Date('2027-01-01T12:00:00Z'))).toEqual({ week: '2026-W53', month: '2027-01' });
  });

  it.each([
    ['2026-W49', -1, '2026-W48'],
    ['2026-W01', -1, '2025-W52'],
    ['2026-W53', 1, '2027-W01'],
    ['2021-W01', -1, '2020-W53'],
    ['2026-01', -1, '2025-12'],
    ['2026-11', -13, '2025-10'],
    ['2026-12', 1, '2027-01'],
  ])('%s shifted by %i is %s (addPeriods, as the form offers earlier periods)', (period, count, expected) => {
    expect(addPeriods(period, count)).toBe(expected);
  });

  it('splits a period into its parts for its name', () => {
    expect(parsePeriod('2026-W07')).toEqual({ frequency: 'weekly', year: 2026, number: 7 });
    expect(parsePeriod('2026-03')).toEqual({ frequency: 'monthly', year: 2026, number: 3 });
  });
});

describe('chart labels without overlap', () => {
  it('puts cycle numbers closer than the gap on different rows, and far ones on the first', () => {
    expect(staggerRows([100, 105, 300, 108], 18)).toEqual([0, 1, 0, 2]);
    expect(staggerRows([100, 200, 300], 18)).toEqual([0, 0, 0]);
  });

  it('writes the target label above its line, or below when a limit runs there', () => {
    expect(beside(200, [120, 280])).toBe(195);
    expect(beside(200, [190])).toBe(215);
  });
});
