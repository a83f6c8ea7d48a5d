import { describe, expect, it } from 'vitest';
import { mean, median, sum } from '../../../functions/domain/spc/arithmetic.js';

describe('R-like arithmetic', () => {
  it('sums without losing low-order terms', () => {
    expect(sum([1e16, 1, -1e16])).toBe(1);
    expect(sum([0.1, 0.2, 0.3])).toBe(0.6);
  });

  it('rounds the mean once, as R does', () => {
    expect(mean([0.1, 0.2, 0.3])).toBe(0.2);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNaN();
  });

  it('takes the median of an odd count, and the mean of the middle two of an even count', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([9, 1, 5, 2])).toBe(3.5);
    expect(median([])).toBeNaN();
  });
});
