import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type SuccessBody } from './client.js';
import { queryKeys, useAreas } from './queries.js';

/** The admin's work: areas and units, people and roles, and the audit trail of the organisation. */

const admin = client.api.admin;
const person = admin.people[':personId'];
const unitRoute = client.api.units[':unitId'];

export type AdminPerson = SuccessBody<Awaited<ReturnType<typeof admin.people.$get>>>['items'][number];
export type NewPerson = NonNullable<Parameters<typeof admin.people.$post>[0]>['json'];
export type RoleGrant = NonNullable<Parameters<typeof person.roles.$post>[0]>['json'];
export type NewArea = NonNullable<Parameters<typeof client.api.areas.$post>[0]>['json'];
export type NewUnit = NonNullable<Parameters<(typeof client.api.areas)[':areaId']['units']['$post']>[0]>['json'];
export type AuditQuery = NonNullable<Parameters<typeof admin.audit.$get>[0]>['query'];
export type AdminAuditEntry = SuccessBody<Awaited<ReturnType<typeof admin.audit.$get>>>['items'][number];

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const adminKeys = {
  people: ['admin', 'people'] as const,
  audit: (query: AuditQuery) => ['admin', 'audit', query] as const,
};

/** Every area with all its units (closed ones too), for the admin's organisation page. */
export function useOrganisation() {
  const areas = useAreas();
  const units = useQueries({
    queries: (areas.data ?? []).map((area) => ({
      queryKey: [...queryKeys.areaUnits(area.id), 'all'] as const,
      queryFn: async () => {
        const all = [];
        let cursor: string | undefined;
        do {
          const page = await call(() =>
            client.api.areas[':areaId'].units.$get({ param: { areaId: area.id }, query: cursor ? { limit: '100', cursor } : { limit: '100' } }),
          );
          all.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return all;
      },
    })),
  });
  return {
    areas,
    unitsOf: (areaId: string) => units[(areas.data ?? []).findIndex((a) => a.id === areaId)]?.data ?? [],
    isPending: areas.isPending || units.some((u) => u.isPending),
    error: areas.error ?? units.find((u) => u.error)?.error ?? null,
  };
}

function useOrganisationChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.areas });
    void queryClient.invalidateQueries({ queryKey: ['units'] });
    void queryClient.invalidateQueries({ queryKey: ['admin'] });
  };
}

export function useCreateArea() {
  const done = useOrganisationChanged();
  return useMutation({ mutationFn: (json: NewArea) => call(() => client.api.areas.$post({ json })), onSuccess: done });
}

export function useRenameArea() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ areaId, version, name }: { areaId: string; version: number; name: NewArea['name'] }) =>
      call(() => client.api.areas[':areaId'].$patch({ param: { areaId }, header: ifMatch(version), json: { name } })),
    onSuccess: done,
  });
}

/** Sets the area's official languages; a bilingual area's briefing is given in Finnish and Swedish. */
export function useChangeAreaLanguages() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ areaId, version, languages }: { areaId: string; version: number; languages: NonNullable<NewArea['languages']> }) =>
      call(() => client.api.areas[':areaId'].$patch({ param: { areaId }, header: ifMatch(version), json: { languages } })),
    onSuccess: done,
  });
}

export function useAddUnit() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ areaId, unit }: { areaId: string; unit: NewUnit }) => call(() => client.api.areas[':areaId'].units.$post({ param: { areaId }, json: unit })),
    onSuccess: done,
  });
}

export function useRenameUnit() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ unitId, version, name }: { unitId: string; version: number; name: NewUnit['name'] }) =>
      call(() => unitRoute.$patch({ param: { unitId }, header: ifMatch(version), json: { name } })),
    onSuccess: done,
  });
}

export function useMoveUnit() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ unitId, version, areaId }: { unitId: string; version: number; areaId: string }) =>
      call(() => unitRoute.move.$post({ param: { unitId }, header: ifMatch(version), json: { areaId } })),
    onSuccess: done,
  });
}

export function useCloseUnit() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ unitId, version }: { unitId: string; version: number }) => call(() => unitRoute.close.$post({ param: { unitId }, header: ifMatch(version) })),
    onSuccess: done,
  });
}

export function useAdminPeople() {
  return useQuery({ queryKey: adminKeys.people, queryFn: async () => (await call(() => admin.people.$get())).items });
}

export function useAddPerson() {
  const done = useOrganisationChanged();
  return useMutation({ mutationFn: (json: NewPerson) => call(() => admin.people.$post({ json })), onSuccess: done });
}

export function useGrantRole() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ personId, grant }: { personId: string; grant: RoleGrant }) => call(() => person.roles.$post({ param: { personId }, json: grant })),
    onSuccess: done,
  });
}

export function useRevokeRole() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ personId, grant }: { personId: string; grant: RoleGrant }) =>
      call(() => person.roles.$delete({ param: { personId }, query: grant })),
    onSuccess: done,
  });
}

export function useDeactivatePerson() {
  const done = useOrganisationChanged();
  return useMutation({
    mutationFn: ({ personId, version }: { personId: string; version: number }) =>
      call(() => person.deactivate.$post({ param: { personId }, header: ifMatch(version) })),
    onSuccess: done,
  });
}

export function useAdminAudit(query: AuditQuery) {
  return useQuery({ queryKey: adminKeys.audit(query), queryFn: () => call(() => admin.audit.$get({ query })) });
}
