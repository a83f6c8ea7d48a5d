import { useSyncExternalStore } from 'react';
import { SIGNED_OUT_KEY, TOKEN_KEY, currentSession, wasSignedOut } from './session.js';

/**
 * Whether someone is signed in, and if not, why: never signed in (`none`: go to
 * sign-in), the session ended or the API refused the token (`expired`), or they signed out.
 */
export type AuthStatus = 'signedIn' | 'none' | 'expired' | 'signedOut';

const listeners = new Set<() => void>();
let expired = false;
let refusal: string | undefined;

function snapshot(): AuthStatus {
  if (currentSession()) return 'signedIn';
  if (wasSignedOut()) return 'signedOut';
  return expired ? 'expired' : 'none';
}

function notify(): void {
  for (const listener of listeners) listener();
}

// Another tab signed in or out (or its session was refused): this tab follows.
window.addEventListener('storage', (event) => {
  if (event.key === null || event.key === TOKEN_KEY || event.key === SIGNED_OUT_KEY) notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAuthStatus(): AuthStatus {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The session is over (a 401): show "sign in again" rather than redirecting in a loop. */
export function sessionEnded(detail?: string): void {
  expired = true;
  refusal = detail;
  notify();
}

/** What the API said when it refused the token, for the "technical details" of the page. */
export function lastRefusal(): string | undefined {
  return refusal;
}

export function signedOutLocally(): void {
  notify();
}

export function signedIn(): void {
  expired = false;
  refusal = undefined;
  notify();
}
