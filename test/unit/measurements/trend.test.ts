import { describe, expect, it } from 'vitest';
import { trendOf, trendPoints } from '../../../functions/domain/trend.js';

const point = (period: string, y: number | null, cl: number | null, phase: number, signal = false) => ({ period, y, cl, phase, sigmaSignal: signal, runsSignal: false });

describe("a sparkline's trend", () => {
  const points = [
    point('2026-W44', 14.333333, 14, 1),
    point('2026-W45', null, 14, 1),
    point('2026-W46', 13, 14, 1),
    point('2026-W47', 6, 5.5, 2, true),
    point('2026-W48', 5, 5.5, 2),
  ];

  it('keeps the newest periods compactly: figures rounded, a centre line per phase, the signalling points', () => {
    expect(trendOf(points, 4)).toEqual({ start: '2026-W45', values: [null, 13, 6, 5], centre: [{ from: 0, cl: 14 }, { from: 2, cl: 5.5 }], signals: [2] });
  });

  it('draws back the same points, a missing period a gap', () => {
    expect(trendPoints(trendOf(points, 5))).toEqual([
      { period: '2026-W44', y: 14.33, cl: 14, phase: 1, signal: false },
      { period: '2026-W45', y: null, cl: 14, phase: 1, signal: false },
      { period: '2026-W46', y: 13, cl: 14, phase: 1, signal: false },
      { period: '2026-W47', y: 6, cl: 5.5, phase: 2, signal: true },
      { period: '2026-W48', y: 5, cl: 5.5, phase: 2, signal: false },
    ]);
  });
});
