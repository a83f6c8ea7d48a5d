import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentLocale } from '../i18n/index.js';
import { call, client, type SuccessBody } from './client.js';
import { queryKeys } from './queries.js';

/** The admin's measure catalogue with its versions, and a unit's move to a newer catalogue definition. */

const catalogue = client.api.admin.catalogue;
const measureRoute = client.api.units[':unitId'].measures[':key'];

export type CatalogueEntry = SuccessBody<Awaited<ReturnType<typeof catalogue.$get>>>['items'][number];
export type CatalogueDefinition = CatalogueEntry['current'];
export type NewCatalogueMeasure = NonNullable<Parameters<typeof catalogue.$post>[0]>['json'];
export type NewCatalogueVersion = NonNullable<Parameters<(typeof catalogue)[':key']['versions']['$post']>[0]>['json'];

const catalogueKey = ['admin', 'catalogue'] as const;
/** The API words its validation messages in the language asked for; ask for the UI's. */
const languageHeader = () => ({ 'Accept-Language': currentLocale() });

export function useAdminCatalogue() {
  return useQuery({ queryKey: catalogueKey, queryFn: async () => (await call(() => catalogue.$get())).items });
}

function useCatalogueChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: catalogueKey });
    void queryClient.invalidateQueries({ queryKey: queryKeys.measures });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
  };
}

export function useAddCatalogueMeasure() {
  const done = useCatalogueChanged();
  return useMutation({ mutationFn: (json: NewCatalogueMeasure) => call(() => catalogue.$post({ json }, { headers: languageHeader() })), onSuccess: done });
}

export function usePublishCatalogueVersion() {
  const done = useCatalogueChanged();
  return useMutation({
    mutationFn: ({ key, json }: { key: string; json: NewCatalogueVersion }) =>
      call(() => catalogue[':key'].versions.$post({ param: { key }, json }, { headers: languageHeader() })),
    onSuccess: done,
  });
}

/** A unit's move: its measure list and chart (the new phase) change. */
export function useMoveToCatalogueVersion(unitId: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, catalogueVersion, validFrom }: { version: number; catalogueVersion: number; validFrom: string }) =>
      call(() =>
        measureRoute['catalogue-version'].$post(
          { param: { unitId, key }, header: { 'if-match': `"${version}"` }, json: { catalogueVersion, validFrom } },
          { headers: languageHeader() },
        ),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['units', unitId, 'measures'] }),
  });
}
