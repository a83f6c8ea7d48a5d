import * as z from 'zod';
import { ActorSchema } from './audit.js';
import { IdSchema, VersionSchema } from './ids.js';
import type { Locale, LocalizedText } from './localized-text.js';
import { MeasureKeySchema, type Frequency } from './measure.js';
import { LARGEST_NUMBER, StorableNumberSchema, isStorableNumber } from './numbers.js';
import type { MeasurementValues } from './measurement-values.js';
import { PeriodSchema, isFuturePeriod, parsePeriod } from './period.js';
import type { MeasureFields } from './unit-measure.js';

/**
 * One unit's figure for one measure and period. Days, counts and scores use `value`; proportions
 * and rates use `numerator` and `denominator` (events and population for a rate), and `value`
 * then holds their ratio so that lists and exports need not recompute it.
 */
export const MeasurementSchema = z
  .object({
    unitId: IdSchema,
    measureKey: MeasureKeySchema,
    period: PeriodSchema,
    value: z.number(),
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
    note: z.string().max(1000),
    definitionVersion: z.number().int().min(1),
    enteredBy: ActorSchema,
    enteredAt: z.iso.datetime(),
    version: VersionSchema,
  })
  .meta({ id: 'Measurement' });
export type Measurement = z.infer<typeof MeasurementSchema>;

/** What a person sends for one period; which fields are needed depends on the measure. */
export const MeasurementInputSchema = z
  .strictObject({
    value: StorableNumberSchema.nullable().optional(),
    numerator: StorableNumberSchema.nullable().optional(),
    denominator: StorableNumberSchema.nullable().optional(),
    note: z.string().max(1000).optional(),
  })
  .meta({ id: 'MeasurementInput' });
export type MeasurementInput = z.infer<typeof MeasurementInputSchema>;

export { sameValues, type MeasurementValues } from './measurement-values.js';

/** A failing field and what is allowed, in every UI language. */
export type FieldError = { field: 'value' | 'numerator' | 'denominator' | 'period' | 'note'; message: LocalizedText };

export type ValidationResult = { ok: true; values: MeasurementValues } | { ok: false; errors: FieldError[] };

/** What validation needs to know about the measure. */
export type MeasureRules = Pick<MeasureFields, 'valueKind' | 'validRange'> & { frequency: Frequency };

const FREQUENCY_WORDS: Record<Frequency, LocalizedText> = {
  weekly: { fi: 'viikko, esimerkiksi 2026-W47', sv: 'en vecka, till exempel 2026-W47', en: 'a week such as 2026-W47' },
  monthly: { fi: 'kuukausi, esimerkiksi 2026-11', sv: 'en månad, till exempel 2026-11', en: 'a month such as 2026-11' },
};

const fmt = (n: number) => ({ fi: String(n).replace('.', ','), sv: String(n).replace('.', ','), en: String(n) });

const OUT_OF_RANGE: LocalizedText = {
  fi: `Luvun pitää olla väliltä −${LARGEST_NUMBER.toLocaleString('fi-FI')}–${LARGEST_NUMBER.toLocaleString('fi-FI')}.`,
  sv: `Talet ska ligga mellan −${LARGEST_NUMBER.toLocaleString('sv-FI')} och ${LARGEST_NUMBER.toLocaleString('sv-FI')}.`,
  en: `The number must be between −${LARGEST_NUMBER.toLocaleString('en-GB')} and ${LARGEST_NUMBER.toLocaleString('en-GB')}.`,
};

function requiredMessage(field: FieldError['field']): LocalizedText {
  const names: Record<string, LocalizedText> = {
    value: { fi: 'Arvo', sv: 'Värdet', en: 'The value' },
    numerator: { fi: 'Osoittaja', sv: 'Täljaren', en: 'The numerator' },
    denominator: { fi: 'Nimittäjä', sv: 'Nämnaren', en: 'The denominator' },
  };
  const name = names[field]!;
  return { fi: `${name.fi} puuttuu.`, sv: `${name.sv} saknas.`, en: `${name.en} is missing.` };
}

/**
 * Checks a figure against its measure: whole days 0–182 for T3, integers with
 * 0 ≤ numerator ≤ denominator and denominator > 0 for proportions, non-negative integers for
 * counts and rates' events, a score within its scale; no future period, and a period of the
 * measure's frequency. Every error names its field and says what is allowed.
 */
export function validateMeasurement(measure: MeasureRules, period: string, input: MeasurementInput, now: Date): ValidationResult {
  const errors: FieldError[] = [];
  const parsed = parsePeriod(period);
  if (!parsed || parsed.frequency !== measure.frequency) {
    const allowed = FREQUENCY_WORDS[measure.frequency];
    errors.push({
      field: 'period',
      message: {
        fi: `Jakson pitää olla ${allowed.fi}.`,
        sv: `Perioden ska vara ${allowed.sv}.`,
        en: `The period must be ${allowed.en}.`,
      },
    });
  } else if (isFuturePeriod(period, now)) {
    errors.push({
      field: 'period',
      message: {
        fi: 'Tulevalle jaksolle ei voi vielä kirjata lukua; valitse kulunut tai meneillään oleva jakso.',
        sv: 'Du kan inte registrera ett värde för en kommande period; välj en förfluten eller pågående period.',
        en: 'A future period cannot have a figure yet; choose a past or the current period.',
      },
    });
  }
  const note = input.note ?? '';
  const { min, max } = measure.validRange;
  // A CSV file brings numbers no schema has seen: none may be beyond what can be stored.
  const unstorable = (['value', 'numerator', 'denominator'] as const).filter((field) => {
    const n = input[field];
    return n != null && !isStorableNumber(n);
  });
  if (unstorable.length > 0) return { ok: false, errors: [...errors, ...unstorable.map((field) => ({ field, message: OUT_OF_RANGE }))] };

  if (measure.valueKind === 'proportion' || measure.valueKind === 'rate') {
    const { numerator, denominator } = input;
    const rate = measure.valueKind === 'rate';
    if (numerator == null) errors.push({ field: 'numerator', message: requiredMessage('numerator') });
    else if (!Number.isInteger(numerator) || numerator < 0) {
      errors.push({
        field: 'numerator',
        message: {
          fi: 'Osoittajan pitää olla kokonaisluku, vähintään 0.',
          sv: 'Täljaren ska vara ett heltal, minst 0.',
          en: 'The numerator must be a whole number, 0 or more.',
        },
      });
    }
    if (denominator == null) errors.push({ field: 'denominator', message: requiredMessage('denominator') });
    else if (!Number.isInteger(denominator) || denominator <= 0) {
      errors.push({
        field: 'denominator',
        message: {
          fi: 'Nimittäjän pitää olla kokonaisluku, suurempi kuin 0.',
          sv: 'Nämnaren ska vara ett heltal större än 0.',
          en: 'The denominator must be a whole number greater than 0.',
        },
      });
    }
    const bothValid = numerator != null && denominator != null && errors.every((e) => e.field === 'period');
    if (bothValid && !rate && numerator > denominator) {
      errors.push({
        field: 'numerator',
        message: {
          fi: `Osoittaja (${numerator}) ei voi olla suurempi kuin nimittäjä (${denominator}).`,
          sv: `Täljaren (${numerator}) kan inte vara större än nämnaren (${denominator}).`,
          en: `The numerator (${numerator}) cannot be greater than the denominator (${denominator}).`,
        },
      });
    }
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, values: { value: numerator! / denominator!, numerator: numerator!, denominator: denominator!, note } };
  }

  const { value } = input;
  if (value == null) errors.push({ field: 'value', message: requiredMessage('value') });
  else if (measure.valueKind === 'days' && (!Number.isInteger(value) || value < min || value > max)) {
    errors.push({
      field: 'value',
      message: {
        fi: `Arvon pitää olla kokonaisia vuorokausia väliltä ${min}–${max}.`,
        sv: `Värdet ska vara hela dygn mellan ${min} och ${max}.`,
        en: `The value must be whole days from ${min} to ${max}.`,
      },
    });
  } else if (measure.valueKind === 'count' && (!Number.isInteger(value) || value < 0 || value > max)) {
    errors.push({
      field: 'value',
      message: {
        fi: `Arvon pitää olla kokonaisluku väliltä 0–${max}.`,
        sv: `Värdet ska vara ett heltal mellan 0 och ${max}.`,
        en: `The value must be a whole number from 0 to ${max}.`,
      },
    });
  } else if (measure.valueKind === 'score' && (value < min || value > max)) {
    const [a, b] = [fmt(min), fmt(max)];
    errors.push({
      field: 'value',
      message: {
        fi: `Arvon pitää olla asteikolla ${a.fi}–${b.fi}.`,
        sv: `Värdet ska ligga på skalan ${a.sv}–${b.sv}.`,
        en: `The value must be on the scale ${a.en} to ${b.en}.`,
      },
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, values: { value: value!, numerator: null, denominator: null, note } };
}

export function localizeErrors(errors: FieldError[], locale: Locale): { field: string; message: string }[] {
  return errors.map((e) => ({ field: e.field, message: e.message[locale] }));
}
