/*
 * R sums and averages doubles in an 80-bit accumulator, and mean() adds a second pass that
 * corrects the quotient. Plain left-to-right double sums can differ in the last bit, and
 * that bit decides whether a point lies exactly on the centre line, which changes the
 * runs analysis (e.g. mean(0.1, 0.2, 0.3) is 0.2 in R but 0.20000000000000004 naively).
 * Compensated summation reproduces R's results.
 */

/** Sum with an error term (Kahan–Babuška), rounded to a double once at the end. */
export function sum(values: readonly number[]): number {
  let total = 0;
  let error = 0;
  for (const value of values) {
    const next = total + value;
    error += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + error;
}

/** Mean as R's mean() computes it; NaN for no values. */
export function mean(values: readonly number[]): number {
  const count = values.length;
  if (count === 0) return Number.NaN;
  const first = sum(values) / count;
  if (!Number.isFinite(first)) return first;
  const residual = sum(values.flatMap((value) => [value, -first]));
  return first + residual / count;
}

/** Median as R's median() computes it; NaN for no values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return Number.NaN;
  const half = Math.floor((count - 1) / 2);
  return count % 2 === 1 ? (sorted[half] as number) : mean(sorted.slice(half, half + 2));
}
