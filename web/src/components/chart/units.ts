/** A formatted value with its unit: "12 vrk", "75,6 %", and a scale in brackets, "3,5 (1–5)". */
export function withUnit(value: string, unitLabel: string | undefined): string {
  if (!unitLabel) return value;
  return /^\d/.test(unitLabel) ? `${value} (${unitLabel})` : `${value} ${unitLabel}`;
}
