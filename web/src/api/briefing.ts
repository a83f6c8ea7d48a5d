import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type SuccessBody } from './client.js';

/** The status-meeting briefing of an area between two dates. */

const area = client.api.areas[':areaId'];

export type AreaBriefing = SuccessBody<Awaited<ReturnType<typeof area.briefing.$get>>>;
export type BriefingUnit = AreaBriefing['units'][number];
export type BriefingCycle = BriefingUnit['cyclesStarted'][number];

export function useAreaBriefing(areaId: string, window: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['areas', areaId, 'briefing', window.from ?? '', window.to ?? ''] as const,
    queryFn: () =>
      call(() =>
        area.briefing.$get({ param: { areaId }, query: { ...(window.from ? { from: window.from } : {}), ...(window.to ? { to: window.to } : {}) } }),
      ),
  });
}

/** Marks the window presented at a status meeting; the default briefing then starts from today. */
export function useMarkBriefingPresented(areaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (window: { from: string; to: string }) => call(() => area.briefing.presented.$post({ param: { areaId }, json: window })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['areas', areaId, 'briefing'] }),
  });
}
