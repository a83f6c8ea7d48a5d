import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, callForResponse, client, type SuccessBody } from './client.js';
import { pdsaKeys } from './pdsa.js';

/** An aim's driver diagram: its drivers, the change ideas under them and their cycles. */

const aimRoute = client.api.units[':unitId'].aims[':aimId'];
const driverRoute = aimRoute.drivers[':driverId'];

export type DriverDiagram = SuccessBody<Awaited<ReturnType<(typeof aimRoute)['driver-diagram']['$get']>>>;
export type Driver = DriverDiagram['primaries'][number]['driver'];
export type DiagramIdea = DriverDiagram['unplacedIdeas'][number];
export type DiagramCycle = DiagramIdea['cycles'][number];

const diagramKey = (unitId: string, aimId: string) => ['units', unitId, 'aims', aimId, 'driver-diagram'] as const;
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export function useDriverDiagram(unitId: string, aimId: string | null | undefined) {
  return useQuery({
    queryKey: diagramKey(unitId, aimId ?? ''),
    queryFn: () => call(() => aimRoute['driver-diagram'].$get({ param: { unitId, aimId: aimId! } })),
    enabled: Boolean(aimId),
  });
}

/** Every change of the diagram reads it again, and the unit's change ideas and audit trail with it. */
function useRefresh(unitId: string, aimId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: diagramKey(unitId, aimId) });
    void queryClient.invalidateQueries({ queryKey: pdsaKeys.ideas(unitId) });
    void queryClient.invalidateQueries({ queryKey: ['units', unitId, 'audit'] });
  };
}

export function useAddDriver(unitId: string, aimId: string) {
  const refresh = useRefresh(unitId, aimId);
  return useMutation({
    mutationFn: (json: { text: string; parentId: string | null }) => call(() => aimRoute.drivers.$post({ param: { unitId, aimId }, json })),
    onSuccess: refresh,
  });
}

export function useRenameDriver(unitId: string, aimId: string) {
  const refresh = useRefresh(unitId, aimId);
  return useMutation({
    mutationFn: ({ driver, text }: { driver: Driver; text: string }) =>
      call(() => driverRoute.$patch({ param: { unitId, aimId, driverId: driver.id }, header: ifMatch(driver.version), json: { text } })),
    onSuccess: refresh,
  });
}

export function useRemoveDriver(unitId: string, aimId: string) {
  const refresh = useRefresh(unitId, aimId);
  return useMutation({
    mutationFn: async (driver: Driver) => {
      await callForResponse(() => driverRoute.$delete({ param: { unitId, aimId, driverId: driver.id } }));
    },
    onSuccess: refresh,
  });
}

export function usePlaceIdea(unitId: string, aimId: string) {
  const refresh = useRefresh(unitId, aimId);
  return useMutation({
    mutationFn: ({ idea, driverId }: { idea: DiagramIdea['idea']; driverId: string | null }) =>
      call(() =>
        aimRoute['change-ideas'][':ideaId'].driver.$put({ param: { unitId, aimId, ideaId: idea.id }, header: ifMatch(idea.version), json: { driverId } }),
      ),
    onSuccess: refresh,
  });
}
