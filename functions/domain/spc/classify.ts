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
 * Variation follows the latest point, as Making Data Count's icons do: special cause only when
 * that point is part of a signal — outside the limits, or inside an unusually long run. It is
 * 'improving' when the signal lies on the better side of the centre line, 'concerning' on the
 * worse side, else 'common': a signal that has ended (an old point outside the limits, a run
 * the latest point broke) leaves the icon at common cause, and its explanation in the text. The
 * fewest-crossings rule belongs to the whole phase, not to its latest point, so it does not set
 * the icon. Run charts have no limits, so only long runs count there.
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
  let latest = -1;
  for (let i = part.lastIndex; i >= part.firstIndex && latest === -1; i--) if (result.y[i] != null) latest = i;
  if (latest === -1) return 'common';
  let direction: Direction | null = null;
  if (result.sigmaSignal[latest]) {
    const ucl = result.ucl[latest];
    direction = ucl != null && result.y[latest]! > ucl ? 'high' : 'low';
  } else {
    const run = part.longRuns.find((r) => r.firstIndex <= latest && latest <= r.lastIndex);
    if (run) direction = run.side === 'above' ? 'high' : 'low';
  }
  if (direction === null) return 'common';
  return (direction === 'high') === (better === 'higher') ? 'improving' : 'concerning';
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
