import { useMeasures, type Measure } from '../../api/queries.js';

/**
 * Which direction is better for each catalogue measure (a unit's own measures are not in the
 * catalogue, so they get undefined). `ready` is false while the catalogue loads.
 */
export function useBetter(): { better: (measureKey: string) => Measure['better'] | undefined; ready: boolean } {
  const measures = useMeasures();
  return { better: (measureKey) => measures.data?.find((m) => m.key === measureKey)?.better, ready: measures.isSuccess };
}
