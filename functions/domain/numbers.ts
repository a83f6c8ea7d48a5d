import * as z from 'zod';

/**
 * The numbers people send (figures, targets, ranges, expected values) stay where they can be
 * stored and computed with exactly: DynamoDB refuses magnitudes below 1e-130, the SDK refuses
 * integers beyond 2^53, and the SPC limits computed from a figure must stay within both. A
 * trillion either way, and nothing closer to zero than a billionth (but zero), covers any figure
 * a unit can have.
 */
export const LARGEST_NUMBER = 1e12;
export const SMALLEST_NONZERO = 1e-9;

export function isStorableNumber(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= LARGEST_NUMBER && (n === 0 || Math.abs(n) >= SMALLEST_NONZERO);
}

export const NUMBER_RANGE_TEXT = `a number from -${LARGEST_NUMBER} to ${LARGEST_NUMBER}, 0 or at least ${SMALLEST_NONZERO.toFixed(9)} from it`;

export const StorableNumberSchema = z.number().refine(isStorableNumber, NUMBER_RANGE_TEXT);
