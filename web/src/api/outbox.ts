import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
// Type only: the bundle gets the message's shape, never the notifier's code.
import type { OutboxMessage as StoredMessage } from '../../../functions/app/outbox.js';
import { currentToken } from '../auth/session.js';
import { ApiError, type Problem } from './client.js';

/**
 * The local outbox (what Sykli would have e-mailed). Its routes are mounted only by the local
 * runtime, outside the typed API (`AppType`), so they are called with fetch here.
 */
export type OutboxMessage = StoredMessage;
type OutboxPage = { items: OutboxMessage[]; nextCursor: string | null };

async function getJson<T>(path: string): Promise<T> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  } catch {
    throw new ApiError(0);
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
    throw new ApiError(response.status, typeof problem?.status === 'number' ? problem : undefined);
  }
  return (await response.json()) as T;
}

export const outboxKeys = { available: ['outbox', 'available'] as const, messages: ['outbox', 'messages'] as const };

/** Whether this runtime has an outbox (the local one does; in AWS mail goes out through SES). */
export function useOutboxAvailable() {
  return useQuery({
    queryKey: outboxKeys.available,
    queryFn: () =>
      getJson<OutboxPage>('/api/outbox?limit=1').then(
        () => true,
        () => false,
      ),
    staleTime: Infinity,
    retry: false,
  });
}

export function useOutbox() {
  return useInfiniteQuery({
    queryKey: outboxKeys.messages,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      getJson<OutboxPage>(`/api/outbox?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
}
