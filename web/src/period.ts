/** Periods in Europe/Helsinki, where measurements are dated (DOMAIN.md). Pure: no DOM, no i18n. */

const HELSINKI = 'Europe/Helsinki';

/** Today's ISO week in Europe/Helsinki: its number and its Monday and Sunday (as UTC dates). */
export function isoWeekOf(now: Date): { week: number; year: number; monday: Date; sunday: Date } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: HELSINKI, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, number>>((acc, part) => (part.type === 'literal' ? acc : { ...acc, [part.type]: Number(part.value) }), {});
  const date = new Date(Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(date.getTime() - weekday * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return { week, year, monday, sunday };
}
