import { useFormat } from '../../i18n/format.js';

/**
 * A figure with its unit in the UI's language: "68,6 %", "12 vrk"; a scale such as "1–5" goes in
 * brackets ("3,7 (1–5)") so that it does not read as part of the number.
 */
export function useFigure(): (value: number, unitLabel: string) => string {
  const format = useFormat();
  return (value, unitLabel) => {
    const number = format.number(value, { maximumFractionDigits: 1 });
    if (!unitLabel) return number;
    return /^\d/.test(unitLabel) ? `${number} (${unitLabel})` : `${number} ${unitLabel}`;
  };
}
