import { useSyncExternalStore, type MouseEvent } from 'react';

/** A tiny router over the history API: the app has a handful of paths and needs no library. */

export type Route =
  | { name: 'home' }
  | { name: 'callback' }
  | { name: 'unit'; unitId: string }
  | { name: 'cycle'; unitId: string; cycleId: string }
  | { name: 'drivers'; unitId: string; aimId: string }
  | { name: 'unitMeasures'; unitId: string }
  | { name: 'entry'; unitId: string }
  | { name: 'measureChart'; unitId: string; measureKey: string }
  | { name: 'agenda' }
  | { name: 'outbox' }
  | { name: 'settings' }
  | { name: 'area'; areaId: string }
  | { name: 'briefing'; areaId: string }
  | { name: 'practices'; areaId: string }
  | { name: 'accessibility' }
  | { name: 'admin'; section: 'organisation' | 'people' | 'audit' | 'catalogue' }
  | { name: 'notFound' };

const ID = '([a-z0-9][a-z0-9-]{0,63})';

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/auth/callback') return { name: 'callback' };
  if (/^\/agenda\/?$/.test(pathname)) return { name: 'agenda' };
  if (/^\/outbox\/?$/.test(pathname)) return { name: 'outbox' };
  if (/^\/settings\/?$/.test(pathname)) return { name: 'settings' };
  if (/^\/saavutettavuus\/?$/.test(pathname)) return { name: 'accessibility' };
  if (/^\/admin\/?$/.test(pathname)) return { name: 'admin', section: 'organisation' };
  if (/^\/admin\/people\/?$/.test(pathname)) return { name: 'admin', section: 'people' };
  if (/^\/admin\/audit\/?$/.test(pathname)) return { name: 'admin', section: 'audit' };
  if (/^\/admin\/catalogue\/?$/.test(pathname)) return { name: 'admin', section: 'catalogue' };
  const area = new RegExp(`^/areas/${ID}/?$`).exec(pathname);
  if (area?.[1]) return { name: 'area', areaId: area[1] };
  const briefing = new RegExp(`^/areas/${ID}/briefing/?$`).exec(pathname);
  if (briefing?.[1]) return { name: 'briefing', areaId: briefing[1] };
  const practices = new RegExp(`^/areas/${ID}/practices/?$`).exec(pathname);
  if (practices?.[1]) return { name: 'practices', areaId: practices[1] };
  const unit = new RegExp(`^/units/${ID}/?$`).exec(pathname);
  if (unit?.[1]) return { name: 'unit', unitId: unit[1] };
  const cycle = new RegExp(`^/units/${ID}/cycles/${ID}/?$`).exec(pathname);
  if (cycle?.[1] && cycle[2]) return { name: 'cycle', unitId: cycle[1], cycleId: cycle[2] };
  const drivers = new RegExp(`^/units/${ID}/aims/${ID}/drivers/?$`).exec(pathname);
  if (drivers?.[1] && drivers[2]) return { name: 'drivers', unitId: drivers[1], aimId: drivers[2] };
  const measures = new RegExp(`^/units/${ID}/measures/?$`).exec(pathname);
  if (measures?.[1]) return { name: 'unitMeasures', unitId: measures[1] };
  const entry = new RegExp(`^/units/${ID}/entry/?$`).exec(pathname);
  if (entry?.[1]) return { name: 'entry', unitId: entry[1] };
  const chart = new RegExp(`^/units/${ID}/measures/([a-zA-Z][a-zA-Z0-9]{0,63})/?$`).exec(pathname);
  if (chart?.[1] && chart[2]) return { name: 'measureChart', unitId: chart[1], measureKey: chart[2] };
  return { name: 'notFound' };
}

const listeners = new Set<() => void>();
let navigations = 0;

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  navigations += 1;
  notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** How many in-app navigations have happened: pages move focus to their heading after one. */
export function navigationCount(): number {
  return navigations;
}

export function navigate(path: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  navigations += 1;
  notify();
  if (!replace) window.scrollTo(0, 0);
}

/** For `<a href>` links inside the app: a plain click navigates in place, a modified one opens as usual. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = event.currentTarget;
  if (target.target && target.target !== '_self') return;
  const url = new URL(target.href);
  if (url.origin !== window.location.origin) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
