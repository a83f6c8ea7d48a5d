import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

/**
 * Sykli's calendar is Finland's: dates and meeting times are Europe/Helsinki wall-clock. Pure and
 * without schemas (helsinki-time.ts adds them), so the web imports it too.
 */
export const HELSINKI = 'Europe/Helsinki';

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The instant a Helsinki wall-clock date and time happens, whatever the server's zone (DST included). */
export function helsinkiInstant(date: string, time = '00:00'): Date {
  const [y, m, d] = parts(date);
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, HELSINKI).getTime());
}

/** A Do phase runs to the end of its last day: Study opens at the next Helsinki midnight. */
export function endOfHelsinkiDay(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(addDays(new TZDate(y, m - 1, d, 0, 0, 0, HELSINKI), 1).getTime());
}

/** Today's date in Helsinki, e.g. for "is the Do end past". */
export function helsinkiDate(at: Date): string {
  const local = new TZDate(at.getTime(), HELSINKI);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}
