import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { call, client, type SuccessBody } from './client.js';

export type Me = SuccessBody<Awaited<ReturnType<typeof client.api.me.$get>>>;
export type Area = SuccessBody<Awaited<ReturnType<typeof client.api.areas.$get>>>['items'][number];
/** A unit with what the signed-in person may do in it (`can`), as GET /api/units/{id} answers. */
export type UnitView = SuccessBody<Awaited<ReturnType<(typeof client.api.units)[':unitId']['$get']>>>;
export type Unit = Omit<UnitView, 'can'>;
export type Measure = SuccessBody<Awaited<ReturnType<typeof client.api.measures.$get>>>['items'][number];
export type Role = Me['roles'][number];
export type UnitKind = Unit['kind'];

export const queryKeys = {
  me: ['me'] as const,
  areas: ['areas'] as const,
  areaUnits: (areaId: string) => ['areas', areaId, 'units'] as const,
  unit: (unitId: string) => ['units', unitId] as const,
  measures: ['measures'] as const,
};

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: () => call(() => client.api.me.$get()) });
}

export function useAreas() {
  return useQuery({
    queryKey: queryKeys.areas,
    queryFn: async () => (await call(() => client.api.areas.$get())).items,
  });
}

/** An area's units the person may see, 100 at a time (leaders and admins may see many). */
export function useAreaUnits(areaId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.areaUnits(areaId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        client.api.areas[':areaId'].units.$get({
          param: { areaId },
          query: pageParam ? { limit: '100', cursor: pageParam } : { limit: '100' },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useUnit(unitId: string) {
  return useQuery({
    queryKey: queryKeys.unit(unitId),
    queryFn: () => call(() => client.api.units[':unitId'].$get({ param: { unitId } })),
  });
}

/** Several units by id (e.g. the units on a coach's agenda), each cached like useUnit. */
export function useUnitsById(unitIds: readonly string[]) {
  return useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: queryKeys.unit(unitId),
      queryFn: () => call(() => client.api.units[':unitId'].$get({ param: { unitId } })),
    })),
  });
}

export function useMeasures() {
  return useQuery({
    queryKey: queryKeys.measures,
    queryFn: async () => (await call(() => client.api.measures.$get())).items,
    staleTime: 60 * 60 * 1000,
  });
}
