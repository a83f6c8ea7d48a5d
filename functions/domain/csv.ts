import Papa from 'papaparse';
import { periodName } from './display-format.js';
import type { Locale, LocalizedText } from './localized-text.js';
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

/** Columns an export adds for people (the measure's name, the period as said); an import reads past them. */
export const CSV_NAME_HEADERS: Record<'fi' | 'sv' | 'en', { measureName: string; periodName: string }> = {
  fi: { measureName: 'mittarin nimi', periodName: 'jakson nimi' },
  sv: { measureName: 'mätarens namn', periodName: 'periodens namn' },
  en: { measureName: 'measure name', periodName: 'period name' },
};
type NameColumn = keyof (typeof CSV_NAME_HEADERS)['fi'];

const COLUMN_BY_HEADER = new Map<string, Column | NameColumn>([
  ...Object.values(CSV_HEADERS).flatMap((headers) => Object.entries(headers).map(([column, header]) => [header, column as Column] as const)),
  ...Object.values(CSV_NAME_HEADERS).flatMap((headers) => Object.entries(headers).map(([column, header]) => [header, column as NameColumn] as const)),
]);

/** One data row: its line in the file (the header is line 1), what it names and what failed to read. */
export type CsvRow = { line: number; measureKey: string; period: string; input: MeasurementInput; errors: FieldError[] };

/** Why a file cannot be read at all: its refusal code, what it names, and the sentence in every UI language. */
export type CsvFileProblem = { ok: false; code: string; params: Record<string, string | number>; message: LocalizedText };
export type CsvParseResult = { ok: true; rows: CsvRow[] } | CsvFileProblem;

const BOM = '\uFEFF';

const SAVE_AS_UTF8: LocalizedText = {
  fi: 'Tiedoston merkistöä ei tunnistettu. Tallenna tiedosto Excelissä muodossa ”CSV UTF-8 (pilkuin eroteltu)” ja tuo se uudelleen.',
  sv: 'Filens teckenkodning kändes inte igen. Spara filen i Excel som ”CSV UTF-8 (kommaavgränsad)” och importera den på nytt.',
  en: 'The file’s character encoding was not recognised. Save it in Excel as “CSV UTF-8 (Comma delimited)” and import it again.',
};

/**
 * The file's text. UTF-8 (with or without BOM) is read as it is; a file that is not UTF-8 is
 * what Finnish Excel saves as plain "CSV" — Windows-1252 — and is read as that. Anything else
 * (UTF-16, binary, text already garbled on the way) is refused rather than imported garbled.
 */
export function decodeCsvFile(bytes: Uint8Array): { ok: true; text: string } | CsvFileProblem {
  const refused: CsvFileProblem = { ok: false, code: 'csv.encoding', params: {}, message: SAVE_AS_UTF8 };
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || bytes.includes(0)) return refused;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    // Bytes Windows-1252 leaves undefined come out as C1 controls: not a Windows-1252 file either.
    if (/[\u0080-\u009f]/.test(text)) return refused;
  }
  // U+FFFD: the text was garbled before it reached us (decoded as UTF-8 although it was not).
  if (text.includes('\ufffd')) return refused;
  return { ok: true, text };
}

const line = (index: number) => index + 1;

export function parseMeasurementCsv(text: string): CsvParseResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { delimitersToGuess: [';', ','], skipEmptyLines: false });
  const unclosed = parsed.errors.find((error) => error.type === 'Quotes');
  if (unclosed) {
    const at = line(unclosed.row ?? parsed.data.length - 1);
    return {
      ok: false,
      code: 'csv.unclosedQuote',
      params: { line: at },
      message: {
        fi: `Rivillä ${at} alkaa lainausmerkki (") jota ei suljeta. Korjaa rivi; mitään ei tuotu.`,
        sv: `På rad ${at} börjar ett citattecken (") som aldrig avslutas. Rätta raden; inget importerades.`,
        en: `Line ${at} opens a quotation mark (") that is never closed. Correct the line; nothing was imported.`,
      },
    };
  }
  const [header, ...records] = parsed.data;
  const columns = (header ?? []).map((cell) => COLUMN_BY_HEADER.get(cell.trim().toLowerCase()));
  const unknown = (header ?? []).filter((_, i) => columns[i] === undefined).map((cell) => cell.trim());
  if (!columns.includes('measure') || !columns.includes('period') || unknown.some((cell) => cell !== '')) {
    const expected = Object.values(CSV_HEADERS.fi).join(';');
    return {
      ok: false,
      code: 'csv.structure',
      params: {},
      message: {
        fi: `Tiedoston ensimmäisellä rivillä pitää olla sarakeotsikot: ${expected} (myös ruotsiksi tai englanniksi).`,
        sv: `Filens första rad ska innehålla kolumnrubrikerna: ${Object.values(CSV_HEADERS.sv).join(';')} (även på finska eller engelska).`,
        en: `The first line of the file must hold the column headers: ${Object.values(CSV_HEADERS.en).join(';')} (Finnish or Swedish work too).`,
      },
    };
  }
  // A row with more filled cells than there are headers has its cells in the wrong columns.
  const overfull = records.findIndex((cells) => cells.slice(columns.length).some((cell) => cell.trim() !== ''));
  if (overfull >= 0) {
    const at = line(overfull + 1);
    const count = columns.length;
    return {
      ok: false,
      code: 'csv.extraCells',
      params: { line: at, columns: count },
      message: {
        fi: `Rivillä ${at} on enemmän soluja kuin otsikkorivillä on sarakkeita (${count}). Tarkista erottimet ja lainausmerkit; mitään ei tuotu.`,
        sv: `Rad ${at} har fler celler än rubrikraden har kolumner (${count}). Kontrollera avgränsare och citattecken; inget importerades.`,
        en: `Line ${at} has more cells than the header line has columns (${count}). Check the separators and quotation marks; nothing was imported.`,
      },
    };
  }
  const rows: CsvRow[] = [];
  records.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const cell = (column: Column) => {
      const i = columns.indexOf(column);
      return i < 0 ? '' : withoutFormulaGuard((cells[i] ?? '').trim());
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

/**
 * Cells a spreadsheet would take for a formula (OWASP, CSV injection): text beginning with =, +,
 * -, @, a tab or a carriage return. Plain numbers such as -3,5 are numbers, not formulas.
 */
export const FORMULA_TRIGGER = /^(?!-?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;

/** Every text cell of every export is written this way: a formula's trigger gets a leading apostrophe. */
export function unparseForSpreadsheet(rows: readonly (readonly string[])[], delimiter: ';' | ','): string {
  return BOM + Papa.unparse(rows as string[][], { delimiter, newline: '\r\n', escapeFormulae: FORMULA_TRIGGER }) + '\r\n';
}

/** The apostrophe an export put before a formula's trigger is not part of the text: a file exported here reads back unchanged. */
function withoutFormulaGuard(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

const decimalComma = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

/**
 * Finnish Excel's format: BOM, `;`, decimal comma, CRLF; proportions and rates by numerator and
 * denominator. Headers are in the reader's language, and next to the measure's key and the period
 * (what an import reads) stand the measure's name and the period as people say it.
 */
export function serialiseMeasurementCsv(
  measurements: readonly Pick<Measurement, 'measureKey' | 'period' | 'value' | 'numerator' | 'denominator' | 'note'>[],
  { locale = 'fi', measureNames = new Map() }: { locale?: Locale; measureNames?: ReadonlyMap<string, LocalizedText> } = {},
): string {
  const words = { ...CSV_HEADERS[locale], ...CSV_NAME_HEADERS[locale] };
  const header = [words.measure, words.measureName, words.period, words.periodName, words.value, words.numerator, words.denominator, words.note];
  const data = measurements.map((m) => [
    m.measureKey,
    measureNames.get(m.measureKey)?.[locale] ?? '',
    m.period,
    periodName(m.period, locale),
    m.numerator === null ? decimalComma(m.value) : '',
    decimalComma(m.numerator),
    decimalComma(m.denominator),
    m.note,
  ]);
  return unparseForSpreadsheet([header, ...data], ';');
}
