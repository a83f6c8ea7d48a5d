import { withUnit } from '../chart/index.js';
import { useFormat } from '../../i18n/format.js';

/** A figure with its unit in the UI's language, as the charts write it: "68,6 %", "3,7 (1–5)". */
export function useFigure(): (value: number, unitLabel: string) => string {
  const format = useFormat();
  return (value, unitLabel) => withUnit(format.number(value, { maximumFractionDigits: 1 }), unitLabel);
}
