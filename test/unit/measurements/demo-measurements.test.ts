import { describe, expect, it } from 'vitest';
import { MeasurementSchema } from '../../../functions/domain/measurement.js';
import { addPeriods } from '../../../functions/domain/period.js';
import { duePeriod } from '../../../functions/domain/round-schedule.js';
import { analyseSeries } from '../../../functions/domain/series-analysis.js';
import { UnitMeasureSchema } from '../../../functions/domain/unit-measure.js';
import { ADOPTED_CHANGES, LATE_UNIT, demoMeasurementItems } from '../../../functions/runtime/seed/demo-measurements.js';

const now = new Date('2026-11-18T10:00:00Z');
const items = demoMeasurementItems(now);
const strip = ({ PK: _p, SK: _s, ...rest }: Record<string, unknown>) => rest;
const figures = items.filter((i) => String(i.SK).startsWith('P#')).map((i) => MeasurementSchema.parse(strip(i)));
const measures = items.filter((i) => String(i.SK).startsWith('MEASURE#')).map((i) => UnitMeasureSchema.parse(strip(i)));

describe('the demo measurements', () => {
  it('are the same on every run for the same day', () => {
    expect(demoMeasurementItems(now)).toEqual(items);
  });

  it('cover about 18 months, with a few missing weeks and one unit late with the due week', () => {
    const due = duePeriod('weekly', now);
    const t3 = (unitId: string) => figures.filter((f) => f.unitId === unitId && f.measureKey === 't3');
    expect(t3('nova').length).toBeGreaterThan(70);
    expect(t3('nova').length).toBeLessThanOrEqual(78);
    expect(t3('nova')[0]?.period).toBe(addPeriods(due, -77));
    expect(figures.filter((f) => f.measureKey === 't3').length).toBeLessThan(15 * 78);
    const lateWithDue = [...new Set(figures.map((f) => f.unitId))].filter((u) => !t3(u).some((f) => f.period === due));
    expect(lateWithDue).toEqual([LATE_UNIT]);
  });

  it('show a visible improvement after the adopted change, at a chart phase with its reason', () => {
    const palokka = measures.find((m) => m.unitId === 'palokka' && m.key === 't3')!;
    const phases = items.filter((i) => String(i.PK) === 'SERIES#palokka#t3' && String(i.SK).startsWith('PHASE#'));
    expect(phases).toHaveLength(1);
    expect(phases[0]).toMatchObject({ cycleId: ADOPTED_CHANGES.palokka!.cycleId, reason: expect.stringContaining('Otettiin käyttöön') });
    const series = figures.filter((f) => f.unitId === 'palokka' && f.measureKey === 't3');
    const withoutPhase = analyseSeries({ measure: palokka, measurements: series, phases: [] });
    expect(withoutPhase.classification.variation).toBe('improving');
    const values = series.map((f) => f.value);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(values.slice(-10))).toBeLessThan(7);
    expect(mean(values.slice(0, 30))).toBeGreaterThan(9);
  });
});
