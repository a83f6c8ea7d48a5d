/**
 * Phase number (1-based) of each of `count` points, as qicharts2's makeparts(): each break
 * b ends a phase after point b; breaks outside 1..count−1 and repeated breaks are ignored.
 */
export function phaseOfPoints(breaks: readonly number[], count: number): number[] {
  const cuts = [...new Set(breaks)].filter((b) => b >= 1 && b < count).sort((a, b) => a - b);
  return Array.from({ length: count }, (_, i) => 1 + cuts.filter((b) => b <= i).length);
}
