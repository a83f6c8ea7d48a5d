import { fetchAuthConfig } from '../api/client.js';
import { challengeFor, createVerifier, randomString } from './pkce.js';
import { clearSession, markSignedOut, savePendingSignIn, saveSession, takePendingSignIn } from './session.js';

/** Where the identity provider sends the browser back; registered with Cognito and the local issuer. */
export const CALLBACK_PATH = '/auth/callback';

export type SignInFailure = 'state' | 'denied' | 'exchange' | 'network';

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'SignInError';
  }
}

function callbackUrl(): string {
  return `${window.location.origin}${CALLBACK_PATH}`;
}

/** Only paths inside this app are returned to, never another site. */
function safeReturnPath(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith(CALLBACK_PATH) ? path : '/';
}

/** Sends the browser to the sign-in page (authorization code flow with PKCE S256). */
export async function startSignIn(locale: string, returnTo = window.location.pathname + window.location.search): Promise<void> {
  const config = await fetchAuthConfig();
  const verifier = createVerifier();
  const state = randomString(16);
  savePendingSignIn({ state, verifier, returnTo: safeReturnPath(returnTo) });
  const url = new URL(config.authorizeUrl, window.location.origin);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', callbackUrl());
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await challengeFor(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('scope', 'openid email profile');
  url.searchParams.set('ui_locales', locale);
  window.location.assign(url.toString());
}

type TokenResponse = { id_token: string; expires_in: number };

function isTokenResponse(value: unknown): value is TokenResponse {
  const v = value as Partial<TokenResponse> | null;
  return typeof v?.id_token === 'string' && typeof v.expires_in === 'number';
}

/** One exchange per code, even if React runs the callback page's effect twice. */
const exchanges = new Map<string, Promise<string>>();

/**
 * Finishes sign-in on the callback page: checks the state, exchanges the code for tokens and keeps
 * the ID token. Resolves to the path to return to.
 */
export function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const key = params.get('code') ?? params.get('error') ?? search;
  let exchange = exchanges.get(key);
  if (!exchange) {
    exchange = exchangeCode(params);
    exchanges.set(key, exchange);
  }
  return exchange;
}

async function exchangeCode(params: URLSearchParams): Promise<string> {
  const pending = takePendingSignIn();
  const error = params.get('error');
  if (error) throw new SignInError(error === 'access_denied' ? 'denied' : 'exchange', params.get('error_description') ?? error);
  const code = params.get('code');
  if (!code || !pending || params.get('state') !== pending.state) {
    throw new SignInError('state', 'The state does not match the sign-in this browser started.');
  }
  const config = await fetchAuthConfig().catch(() => {
    throw new SignInError('network', 'Could not load the sign-in configuration.');
  });
  let response: Response;
  try {
    response = await fetch(new URL(config.tokenUrl, window.location.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        code_verifier: pending.verifier,
        redirect_uri: callbackUrl(),
        client_id: config.clientId,
      }),
    });
  } catch {
    throw new SignInError('network', 'The token endpoint could not be reached.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || !isTokenResponse(body)) {
    const description = (body as { error_description?: string } | undefined)?.error_description;
    throw new SignInError('exchange', description ?? `The token endpoint answered ${response.status}.`);
  }
  saveSession(body.id_token, body.expires_in);
  return pending.returnTo;
}

/**
 * Forgets the session; with a hosted sign-in (Cognito) also ends the session there, which then
 * sends the browser back to the app's front page.
 */
export async function signOut(): Promise<'redirecting' | 'done'> {
  // Marked first: the other tabs hear of the cleared session and must see why, not sign in again.
  markSignedOut();
  clearSession();
  const config = await fetchAuthConfig().catch(() => undefined);
  if (!config?.logoutUrl) return 'done';
  const url = new URL(config.logoutUrl, window.location.origin);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('logout_uri', `${window.location.origin}/`);
  window.location.assign(url.toString());
  return 'redirecting';
}
