import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientResponse } from 'hono/client';
import { currentLocale } from '../i18n/index.js';
import { call, callForResponse, client, saveDownload, type SuccessBody } from './client.js';

/** A unit's measures, this period's form, the charts' series (with their phases), new phases, CSV import and export, rounds. */

const units = client.api.units[':unitId'];
const measureRoute = units.measures[':key'];

/** A tracked measure as the unit's list gives it, with the newer catalogue definition it may move to. */
export type UnitMeasureItem = SuccessBody<Awaited<ReturnType<typeof units.measures.$get>>>['items'][number];
export type UnitMeasure = Omit<UnitMeasureItem, 'catalogueUpdate'>;
export type SeriesView = SuccessBody<Awaited<ReturnType<typeof measureRoute.series.$get>>>;
export type SeriesAnalysis = SeriesView['analysis'];
export type SeriesPoint = SeriesAnalysis['points'][number];
export type Variation = SeriesAnalysis['classification']['variation'];
export type Assurance = SeriesAnalysis['classification']['assurance'];
export type NewChartPhase = NonNullable<Parameters<typeof measureRoute.phases.$post>[0]>['json'];
export type EntryForm = SuccessBody<Awaited<ReturnType<typeof units.entry.$get>>>;
export type EntryRow = EntryForm['rows'][number];
export type EntrySubmit = NonNullable<Parameters<typeof units.entry.$post>[0]>['json'];
export type ImportReport = SuccessBody<Awaited<ReturnType<typeof units.import.$post>>>;
export type Frequency = UnitMeasure['frequency'];
type RoundResponse = Awaited<ReturnType<typeof client.api.rounds.$post>>;
/** The round answers 202 (started, or already running), which `call` does not read. */
type Accepted<R> = R extends ClientResponse<infer Body, infer Status, 'json'> ? (Status extends 202 ? Body : never) : never;
export type RoundStart = Accepted<RoundResponse>;

export const measurementKeys = {
  unitMeasures: (unitId: string) => ['units', unitId, 'measures'] as const,
  series: (unitId: string, key: string) => ['units', unitId, 'measures', key, 'series'] as const,
  entry: (unitId: string, period: string) => ['units', unitId, 'entry', period] as const,
};

/** The API words its validation messages in the language asked for; ask for the UI's. */
const languageHeader = () => ({ 'Accept-Language': currentLocale() });

export function useUnitMeasures(unitId: string) {
  return useQuery({
    queryKey: measurementKeys.unitMeasures(unitId),
    queryFn: async () => (await call(() => units.measures.$get({ param: { unitId } }))).items,
  });
}

const fetchSeries = (unitId: string, key: string) =>
  call(() => measureRoute.series.$get({ param: { unitId, key }, query: {} }, { headers: languageHeader() }));

/** One chart's data: points with centre line, limits and signals, classification, explanations, phases, cycle markers. */
export function useSeries(unitId: string, key: string) {
  return useQuery({ queryKey: measurementKeys.series(unitId, key), queryFn: () => fetchSeries(unitId, key) });
}

/** Several charts of one unit at once (the measures page shows each measure's latest value and trend). */
export function useSeriesOfMeasures(unitId: string, keys: readonly string[]) {
  return useQueries({
    queries: keys.map((key) => ({ queryKey: measurementKeys.series(unitId, key), queryFn: () => fetchSeries(unitId, key) })),
  });
}

/** The period form; without a period each measure comes at its due period (the one just ended). */
export function useEntryForm(unitId: string, period?: string) {
  return useQuery({
    queryKey: measurementKeys.entry(unitId, period ?? ''),
    queryFn: () => call(() => units.entry.$get({ param: { unitId }, query: period ? { period } : {} })),
  });
}

function useInvalidateFigures(unitId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['units', unitId, 'measures'] });
    void queryClient.invalidateQueries({ queryKey: ['units', unitId, 'entry'] });
  };
}

/** Saves every valid row of the form; the answer has one result per row, invalid ones with their fields. */
export function useSubmitEntry(unitId: string) {
  const done = useInvalidateFigures(unitId);
  return useMutation({
    mutationFn: async (json: EntrySubmit) =>
      (await call(() => units.entry.$post({ param: { unitId }, json }, { headers: languageHeader() }))).results,
    onSuccess: done,
  });
}

export function useCreatePhase(unitId: string, key: string) {
  const done = useInvalidateFigures(unitId);
  return useMutation({
    mutationFn: (json: NewChartPhase) => call(() => measureRoute.phases.$post({ param: { unitId, key }, json }, { headers: languageHeader() })),
    onSuccess: done,
  });
}

export type ChartPhaseChanges = NonNullable<Parameters<(typeof measureRoute.phases)[':startPeriod']['$patch']>[0]>['json'];

/** A phase's start, reason or cycle changed, with why. */
export function useChangePhase(unitId: string, key: string) {
  const done = useInvalidateFigures(unitId);
  return useMutation({
    mutationFn: ({ startPeriod, json }: { startPeriod: string; json: ChartPhaseChanges }) =>
      call(() => measureRoute.phases[':startPeriod'].$patch({ param: { unitId, key, startPeriod }, json }, { headers: languageHeader() })),
    onSuccess: done,
  });
}

/** Removes a phase; the reason stays in the audit trail. */
export function useRemovePhase(unitId: string, key: string) {
  const done = useInvalidateFigures(unitId);
  return useMutation({
    mutationFn: async ({ startPeriod, why }: { startPeriod: string; why: string }) => {
      await callForResponse(() => measureRoute.phases[':startPeriod'].$delete({ param: { unitId, key, startPeriod }, query: { why } }, { headers: languageHeader() }));
    },
    onSuccess: done,
  });
}

/** Freezes the chart's baseline through a period, or unfreezes it (null). */
export function useFreezeBaseline(unitId: string, key: string) {
  const done = useInvalidateFigures(unitId);
  return useMutation({
    mutationFn: (baselineEnd: string | null) => call(() => measureRoute.baseline.$put({ param: { unitId, key }, json: { baselineEnd } }, { headers: languageHeader() })),
    onSuccess: done,
  });
}

/** Leaves a figure out of the chart with a reason, or (reason null) counts it again. */
export function useExcludePoint(unitId: string, key: string) {
  const done = useInvalidateFigures(unitId);
  return useMutation({
    mutationFn: ({ period, reason }: { period: string; reason: string | null }) =>
      reason === null
        ? call(() => measureRoute.excluded[':period'].$delete({ param: { unitId, key, period } }, { headers: languageHeader() }))
        : call(() => measureRoute.excluded[':period'].$put({ param: { unitId, key, period }, json: { reason } }, { headers: languageHeader() })),
    onSuccess: done,
  });
}

/**
 * Sends the file's bytes as they are (text/csv): the API tells UTF-8 from Excel's Windows-1252,
 * which reading the file as text here would garble. `dryRun` previews every row's result without writing.
 */
export function useImportCsv(unitId: string) {
  const done = useInvalidateFigures(unitId);
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
      call(() =>
        units.import.$post(
          { param: { unitId }, query: { dryRun: dryRun ? 'true' : 'false' } },
          { headers: { ...languageHeader(), 'Content-Type': 'text/csv' }, init: { body: file } },
        ),
      ),
    onSuccess: (report) => {
      if (report.written) done();
    },
  });
}

/** The unit's figures as a CSV file, downloaded. */
export function useExportCsv(unitId: string) {
  return useMutation({
    mutationFn: async () => saveDownload(await callForResponse(() => units['export.csv'].$get({ param: { unitId }, query: {} })), `sykli-${unitId}.csv`),
  });
}

/** Admins: run the measurement round of the period that has just ended. */
export function useRunRound() {
  return useMutation({
    mutationFn: async (frequency: Frequency) => (await (await callForResponse(() => client.api.rounds.$post({ json: { frequency } }))).json()) as RoundStart,
  });
}

export type NewUnitMeasure = NonNullable<Parameters<typeof units.measures.$post>[0]>['json'];
export type UnitMeasureChanges = NonNullable<Parameters<typeof measureRoute.$patch>[0]>['json'];

/** Tracks a catalogue measure (or adds the unit's own): the unit's coaches and supervisors. */
export function useTrackMeasure(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: NewUnitMeasure) => call(() => units.measures.$post({ param: { unitId }, json }, { headers: languageHeader() })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: measurementKeys.unitMeasures(unitId) }),
  });
}

/** A tracked measure's target, the one every aim naming the measure uses. */
export function useChangeUnitMeasure(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, version, changes }: { key: string; version: number; changes: UnitMeasureChanges }) =>
      call(() => measureRoute.$patch({ param: { unitId, key }, header: { 'if-match': `"${version}"` }, json: changes }, { headers: languageHeader() })),
    onSuccess: (_, { key }) => {
      void queryClient.invalidateQueries({ queryKey: measurementKeys.unitMeasures(unitId) });
      void queryClient.invalidateQueries({ queryKey: measurementKeys.series(unitId, key) });
    },
  });
}
