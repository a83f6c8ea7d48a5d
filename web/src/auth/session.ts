/**
 * The signed-in session, shared by the person's tabs of Sykli (localStorage): a link opened in a
 * new tab is signed in, and signing out, or a session the API refuses, ends it in every tab (they
 * hear of it through the storage event, see auth-state.ts). It lasts no longer than the ID token,
 * the bearer token for the API. The sign-in redirect's PKCE verifier, state and page to return to
 * belong to the one tab that started it (sessionStorage).
 */

export const TOKEN_KEY = 'sykli.session';
const PENDING_KEY = 'sykli.signIn';
export const SIGNED_OUT_KEY = 'sykli.signedOut';

/** Treat a token as expired this long before it really expires, so a request does not race it. */
const EXPIRY_MARGIN_MS = 30_000;

export type Session = { idToken: string; expiresAt: number; obtainedAt: number };
export type PendingSignIn = { state: string; verifier: string; returnTo: string };

function read<T>(storage: Storage, key: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const raw = storage.getItem(key);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isSession(value: unknown): value is Session {
  const v = value as Partial<Session> | null;
  return typeof v?.idToken === 'string' && typeof v.expiresAt === 'number' && typeof v.obtainedAt === 'number';
}

function isPending(value: unknown): value is PendingSignIn {
  const v = value as Partial<PendingSignIn> | null;
  return typeof v?.state === 'string' && typeof v.verifier === 'string' && typeof v.returnTo === 'string';
}

/** The current session, or undefined when there is none or it has expired. */
export function currentSession(now = Date.now()): Session | undefined {
  const session = read(localStorage, TOKEN_KEY, isSession);
  if (!session) return undefined;
  if (session.expiresAt - EXPIRY_MARGIN_MS <= now) {
    localStorage.removeItem(TOKEN_KEY);
    return undefined;
  }
  return session;
}

export function currentToken(): string | undefined {
  return currentSession()?.idToken;
}

export function saveSession(idToken: string, expiresInSeconds: number, now = Date.now()): void {
  const session: Session = { idToken, expiresAt: now + expiresInSeconds * 1000, obtainedAt: now };
  localStorage.setItem(TOKEN_KEY, JSON.stringify(session));
  localStorage.removeItem(SIGNED_OUT_KEY);
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
}

export function savePendingSignIn(pending: PendingSignIn): void {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** Reads and forgets the pending sign-in: a state and verifier are good for one callback only. */
export function takePendingSignIn(): PendingSignIn | undefined {
  const pending = read(sessionStorage, PENDING_KEY, isPending);
  sessionStorage.removeItem(PENDING_KEY);
  return pending;
}

/** Remembers across the identity provider's logout redirect that the person chose to sign out. */
export function markSignedOut(): void {
  localStorage.setItem(SIGNED_OUT_KEY, '1');
}

export function wasSignedOut(): boolean {
  return localStorage.getItem(SIGNED_OUT_KEY) === '1';
}
