import { useMeasures, type Measure } from '../../api/queries.js';

/** Which direction is better for each catalogue measure (a unit's own measures are not in the catalogue). */
export function useBetter(): (measureKey: string) => Measure['better'] | undefined {
  const measures = useMeasures();
  return (measureKey) => measures.data?.find((m) => m.key === measureKey)?.better;
}
