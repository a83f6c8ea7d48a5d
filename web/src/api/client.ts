import { hc, type ClientResponse } from 'hono/client';
// Type only: the bundle gets the API's types, never its code.
import type { AppType } from '../../../functions/api/app.js';
import { currentToken } from '../auth/session.js';
import { currentLocale } from '../i18n/index.js';

/** RFC 9457 problem details, as every API error is answered. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; label?: string; message: string }[];
};

/** A failed call: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem?.detail ?? problem?.title ?? (status === 0 ? 'Network error' : `HTTP ${status}`));
    this.name = 'ApiError';
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

let onUnauthorized: (error: ApiError) => void = () => {};

/** Called on every 401 (no token, an expired one, or one the API no longer accepts). */
export function setUnauthorizedHandler(handler: (error: ApiError) => void): void {
  onUnauthorized = handler;
}

export const client = hc<AppType>(window.location.origin, {
  // The API says refusals and e-mail-bound texts in the language the screen shows.
  headers: (): Record<string, string> => {
    const token = currentToken();
    return { 'Accept-Language': currentLocale(), ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  },
});

function isProblem(value: unknown): value is Problem {
  const v = value as Partial<Problem> | null;
  return typeof v?.status === 'number' && typeof v.title === 'string';
}

async function problemOf(response: Response): Promise<Problem | undefined> {
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return undefined;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

type SuccessStatus = 200 | 201;
/** The JSON body of the call's successful responses, as the API declares it. */
export type SuccessBody<R> =
  R extends ClientResponse<infer Body, infer Status, infer Format>
    ? Status extends SuccessStatus
      ? Format extends 'json'
        ? Body
        : never
      : never
    : never;

/**
 * Makes a call and returns its response when it is OK; anything else becomes an ApiError carrying
 * the problem details, and a 401 ends the session. For what `call` cannot read: a file, a 202.
 */
export async function callForResponse<R extends Response | ClientResponse<unknown, number, string>>(
  request: () => Promise<R>,
  { authenticated = true }: { authenticated?: boolean } = {},
): Promise<R> {
  if (authenticated && !currentToken()) {
    const error = new ApiError(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Not signed in.' });
    onUnauthorized(error);
    throw error;
  }
  let response: R;
  try {
    response = await request();
  } catch {
    throw new ApiError(0);
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await problemOf(response as unknown as Response));
    if (error.isUnauthorized && authenticated) onUnauthorized(error);
    throw error;
  }
  return response;
}

/**
 * Makes a typed call and returns its successful body; anything else becomes an ApiError
 * carrying the problem details. `authenticated: false` for the public endpoints.
 */
export async function call<R extends ClientResponse<unknown, number, string>>(
  request: () => Promise<R>,
  options: { authenticated?: boolean } = {},
): Promise<SuccessBody<R>> {
  return (await (await callForResponse(request, options)).json()) as SuccessBody<R>;
}

/**
 * Hands a file the API answered to the browser as a download, under the server's file name
 * (else `fallbackName`). A plain link cannot carry the bearer token, hence the detour.
 */
export async function saveDownload(response: Response, fallbackName: string): Promise<string> {
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

let authConfig: Promise<SuccessBody<Awaited<ReturnType<typeof client.api['auth-config']['$get']>>>> | undefined;

/** Where to sign in (public, fetched once per page load; a failure is retried on the next call). */
export function fetchAuthConfig() {
  authConfig ??= call(() => client.api['auth-config'].$get(), { authenticated: false }).catch((error: unknown) => {
    authConfig = undefined;
    throw error;
  });
  return authConfig;
}
