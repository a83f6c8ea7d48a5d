import { addPeriods } from './period-calendar.js';

/** A chart point as much as a sparkline needs of it. */
type ChartPoint = { period: string; y: number | null; cl: number | null; sigmaSignal: boolean; runsSignal: boolean; phase: number };

/**
 * A sparkline's data, compact because the overview carries one per unit and measure: the first
 * period, the figures from it on (null for a missing period; rounded, as a sparkline draws them),
 * the centre line of each phase from the index it begins at, and the indices of signalling points.
 */
export type CompactTrend = { start: string | null; values: (number | null)[]; centre: { from: number; cl: number | null }[]; signals: number[] };

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The newest `span` points of a chart as a compact trend. Pure, without schemas: the web uses it as the server does. */
export function trendOf(points: readonly ChartPoint[], span: number): CompactTrend {
  const newest = points.slice(-span);
  const centre: CompactTrend['centre'] = [];
  newest.forEach((p, i) => {
    if (i === 0 || p.phase !== newest[i - 1]!.phase) centre.push({ from: i, cl: round(p.cl) });
  });
  return {
    start: newest[0]?.period ?? null,
    values: newest.map((p) => round(p.y)),
    centre,
    signals: newest.flatMap((p, i) => (p.sigmaSignal || p.runsSignal ? [i] : [])),
  };
}

/** A compact trend back as points to draw: each with its period, figure, centre line, phase and signal. */
export function trendPoints(trend: CompactTrend) {
  return trend.values.map((y, i) => {
    const phase = trend.centre.filter((segment) => segment.from <= i).length;
    return { period: addPeriods(trend.start!, i), y, cl: trend.centre[phase - 1]?.cl ?? null, phase, signal: trend.signals.includes(i) };
  });
}
