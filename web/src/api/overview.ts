import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, callForResponse, client, saveDownload, type SuccessBody } from './client.js';
import { measurementKeys } from './measurements.js';

/** Leadership's area overview (with each cell's sparkline points, in one response), its CSV, and the coach's progress confirmation. */

const area = client.api.areas[':areaId'];
const unit = client.api.units[':unitId'];

export type AreaOverview = SuccessBody<Awaited<ReturnType<typeof area.overview.$get>>>;
export type OverviewUnit = AreaOverview['units'][number];
export type OverviewMeasure = AreaOverview['measures'][number];
export type MeasureStatus = OverviewUnit['measures'][number];
/** A sparkline's points: the newest periods of a chart. */
export type Trend = MeasureStatus['trend'];
export type Variation = MeasureStatus['classification']['variation'];
export type Assurance = MeasureStatus['classification']['assurance'];
export type ProgressBasis = OverviewUnit['progress']['basis'];
export type ProgressInput = NonNullable<Parameters<typeof unit.progress.$put>[0]>['json'];

export const VARIATIONS = ['improving', 'concerning', 'common'] as const satisfies readonly Variation[];
export const ASSURANCES = ['met', 'missed', 'notAssured', 'none'] as const satisfies readonly Assurance[];


export const overviewKeys = {
  overview: (areaId: string) => ['areas', areaId, 'overview'] as const,
};

export function useAreaOverview(areaId: string) {
  return useQuery({
    queryKey: overviewKeys.overview(areaId),
    queryFn: () => call(() => area.overview.$get({ param: { areaId } })),
  });
}

/** Several areas' overviews at once (a leader of more than one area sees each on their home). */
export function useAreaOverviews(areaIds: readonly string[]) {
  return useQueries({
    queries: areaIds.map((areaId) => ({
      queryKey: overviewKeys.overview(areaId),
      queryFn: () => call(() => area.overview.$get({ param: { areaId } })),
    })),
  });
}

type CsvLanguage = NonNullable<NonNullable<Parameters<(typeof area)['overview.csv']['$get']>[0]>['query']['lang']>;

/** The matrix as a CSV file in the given language, downloaded. */
export function useDownloadOverviewCsv(areaId: string) {
  return useMutation({
    mutationFn: async (lang: CsvLanguage) =>
      saveDownload(await callForResponse(() => area['overview.csv'].$get({ param: { areaId }, query: { lang } })), `sykli-${areaId}.csv`),
  });
}

/** The coach confirms Sykli's suggestion or gives another score with a reason; every overview showing the unit is refreshed. */
export function useConfirmProgress(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ProgressInput) => call(() => unit.progress.$put({ param: { unitId }, json })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'areas' && query.queryKey[2] === 'overview' });
    },
  });
}
