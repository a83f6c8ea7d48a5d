import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeChart, nCrossingsMin, type ChartInput, type ChartKind } from '../../../functions/domain/spc/index.js';

const value = fc.integer({ min: 0, max: 1000 }).map((v) => v / 10);
const maybeValue = fc.option(value, { freq: 8, nil: null });

/** A series for any chart kind: counts with denominators for p and u, optional phases, exclusions and freeze. */
const chartInput = (kinds: readonly ChartKind[] = ['run', 'i', 'mr', 'p', 'u', 'c']): fc.Arbitrary<ChartInput> =>
  fc
    .record({
      chart: fc.constantFrom(...kinds),
      length: fc.integer({ min: 1, max: 40 }),
    })
    .chain(({ chart, length }) => {
      const counted = chart === 'p' || chart === 'u';
      const indices = fc.array(fc.integer({ min: -1, max: length + 1 }), { maxLength: 3 });
      return fc.record({
        chart: fc.constant(chart),
        y: fc.array(counted ? fc.option(fc.integer({ min: 0, max: 50 }), { freq: 8, nil: null }) : maybeValue, {
          minLength: length,
          maxLength: length,
        }),
        n: counted
          ? fc.array(fc.option(fc.integer({ min: 50, max: 200 }), { freq: 8, nil: null }), {
              minLength: length,
              maxLength: length,
            })
          : fc.constant(null),
        part: fc.option(indices, { nil: null }),
        freeze: fc.option(fc.integer({ min: 1, max: length }), { nil: null }),
        exclude: fc.option(indices, { nil: null }),
      });
    });

const relativelyClose = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('SPC invariants', () => {
  it('limits are symmetric about the centre line wherever they are not clamped', () => {
    fc.assert(
      fc.property(chartInput(['i', 'p', 'u', 'c']), (input) => {
        const result = computeChart(input);
        result.cl.forEach((cl, i) => {
          const lcl = result.lcl[i] ?? null;
          const ucl = result.ucl[i] ?? null;
          const clampedLow = lcl === 0 && input.chart !== 'i';
          const clampedHigh = input.chart === 'p' && ucl === 1;
          if (cl === null || lcl === null || ucl === null || clampedLow || clampedHigh) return;
          expect(relativelyClose(ucl - cl, cl - lcl)).toBe(true);
        });
      }),
    );
  });

  it('the run chart’s centre line does not depend on the order of points within a phase', () => {
    fc.assert(
      fc.property(
        chartInput(['run']),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
        (input, keys) => {
          const original = computeChart({ ...input, exclude: null, freeze: null });
          // Shuffle every phase on its own by sorting its points on random keys.
          const order = input.y
            .map((_, i) => i)
            .sort((a, b) => (original.partOfPoint[a] ?? 0) - (original.partOfPoint[b] ?? 0) || (keys[a] ?? 0) - (keys[b] ?? 0));
          const shuffled = computeChart({ ...input, exclude: null, freeze: null, y: order.map((i) => input.y[i] ?? null) });
          expect(shuffled.cl).toEqual(original.cl);
        },
      ),
    );
  });

  it('a constant series never signals', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ChartKind>('run', 'i', 'mr', 'p', 'u', 'c'),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 100 }),
        (chart, length, level) => {
          const counted = chart === 'p' || chart === 'u';
          const result = computeChart({
            chart,
            y: Array(length).fill(level),
            n: counted ? Array(length).fill(100) : null,
          });
          expect(result.sigmaSignal.some(Boolean) || result.runsSignal.some(Boolean)).toBe(false);
        },
      ),
    );
  });

  it('multiply scales y, centre line and limits and nothing else', () => {
    fc.assert(
      fc.property(chartInput(), fc.constantFrom(10, 100, 1000, 0.5), (input, multiply) => {
        const plain = computeChart(input);
        const scaled = computeChart({ ...input, multiply });
        for (const field of ['y', 'cl', 'lcl', 'ucl'] as const) {
          plain[field].forEach((v, i) => {
            expect(relativelyClose(scaled[field][i] ?? null, v === null ? null : v * multiply)).toBe(true);
          });
        }
        expect(scaled.runsSignal).toEqual(plain.runsSignal);
        expect(scaled.parts).toEqual(plain.parts);
      }),
    );
  });

  it('a point signals exactly when it lies outside its limits, excluded or not', () => {
    fc.assert(
      fc.property(chartInput(), (input) => {
        const result = computeChart(input);
        result.y.forEach((y, i) => {
          const ucl = result.ucl[i] ?? null;
          const lcl = result.lcl[i] ?? null;
          const outside = y !== null && ((ucl !== null && y > ucl) || (lcl !== null && y < lcl));
          expect(result.sigmaSignal[i]).toBe(outside);
        });
      }),
    );
  });

  it('each phase is computed as if it were a series of its own', () => {
    fc.assert(
      fc.property(chartInput(), fc.integer({ min: 1, max: 39 }), (input, cut) => {
        fc.pre(cut < input.y.length);
        const whole = computeChart({ ...input, part: [cut], freeze: null, exclude: null });
        const first = computeChart({ ...input, y: input.y.slice(0, cut), n: input.n?.slice(0, cut), part: null, freeze: null, exclude: null });
        const second = computeChart({ ...input, y: input.y.slice(cut), n: input.n?.slice(cut), part: null, freeze: null, exclude: null });
        for (const field of ['y', 'cl', 'lcl', 'ucl', 'sigmaSignal', 'runsSignal'] as const) {
          expect(whole[field]).toEqual([...first[field], ...second[field]]);
        }
        expect(whole.parts.map((p) => p.nUseful)).toEqual([first.parts[0]?.nUseful, second.parts[0]?.nUseful]);
      }),
    );
  });

  it('runs statistics stay within their bounds, and mr charts never signal on runs', () => {
    fc.assert(
      fc.property(chartInput(), (input) => {
        const result = computeChart(input);
        for (const part of result.parts) {
          expect(part.nUseful).toBeLessThanOrEqual(part.nObs);
          if (part.nUseful === 0) {
            expect(part.longestRun).toBeNull();
            continue;
          }
          expect(part.longestRun).toBeLessThanOrEqual(part.nUseful);
          expect(part.nCrossings).toBeLessThan(part.nUseful);
        }
        if (input.chart === 'mr') expect(result.runsSignal.some(Boolean)).toBe(false);
      }),
    );
  });

  it('p chart limits stay within 0 and 1 times multiply', () => {
    fc.assert(
      fc.property(chartInput(['p']), (input) => {
        const result = computeChart({ ...input, multiply: 100 });
        for (const limit of [...result.lcl, ...result.ucl]) {
          if (limit !== null) expect(limit >= 0 && limit <= 100).toBe(true);
        }
      }),
    );
  });

  it('the crossings minimum agrees with a floating-point binomial CDF', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (nUseful) => {
        const trials = nUseful - 1;
        let logTerm = -trials * Math.LN2;
        let cdf = 0;
        let k = 0;
        for (; k <= trials; k++) {
          cdf += Math.exp(logTerm);
          if (cdf >= 0.05) break;
          logTerm += Math.log((trials - k) / (k + 1));
        }
        expect(nCrossingsMin(nUseful)).toBe(Math.min(k, trials));
      }),
    );
  });
});
