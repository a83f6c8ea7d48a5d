import { describe, expect, it } from 'vitest';
import en from '../../../web/src/i18n/en.json';
import fi from '../../../web/src/i18n/fi.json';
import leadershipEn from '../../../web/src/i18n/leadership.en.json';
import leadershipFi from '../../../web/src/i18n/leadership.fi.json';
import leadershipSv from '../../../web/src/i18n/leadership.sv.json';
import learningEn from '../../../web/src/i18n/learning.en.json';
import learningFi from '../../../web/src/i18n/learning.fi.json';
import learningSv from '../../../web/src/i18n/learning.sv.json';
import measuresEn from '../../../web/src/i18n/measures.en.json';
import measuresFi from '../../../web/src/i18n/measures.fi.json';
import measuresSv from '../../../web/src/i18n/measures.sv.json';
import practicesEn from '../../../web/src/i18n/practices.en.json';
import practicesFi from '../../../web/src/i18n/practices.fi.json';
import practicesSv from '../../../web/src/i18n/practices.sv.json';
import sv from '../../../web/src/i18n/sv.json';
import { isoWeekOf } from '../../../web/src/period.js';

/** Every leaf as "dotted.key" → text. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === 'object') for (const [k, v] of leaves(value as object, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

/** The app merges each language's files into one set of texts (web/src/i18n/index.ts). */
const files = {
  fi: [fi, measuresFi, leadershipFi, learningFi, practicesFi],
  sv: [sv, measuresSv, leadershipSv, learningSv, practicesSv],
  en: [en, measuresEn, leadershipEn, learningEn, practicesEn],
};
const merged = (parts: object[]): object => Object.assign({}, ...parts);

describe('web translations', () => {
  const finnish = leaves(merged(files.fi));

  it.each(Object.entries(files))('the %s files do not define the same top-level key twice', (_locale, parts) => {
    const keys = parts.flatMap((part) => Object.keys(part));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it.each([
    ['sv', merged(files.sv)],
    ['en', merged(files.en)],
  ])('%s has exactly the Finnish keys, each a non-empty text', (_locale, translation) => {
    const other = leaves(translation);
    expect([...other.keys()].sort()).toEqual([...finnish.keys()].sort());
    for (const [key, text] of other) expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
  });

  it('keeps the same {{placeholders}} in every language', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const translation of [leaves(merged(files.sv)), leaves(merged(files.en))]) {
      for (const [key, text] of finnish) expect(placeholders(translation.get(key)), key).toEqual(placeholders(text));
    }
  });

  it('names the roles as agreed', () => {
    expect(fi.roles).toEqual({ admin: 'Pääkäyttäjä', leader: 'Johto', coach: 'Valmentaja', supervisor: 'Esihenkilö' });
    expect(sv.roles).toEqual({ admin: 'Huvudanvändare', leader: 'Ledning', coach: 'Coach', supervisor: 'Förman' });
    expect(en.roles).toEqual({ admin: 'Admin', leader: 'Leadership', coach: 'Coach', supervisor: 'Supervisor' });
  });
});

describe('isoWeekOf (the week shown on the front page)', () => {
  it.each([
    ['2026-11-23T10:00:00Z', 48, 2026, '2026-11-23', '2026-11-29'],
    // Sunday 22:30 UTC is already Monday in Helsinki.
    ['2026-11-22T22:30:00Z', 48, 2026, '2026-11-23', '2026-11-29'],
    // 1 January 2027 is a Friday: still ISO week 53 of 2026.
    ['2027-01-01T12:00:00Z', 53, 2026, '2026-12-28', '2027-01-03'],
    ['2024-12-30T12:00:00Z', 1, 2025, '2024-12-30', '2025-01-05'],
  ])('%s is week %i of %i', (instant, week, year, monday, sunday) => {
    const result = isoWeekOf(new Date(instant));
    expect(result.week).toBe(week);
    expect(result.year).toBe(year);
    expect(result.monday.toISOString().slice(0, 10)).toBe(monday);
    expect(result.sunday.toISOString().slice(0, 10)).toBe(sunday);
  });
});
