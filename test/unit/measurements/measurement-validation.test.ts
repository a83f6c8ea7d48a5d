import { describe, expect, it } from 'vitest';
import { localizeErrors, validateMeasurement, type MeasureRules } from '../../../functions/domain/measurement.js';

const now = new Date('2026-11-18T10:00:00Z');
const t3: MeasureRules = { valueKind: 'days', validRange: { min: 0, max: 182 }, frequency: 'weekly' };
const access7d: MeasureRules = { valueKind: 'proportion', validRange: { min: 0, max: 1 }, frequency: 'weekly' };
const omaolo: MeasureRules = { valueKind: 'count', validRange: { min: 0, max: 100000 }, frequency: 'monthly' };
const wellbeing: MeasureRules = { valueKind: 'score', validRange: { min: 1, max: 5 }, frequency: 'monthly' };
const emergency: MeasureRules = { valueKind: 'rate', validRange: { min: 0, max: 1000 }, frequency: 'monthly' };

function errors(rules: MeasureRules, period: string, input: Parameters<typeof validateMeasurement>[2]) {
  const result = validateMeasurement(rules, period, input, now);
  return result.ok ? [] : result.errors;
}

describe('validating a figure against its measure', () => {
  it('accepts T3 in whole days 0–182 and says so in fi, sv and en otherwise', () => {
    expect(validateMeasurement(t3, '2026-W46', { value: 12 }, now)).toEqual({ ok: true, values: { value: 12, numerator: null, denominator: null, note: '' } });
    const [error] = errors(t3, '2026-W46', { value: 12.5 });
    expect(error?.field).toBe('value');
    expect(error?.message).toEqual({
      fi: 'Arvon pitää olla kokonaisia vuorokausia väliltä 0–182.',
      sv: 'Värdet ska vara hela dygn mellan 0 och 182.',
      en: 'The value must be whole days from 0 to 182.',
    });
    expect(errors(t3, '2026-W46', { value: 183 })[0]?.field).toBe('value');
    expect(errors(t3, '2026-W46', {})[0]?.message.fi).toBe('Arvo puuttuu.');
  });

  it('takes a proportion as integers with 0 ≤ numerator ≤ denominator and denominator > 0', () => {
    expect(validateMeasurement(access7d, '2026-W46', { numerator: 45, denominator: 60 }, now)).toMatchObject({ ok: true, values: { value: 0.75 } });
    const tooMany = errors(access7d, '2026-W46', { numerator: 61, denominator: 60 });
    expect(localizeErrors(tooMany, 'en')).toEqual([{ field: 'numerator', message: 'The numerator (61) cannot be greater than the denominator (60).' }]);
    expect(localizeErrors(errors(access7d, '2026-W46', { numerator: 0, denominator: 0 }), 'sv')).toEqual([
      { field: 'denominator', message: 'Nämnaren ska vara ett heltal större än 0.' },
    ]);
    expect(errors(access7d, '2026-W46', { numerator: 4.5, denominator: 10 }).map((e) => e.field)).toEqual(['numerator']);
    expect(errors(access7d, '2026-W46', { numerator: 5 }).map((e) => e.field)).toEqual(['denominator']);
  });

  it('takes counts as non-negative integers, scores on their scale, rates as events and population', () => {
    expect(errors(omaolo, '2026-10', { value: -1 })[0]?.message.fi).toBe('Arvon pitää olla kokonaisluku väliltä 0–100000.');
    expect(errors(wellbeing, '2026-10', { value: 3.4 })).toEqual([]);
    expect(errors(wellbeing, '2026-10', { value: 5.5 })[0]?.message.fi).toBe('Arvon pitää olla asteikolla 1–5.');
    expect(validateMeasurement(emergency, '2026-10', { numerator: 120, denominator: 24000 }, now)).toMatchObject({ ok: true, values: { value: 0.005 } });
  });

  it('refuses a future period and a period of the wrong frequency, naming the period', () => {
    expect(localizeErrors(errors(t3, '2026-W48', { value: 5 }), 'fi')).toEqual([
      { field: 'period', message: 'Tulevalle jaksolle ei voi vielä kirjata lukua; valitse kulunut tai meneillään oleva jakso.' },
    ]);
    expect(errors(t3, '2026-W47', { value: 5 })).toEqual([]);
    expect(localizeErrors(errors(t3, '2026-10', { value: 5 }), 'en')).toEqual([{ field: 'period', message: 'The period must be a week such as 2026-W47.' }]);
    expect(localizeErrors(errors(omaolo, '2026-W40', { value: 5 }), 'sv')[0]?.message).toBe('Perioden ska vara en månad, till exempel 2026-11.');
  });
});
