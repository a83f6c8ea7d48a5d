import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type SuccessBody } from './client.js';
import { pdsaKeys } from './pdsa.js';

/** The area's good practices, and starting a unit's own cycle from one. */

const area = client.api.areas[':areaId'];
const unit = client.api.units[':unitId'];

export type AreaPractices = SuccessBody<Awaited<ReturnType<typeof area.practices.$get>>>;
export type GoodPractice = AreaPractices['practices'][number];

export const practiceKeys = {
  practices: (areaId: string) => ['areas', areaId, 'practices'] as const,
};

export function useAreaPractices(areaId: string) {
  return useQuery({
    queryKey: practiceKeys.practices(areaId),
    queryFn: () => call(() => area.practices.$get({ param: { areaId } })),
  });
}

/** A draft cycle in `unitId` from the practice; the practice then lists the unit, and the unit's board the cycle. */
export function useStartFromPractice(areaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, practice }: { unitId: string; practice: Pick<GoodPractice, 'unitId' | 'cycleId'> }) =>
      call(() => unit.cycles['from-practice'].$post({ param: { unitId }, json: { unitId: practice.unitId, cycleId: practice.cycleId } })),
    onSuccess: (cycle) => {
      void queryClient.invalidateQueries({ queryKey: practiceKeys.practices(areaId) });
      void queryClient.invalidateQueries({ queryKey: pdsaKeys.cycles(cycle.unitId) });
    },
  });
}
