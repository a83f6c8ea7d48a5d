import Papa from 'papaparse';
import type { LocalizedText } from './localized-text.js';
import type { FieldError, Measurement, MeasurementInput } from './measurement.js';

/**
 * The Excel-friendly measurement file. Finnish Excel saves `;`-separated UTF-8 with a BOM and
 * decimal commas; other tools write `,` and decimal points. Import accepts both and headers in
 * Finnish, Swedish or English; export writes the Finnish form, which reads back unchanged.
 */
export const CSV_COLUMNS = ['measure', 'period', 'value', 'numerator', 'denominator', 'note'] as const;
type Column = (typeof CSV_COLUMNS)[number];

export const CSV_HEADERS: Record<'fi' | 'sv' | 'en', Record<Column, string>> = {
  fi: { measure: 'mittari', period: 'jakso', value: 'arvo', numerator: 'osoittaja', denominator: 'nimittäjä', note: 'huomio' },
  sv: { measure: 'mätare', period: 'period', value: 'värde', numerator: 'täljare', denominator: 'nämnare', note: 'anteckning' },
  en: { measure: 'measure', period: 'period', value: 'value', numerator: 'numerator', denominator: 'denominator', note: 'note' },
};

const COLUMN_BY_HEADER = new Map<string, Column>(
  Object.values(CSV_HEADERS).flatMap((headers) => Object.entries(headers).map(([column, header]) => [header, column as Column])),
);

/** One data row: its line in the file (the header is line 1), what it names and what failed to read. */
export type CsvRow = { line: number; measureKey: string; period: string; input: MeasurementInput; errors: FieldError[] };

export type CsvParseResult = { ok: true; rows: CsvRow[] } | { ok: false; message: LocalizedText };

const BOM = '\uFEFF';

export function parseMeasurementCsv(text: string): CsvParseResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { delimitersToGuess: [';', ','], skipEmptyLines: false });
  const [header, ...records] = parsed.data;
  const columns = (header ?? []).map((cell) => COLUMN_BY_HEADER.get(cell.trim().toLowerCase()));
  const unknown = (header ?? []).filter((_, i) => columns[i] === undefined).map((cell) => cell.trim());
  if (!columns.includes('measure') || !columns.includes('period') || unknown.some((cell) => cell !== '')) {
    const expected = Object.values(CSV_HEADERS.fi).join(';');
    return {
      ok: false,
      message: {
        fi: `Tiedoston ensimmäisellä rivillä pitää olla sarakeotsikot: ${expected} (myös ruotsiksi tai englanniksi).`,
        sv: `Filens första rad ska innehålla kolumnrubrikerna: ${Object.values(CSV_HEADERS.sv).join(';')} (även på finska eller engelska).`,
        en: `The first line of the file must hold the column headers: ${Object.values(CSV_HEADERS.en).join(';')} (Finnish or Swedish work too).`,
      },
    };
  }
  const rows: CsvRow[] = [];
  records.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const cell = (column: Column) => {
      const i = columns.indexOf(column);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const errors: FieldError[] = [];
    const number = (column: 'value' | 'numerator' | 'denominator') => {
      const result = parseNumber(cell(column));
      if (result === 'invalid') {
        errors.push({ field: column, message: notANumber(cell(column)) });
        return null;
      }
      return result;
    };
    rows.push({
      line: index + 2,
      measureKey: cell('measure'),
      period: cell('period'),
      input: { value: number('value'), numerator: number('numerator'), denominator: number('denominator'), note: cell('note') },
      errors,
    });
  });
  return { ok: true, rows };
}

/** A number with a decimal comma or point, spaces as thousands separators; empty is null. */
export function parseNumber(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const normalised = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : 'invalid';
}

function notANumber(text: string): LocalizedText {
  return {
    fi: `”${text}” ei ole luku; kirjoita esimerkiksi 12 tai 12,5.`,
    sv: `”${text}” är inte ett tal; skriv till exempel 12 eller 12,5.`,
    en: `“${text}” is not a number; write e.g. 12 or 12.5.`,
  };
}

const decimalComma = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

/** Finnish Excel's format: BOM, `;`, decimal comma, CRLF; proportions and rates by numerator and denominator. */
export function serialiseMeasurementCsv(measurements: readonly Pick<Measurement, 'measureKey' | 'period' | 'value' | 'numerator' | 'denominator' | 'note'>[]): string {
  const header = CSV_COLUMNS.map((column) => CSV_HEADERS.fi[column]);
  const data = measurements.map((m) => [
    m.measureKey,
    m.period,
    m.numerator === null ? decimalComma(m.value) : '',
    decimalComma(m.numerator),
    decimalComma(m.denominator),
    m.note,
  ]);
  return BOM + Papa.unparse([header, ...data], { delimiter: ';', newline: '\r\n' }) + '\r\n';
}
