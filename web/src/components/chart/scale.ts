/** Pure chart maths: linear scales, "nice" axis ticks and which period labels fit. No DOM, no i18n. */

export type Scale = (value: number) => number;

/** Maps [d0, d1] linearly onto [r0, r1]; a zero-width domain maps everything to the middle of the range. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** 1, 2, 2.5 or 5 times a power of ten: the step a reader can add up in their head. */
function niceStep(rawStep: number): number {
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const fraction = rawStep / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Axis ticks covering [min, max] with at most `maxTicks` ticks on round numbers; the domain grows
 * to the outer ticks so that the lines start and end on a labelled value.
 */
export function niceTicks(min: number, max: number, maxTicks = 6): { ticks: number[]; domain: [number, number] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { ticks: [0, 1], domain: [0, 1] };
  let [lo, hi] = min <= max ? [min, max] : [max, min];
  if (lo === hi) {
    // A flat series still needs an axis around its one value.
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const intervals = Math.max(1, maxTicks - 1);
  let step = niceStep((hi - lo) / intervals);
  let start = Math.floor(lo / step) * step;
  let end = Math.ceil(hi / step) * step;
  // Rounding outwards can add an interval; take the next nice step until the ticks fit.
  while (Math.round((end - start) / step) + 1 > maxTicks) {
    step = niceStep(step * 1.01);
    start = Math.floor(lo / step) * step;
    end = Math.ceil(hi / step) * step;
  }
  const count = Math.round((end - start) / step);
  // Rounded so that 0.1 + 0.2 shows as 0.3.
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((start + i * step).toPrecision(12)));
  return { ticks, domain: [ticks[0]!, ticks[ticks.length - 1]!] };
}

/** The smallest and largest of the finite numbers given (nulls and NaN ignored); undefined when there are none. */
export function extent(values: Iterable<number | null | undefined>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * Which of `count` evenly spaced positions get a label when at most `maxLabels` fit: every k-th,
 * counted back from the last (the newest period is the one people look for), so the step is even.
 */
export function labelledIndices(count: number, maxLabels: number): number[] {
  if (count <= 0 || maxLabels <= 0) return [];
  const step = Math.max(1, Math.ceil(count / maxLabels));
  const indices: number[] = [];
  for (let i = count - 1; i >= 0; i -= step) indices.push(i);
  return indices.reverse();
}

/** Cuts a label to `max` characters with an ellipsis; the full text goes in the chart's text alternative. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

export type PlacedLabel = { x: number; anchor: 'start' | 'end'; maxChars: number };

/**
 * Places a label beside each vertical line at `positions` (sorted or not) within [left, right]:
 * it runs away from the nearer edge, and is cut to fit before the edge or the next line in its
 * way (half the gap when that line's label runs towards it). `charWidth` is the mean character width.
 */
export function placeLabels(positions: readonly number[], [left, right]: readonly [number, number], charWidth = 7): PlacedLabel[] {
  const middle = (left + right) / 2;
  const order = positions.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const runsRight = (x: number) => x <= middle;
  const placed: PlacedLabel[] = new Array<PlacedLabel>(positions.length);
  order.forEach(({ x, i }, k) => {
    const right_ = runsRight(x);
    const neighbour = order[right_ ? k + 1 : k - 1];
    let room = right_ ? right - x : x - left;
    if (neighbour) {
      const gap = Math.abs(neighbour.x - x);
      const facing = runsRight(neighbour.x) !== right_;
      room = Math.min(room, facing ? gap / 2 : gap);
    }
    placed[i] = { x: right_ ? x + 4 : x - 4, anchor: right_ ? 'start' : 'end', maxChars: Math.max(2, Math.floor((room - 8) / charWidth)) };
  });
  return placed;
}

/** Rows for labels at `positions` so that two labels closer than `gap` are never on one row (at most three rows). */
export function staggerRows(positions: readonly number[], gap: number): number[] {
  const rows = new Array<number>(positions.length).fill(0);
  const lastInRow: number[] = [];
  positions
    .map((x, i) => ({ x, i }))
    .sort((a, b) => a.x - b.x)
    .forEach(({ x, i }) => {
      const free = lastInRow.findIndex((previous) => x - previous >= gap);
      const row = free >= 0 ? free : Math.min(lastInRow.length, 2);
      rows[i] = row;
      lastInRow[row] = x;
    });
  return rows;
}

/**
 * The baseline of a label beside a horizontal line at `lineY`: above it, unless another line
 * (a limit, the centre line) runs through that place, then below it.
 */
export function beside(lineY: number, others: readonly number[]): number {
  const clear = (top: number, bottom: number) => others.every((o) => o < top - 2 || o > bottom + 2);
  const above = lineY - 5;
  const below = lineY + 15;
  if (clear(above - 11, above + 2)) return above;
  if (clear(below - 11, below + 2)) return below;
  return above;
}
