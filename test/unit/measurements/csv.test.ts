import { describe, expect, it } from 'vitest';
import { decodeCsvFile, parseMeasurementCsv, parseNumber, serialiseMeasurementCsv, unparseForSpreadsheet } from '../../../functions/domain/csv.js';

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
    const names = new Map([['t3', { fi: 'T3-luku', sv: 'T3-talet', en: 'T3 figure' }]]);
    const text = serialiseMeasurementCsv(figures, { locale: 'fi', measureNames: names });
    expect(text.startsWith('\uFEFFmittari;mittarin nimi;jakso;jakson nimi;arvo;osoittaja;nimittäjä;huomio\r\n')).toBe(true);
    expect(text).toContain('staffWellbeing;;2026-10;lokakuu 2026;3,5;;;\r\n');
    expect(text).toContain('t3;T3-luku;2026-W45;vk 45/2026;12;;;');
    expect(serialiseMeasurementCsv(figures, { locale: 'sv', measureNames: names })).toContain('\uFEFFmätare;mätarens namn;period;periodens namn;värde;');
    const back = parseMeasurementCsv(text);
    expect(back.ok && back.rows.map((r) => ({ key: r.measureKey, period: r.period, ...r.input }))).toEqual([
      { key: 't3', period: '2026-W45', value: 12, numerator: null, denominator: null, note: 'ok; "hyvä"' },
      { key: 'staffWellbeing', period: '2026-10', value: 3.5, numerator: null, denominator: null, note: '' },
      { key: 'access7d', period: '2026-W45', value: null, numerator: 45, denominator: 60, note: '' },
    ]);
  });

  it('writes a cell a spreadsheet would take for a formula with a leading apostrophe, numbers as they are, and reads it back without', () => {
    const formulas = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const figures = formulas.map((note, i) => ({ measureKey: 't3', period: `2026-W${String(10 + i)}`, value: -3.5, numerator: null, denominator: null, note }));
    const text = serialiseMeasurementCsv(figures);
    for (const note of formulas) expect(text).toContain(`"'${note.replaceAll('"', '""')}"`);
    expect(text).toContain(';-3,5;');
    const back = parseMeasurementCsv(text);
    expect(back.ok && back.rows.map((r) => r.input.note)).toEqual(formulas);
    expect(unparseForSpreadsheet([['=1', '-1', '-1,5', '- 1', 'a=1']], ',')).toBe('\uFEFF"\'=1",-1,"-1,5","\'- 1",a=1\r\n');
  });

  it('refuses an unclosed quote and a row with more cells than headers, naming the line', () => {
    expect(parseMeasurementCsv('mittari;jakso;arvo\r\nt3;2026-W10;4\r\nt3;"2026-W11;5\r\n')).toMatchObject({ ok: false, code: 'csv.unclosedQuote', params: { line: 3 } });
    expect(parseMeasurementCsv('mittari;jakso;arvo\r\nt3;2026-W10;4;9\r\n')).toMatchObject({ ok: false, code: 'csv.extraCells', params: { line: 2, columns: 3 } });
    // Empty cells past the headers are what some tools write: nothing is in the wrong column.
    expect(parseMeasurementCsv('mittari;jakso;arvo\r\nt3;2026-W10;4;;\r\n')).toMatchObject({ ok: true });
  });

  it('reads UTF-8 and Windows-1252 bytes, and refuses UTF-16 or text already garbled', () => {
    const text = 'mittari;jakso;arvo;huomio\r\nt3;2026-W10;4;Kesä – ok\r\n';
    expect(decodeCsvFile(new TextEncoder().encode(text))).toEqual({ ok: true, text });
    const windows1252 = Uint8Array.from([...Buffer.from('mittari;jakso;arvo;huomio\r\nt3;2026-W10;4;Kes', 'latin1'), 0xe4, 0x20, 0x96, ...Buffer.from(' ok\r\n', 'latin1')]);
    expect(decodeCsvFile(windows1252)).toEqual({ ok: true, text });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeCsvFile(utf16)).toMatchObject({ ok: false, code: 'csv.encoding' });
    expect(decodeCsvFile(new TextEncoder().encode('mittari;jakso\r\nt3;Kes\ufffd\r\n'))).toMatchObject({ ok: false, code: 'csv.encoding' });
  });
});

