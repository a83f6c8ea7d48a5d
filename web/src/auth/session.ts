/**
 * The signed-in session, kept in sessionStorage so that it ends with the tab. The ID token is the
 * bearer token for the API. During the sign-in redirect the PKCE verifier, the state and the
 * page to return to are kept here too.
 */

const TOKEN_KEY = 'sykli.session';
const PENDING_KEY = 'sykli.signIn';
const SIGNED_OUT_KEY = 'sykli.signedOut';

/** Treat a token as expired this long before it really expires, so a request does not race it. */
const EXPIRY_MARGIN_MS = 30_000;

export type Session = { idToken: string; expiresAt: number; obtainedAt: number };
export type PendingSignIn = { state: string; verifier: string; returnTo: string };

function read<T>(key: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const raw = sessionStorage.getItem(key);
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
  const session = read(TOKEN_KEY, isSession);
  if (!session) return undefined;
  if (session.expiresAt - EXPIRY_MARGIN_MS <= now) {
    sessionStorage.removeItem(TOKEN_KEY);
    return undefined;
  }
  return session;
}

export function currentToken(): string | undefined {
  return currentSession()?.idToken;
}

export function saveSession(idToken: string, expiresInSeconds: number, now = Date.now()): void {
  const session: Session = { idToken, expiresAt: now + expiresInSeconds * 1000, obtainedAt: now };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
  sessionStorage.removeItem(SIGNED_OUT_KEY);
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

export function savePendingSignIn(pending: PendingSignIn): void {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** Reads and forgets the pending sign-in: a state and verifier are good for one callback only. */
export function takePendingSignIn(): PendingSignIn | undefined {
  const pending = read(PENDING_KEY, isPending);
  sessionStorage.removeItem(PENDING_KEY);
  return pending;
}

/** Remembers across the identity provider's logout redirect that the person chose to sign out. */
export function markSignedOut(): void {
  sessionStorage.setItem(SIGNED_OUT_KEY, '1');
}

export function wasSignedOut(): boolean {
  return sessionStorage.getItem(SIGNED_OUT_KEY) === '1';
}
