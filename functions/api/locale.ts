import type { Context } from 'hono';
import { LOCALES, type Locale } from '../domain/localized-text.js';
import type { ApiEnv } from './router.js';

/**
 * The language of messages people read: the first of fi/sv/en in Accept-Language (the web app
 * sends its chosen language), else the person's own locale.
 */
export function userLocale(c: Context<ApiEnv>): Locale {
  const header = c.req.header('accept-language') ?? '';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((entry) => (LOCALES as readonly string[]).includes(entry.lang ?? ''));
  return (found?.lang as Locale | undefined) ?? c.get('caller').person.locale;
}
