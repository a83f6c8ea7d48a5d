/** A figure's values as stored: `value`, or for proportions and rates also their numerator and denominator; and a note. */
export type MeasurementValues = { value: number; numerator: number | null; denominator: number | null; note: string };

/** Writing the same figure again changes nothing. Pure and without schemas (measurement.ts has them), so the web imports it too. */
export function sameValues(a: MeasurementValues, b: MeasurementValues): boolean {
  return a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator && a.note === b.note;
}
