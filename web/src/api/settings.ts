import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClientResponse } from 'hono/client';
import { call, callForResponse, client } from './client.js';
import { queryKeys } from './queries.js';

/** The signed-in person's own settings, and the admins' "send the week's digest now". */

export type PersonSettings = NonNullable<Parameters<typeof client.api.me.settings.$patch>[0]>['json'];

type DigestResponse = Awaited<ReturnType<typeof client.api.digests.$post>>;
type Accepted<R> = R extends ClientResponse<infer Body, infer Status, 'json'> ? (Status extends 202 ? Body : never) : never;
export type DigestStart = Accepted<DigestResponse>;

/** Saves the settings; the answer is the person as they are now, which replaces /api/me's. */
export function useChangeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: PersonSettings) => call(() => client.api.me.settings.$patch({ json })),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}

export function useRunDigest() {
  return useMutation({
    mutationFn: async (week: string) => (await (await callForResponse(() => client.api.digests.$post({ json: { week } }))).json()) as DigestStart,
  });
}
