import { describe, expect, it } from 'vitest';
import { parseMeasurementCsv, parseNumber, serialiseMeasurementCsv } from '../../../functions/domain/csv.js';

describe('the Excel-friendly measurement CSV', () => {
  it('reads Finnish Excel: BOM, semicolons, decimal commas', () => {
    const file = '\uFEFFmittari;jakso;arvo;osoittaja;nimittäjä;huomio\r\nt3;2026-W45;12;;;\r\nstaffWellbeing;2026-10;3,5;;;kyselyyn 9 vastaajaa\r\naccess7d;2026-W45;;45;60;\r\n';
    const result = parseMeasurementCsv(file);
    expect(result.ok && result.rows).toEqual([
      { line: 2, measureKey: 't3', period: '2026-W45', input: { value: 12, numerator: null, denominator: null, note: '' }, errors: [] },
      { line: 3, measureKey: 'staffWellbeing', period: '2026-10', input: { value: 3.5, numerator: null, denominator: null, note: 'kyselyyn 9 vastaajaa' }, errors: [] },
      { line: 4, measureKey: 'access7d', period: '2026-W45', input: { value: null, numerator: 45, denominator: 60, note: '' }, errors: [] },
    ]);
  });

  it('reads commas with decimal points, and Swedish or English headers', () => {
    const english = parseMeasurementCsv('measure,period,value,note\nt3,2026-W45,12,"late, but here"\nstaffWellbeing,2026-10,3.5,\n');
    expect(english.ok && english.rows.map((r) => [r.line, r.input.value, r.input.note])).toEqual([
      [2, 12, 'late, but here'],
      [3, 3.5, ''],
    ]);
    const swedish = parseMeasurementCsv('mätare;period;täljare;nämnare\naccess7d;2026-W45;45;60\n');
    expect(swedish.ok && swedish.rows[0]?.input).toMatchObject({ numerator: 45, denominator: 60 });
  });

  it('keeps line numbers past blank lines and reports numbers it cannot read', () => {
    const result = parseMeasurementCsv('mittari;jakso;arvo\nt3;2026-W44;11\n\nt3;2026-W45;kaksi\n');
    expect(result.ok && result.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(result.ok && result.rows[1]?.errors[0]?.field).toBe('value');
    expect(result.ok && result.rows[1]?.errors[0]?.message.fi).toBe('”kaksi” ei ole luku; kirjoita esimerkiksi 12 tai 12,5.');
  });

  it('refuses a file without the headers, saying which ones it wants', () => {
    const result = parseMeasurementCsv('t3;2026-W45;12\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.fi).toContain('mittari;jakso;arvo;osoittaja;nimittäjä;huomio');
  });

  it('reads numbers with spaces as thousands separators, and nothing as missing', () => {
    expect(parseNumber('24 000')).toBe(24000);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1,2,3')).toBe('invalid');
  });

  it('exports the same format back, which reads back unchanged', () => {
    const figures = [
      { measureKey: 't3', period: '2026-W45', value: 12, numerator: null, denominator: null, note: 'ok; "hyvä"' },
      { measureKey: 'staffWellbeing', period: '2026-10', value: 3.5, numerator: null, denominator: null, note: '' },
      { measureKey: 'access7d', period: '2026-W45', value: 0.75, numerator: 45, denominator: 60, note: '' },
    ];
    const text = serialiseMeasurementCsv(figures);
    expect(text.startsWith('\uFEFFmittari;jakso;arvo;osoittaja;nimittäjä;huomio\r\n')).toBe(true);
    expect(text).toContain('staffWellbeing;2026-10;3,5;;;\r\n');
    const back = parseMeasurementCsv(text);
    expect(back.ok && back.rows.map((r) => ({ key: r.measureKey, period: r.period, ...r.input }))).toEqual([
      { key: 't3', period: '2026-W45', value: 12, numerator: null, denominator: null, note: 'ok; "hyvä"' },
      { key: 'staffWellbeing', period: '2026-10', value: 3.5, numerator: null, denominator: null, note: '' },
      { key: 'access7d', period: '2026-W45', value: null, numerator: 45, denominator: 60, note: '' },
    ]);
  });
});
