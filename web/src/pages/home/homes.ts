import type { Me } from '../../api/queries.js';

/** The homes a person can land on: one per kind of work, in the order of the roles. */
export const HOMES = ['leadership', 'coach', 'supervisor'] as const;
export type Home = (typeof HOMES)[number];

const STORAGE_KEY = 'sykli.home';

export function homesOf(me: Me): Home[] {
  const roles = new Set(me.roles);
  return HOMES.filter((home) => (home === 'leadership' ? roles.has('leader') || roles.has('admin') : roles.has(home)));
}

/** The home the person last chose on this device, if it is still one of theirs; else their first. */
export function chosenHome(homes: readonly Home[]): Home | undefined {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // No storage (private mode): the first home each time.
  }
  return homes.find((home) => home === stored) ?? homes[0];
}

export function rememberHome(home: Home): void {
  try {
    localStorage.setItem(STORAGE_KEY, home);
  } catch {
    // As above: the choice lasts until the page is reloaded.
  }
}
