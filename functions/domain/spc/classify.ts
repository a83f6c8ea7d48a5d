import type { ChartResult, PartResult } from './types.js';

export type Better = 'higher' | 'lower';
export type Variation = 'improving' | 'concerning' | 'common';
export type Assurance = 'met' | 'missed' | 'notAssured' | 'none';

export interface Classification {
  readonly variation: Variation;
  readonly assurance: Assurance;
}

type Direction = 'high' | 'low';

/**
 * NHS "Making Data Count" summary of a chart, judged on its last phase (the current process).
 * `target` is in the units of the result (after `multiply`).
 *
 * Variation: the latest signal of the last phase decides — a point outside the limits, or
 * the phase's runs signal dated by the run behind it (the latest unusually long run; with
 * too few crossings only, the last run). It is 'improving' when that signal lies on the
 * better side of the centre line, 'concerning' on the worse side, else 'common'. Run charts
 * have no limits, so only runs signals count there.
 *
 * Assurance: the limits of the latest point that has them against the target. For
 * better = 'higher': 'met' when LCL > target, 'missed' when UCL < target, mirrored for
 * 'lower'; otherwise, or without limits, 'notAssured'; 'none' without a target.
 */
export function classifyChart(result: ChartResult, better: Better, target?: number | null): Classification {
  const part = result.parts.at(-1);
  if (!part) return { variation: 'common', assurance: target == null ? 'none' : 'notAssured' };
  return { variation: variationOf(result, part, better), assurance: assuranceOf(result, part, better, target) };
}

function variationOf(result: ChartResult, part: PartResult, better: Better): Variation {
  const signals: { index: number; direction: Direction }[] = [];
  for (let i = part.firstIndex; i <= part.lastIndex; i++) {
    const y = result.y[i];
    const ucl = result.ucl[i];
    if (result.sigmaSignal[i] && y != null) {
      signals.push({ index: i, direction: ucl != null && y > ucl ? 'high' : 'low' });
    }
  }
  const run = part.signal ? (part.longRuns.at(-1) ?? part.lastRun) : null;
  if (run) signals.push({ index: run.lastIndex, direction: run.side === 'above' ? 'high' : 'low' });

  const latest = signals.reduce<(typeof signals)[number] | null>(
    (found, signal) => (found === null || signal.index > found.index ? signal : found),
    null,
  );
  if (latest === null) return 'common';
  return (latest.direction === 'high') === (better === 'higher') ? 'improving' : 'concerning';
}

function assuranceOf(result: ChartResult, part: PartResult, better: Better, target?: number | null): Assurance {
  if (target == null) return 'none';
  for (let i = part.lastIndex; i >= part.firstIndex; i--) {
    const lcl = result.lcl[i];
    const ucl = result.ucl[i];
    if (lcl == null || ucl == null) continue;
    if (lcl > target) return better === 'higher' ? 'met' : 'missed';
    if (ucl < target) return better === 'higher' ? 'missed' : 'met';
    return 'notAssured';
  }
  return 'notAssured';
}
