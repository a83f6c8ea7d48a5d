import type { Context } from 'hono';
import { LOCALES, type Locale } from '../domain/localized-text.js';
import type { ApiEnv } from './router.js';

/** The first of fi/sv/en an Accept-Language header asks for, by its weights. */
export function acceptedLocale(header: string | undefined): Locale | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => (LOCALES as readonly string[]).includes(entry.lang ?? ''))?.lang as Locale | undefined;
}

/**
 * The language of messages people read: the language the web app shows (it sends it as
 * Accept-Language with every call, so that a screen speaks one language), else the person's own
 * locale from their profile, else Finnish.
 */
export function userLocale(c: Context<ApiEnv>): Locale {
  return acceptedLocale(c.req.header('accept-language')) ?? (c.get('caller') as ApiEnv['Variables']['caller'] | undefined)?.person.locale ?? 'fi';
}
