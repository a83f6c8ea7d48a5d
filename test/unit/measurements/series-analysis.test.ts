import { describe, expect, it } from 'vitest';
import { buildAreaStatus } from '../../../functions/domain/area-status.js';
import type { ChartPhase } from '../../../functions/domain/chart-phase.js';
import { measureCatalogueByKey } from '../../../functions/domain/measure-catalogue.js';
import type { Measurement } from '../../../functions/domain/measurement.js';
import { addPeriods } from '../../../functions/domain/period.js';
import { analyseSeries, buildSnapshot } from '../../../functions/domain/series-analysis.js';
import { fieldsOf, type UnitMeasure } from '../../../functions/domain/unit-measure.js';

const actor = { type: 'system' as const, name: 'test' };
const at = '2026-11-01T00:00:00.000Z';

function measure(key: 't3' | 'access7d', target: number | null): UnitMeasure {
  return {
    unitId: 'palokka', key, source: 'catalogue', frequency: 'weekly', target: target === null ? null : { value: target, by: null },
    versions: [{ definitionVersion: 1, validFrom: '2026-W01', catalogueVersion: 1, fields: fieldsOf(measureCatalogueByKey(key)!), reason: '' }],
    createdAt: at, updatedAt: at, version: 1,
  };
}

function figure(period: string, value: number, ratio?: [number, number]): Measurement {
  return {
    unitId: 'palokka', measureKey: ratio ? 'access7d' : 't3', period, value,
    numerator: ratio?.[0] ?? null, denominator: ratio?.[1] ?? null, note: '', definitionVersion: 1, enteredBy: actor, enteredAt: at, version: 1,
  };
}

const adopted: ChartPhase = {
  unitId: 'palokka', measureKey: 't3', startPeriod: '2026-W13', reason: 'Adopted: same-day triage by the nurse', cycleId: 'c1', createdBy: actor, createdAt: at, version: 1,
};

// 12 weeks around 20 days, then 12 weeks around 5 after the adopted change; week 2026-W05 missing.
const before = [22, 18, 21, 19, 23, 20, 17, 21, 19, 22, 20, 18];
const after = [6, 5, 4, 6, 5, 5, 4, 6, 5, 4, 5, 6];
const t3Figures = [...before, ...after]
  .map((value, i) => figure(addPeriods('2026-W01', i), value))
  .filter((m) => m.period !== '2026-W05');

describe('a series as a chart', () => {
  it('splits the chart where the adopted change starts a phase, leaving the missing week as a gap', () => {
    const analysis = analyseSeries({ measure: measure('t3', 10), measurements: t3Figures, phases: [adopted] });
    expect(analysis.points).toHaveLength(24);
    expect(analysis.points[4]).toMatchObject({ period: '2026-W05', y: null, label: { fi: 'vk 5', sv: 'v. 5', en: 'wk 5' } });
    expect(analysis.phases).toEqual([{ startPeriod: '2026-W13', reason: adopted.reason, cycleId: 'c1', kind: 'decided' }]);
    expect(analysis.parts.map((p) => [p.firstPeriod, p.lastPeriod])).toEqual([
      ['2026-W01', '2026-W12'],
      ['2026-W13', '2026-W24'],
    ]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(analysis.points[0]?.cl).toBeCloseTo(mean(before.filter((_, i) => i !== 4)), 10);
    expect(analysis.points[20]?.cl).toBeCloseTo(mean(after), 10);
    // The new process is stable, and its upper limit is below the 10-day target: lower is better.
    expect(analysis.classification).toEqual({ variation: 'common', assurance: 'met' });
  });

  it('without the phase, sees the improvement as a special cause and explains it in three languages', () => {
    const analysis = analyseSeries({ measure: measure('t3', 7), measurements: t3Figures, phases: [] });
    expect(analysis.classification.variation).toBe('improving');
    expect(analysis.explanations.filter((e) => e.kind === 'longRun').map((e) => e.firstPeriod)).toEqual(['2026-W01', '2026-W13']);
    const run = analysis.explanations.find((e) => e.kind === 'longRun' && e.firstPeriod === '2026-W13');
    expect(run).toMatchObject({ lastPeriod: '2026-W24' });
    expect(run?.text.en).toBe('12 consecutive weeks below the centre line since week 13/2026.');
    expect(run?.text.fi).toBe('12 peräkkäistä viikkoa keskiviivan alapuolella viikosta 13/2026 alkaen.');
  });

  it('charts a proportion as a p chart from numerators and denominators, in percent', () => {
    const figures = [[40, 60], [45, 60], [42, 58], [50, 64]].map(([n, d], i) => figure(addPeriods('2026-W40', i), n! / d!, [n!, d!]));
    const analysis = analyseSeries({ measure: measure('access7d', 80), measurements: figures, phases: [] });
    expect(analysis.chart).toBe('p');
    expect(analysis.points[0]?.y).toBeCloseTo((40 / 60) * 100, 10);
    expect(analysis.points[0]?.cl).toBeCloseTo((177 / 242) * 100, 10);
    expect(analysis.points[0]?.ucl).toBeGreaterThan(analysis.points[0]!.cl!);
    expect(analysis.points[0]).toMatchObject({ numerator: 40, denominator: 60 });
  });

  it('builds the snapshot of a period from the figures up to it', () => {
    const snapshot = buildSnapshot({ measure: measure('t3', 10), measurements: t3Figures, phases: [adopted], period: '2026-W12', now: new Date(at) });
    expect(snapshot).toMatchObject({ unitId: 'palokka', measureKey: 't3', period: '2026-W12', value: 18, variation: 'common', assurance: 'missed', target: 10 });
    const missing = buildSnapshot({ measure: measure('t3', 7), measurements: t3Figures, phases: [], period: '2026-W05', now: new Date(at) });
    expect(missing.value).toBeNull();
  });
});

const NO_PDSA = { aims: [], cycles: [], lateReviews: 0, confirmation: null };

describe("a unit's status item for leadership", () => {
  it('shows the latest figure, the classification, completeness of the last 12 periods and lateness', () => {
    const m = measure('t3', 10);
    const snapshot = buildSnapshot({ measure: m, measurements: t3Figures, phases: [adopted], period: '2026-W24', now: new Date(at) });
    // Thursday of week 26: week 25 is due and its Wednesday deadline has passed.
    const now = new Date('2026-06-25T12:00:00Z');
    const status = buildAreaStatus({ id: 'palokka', areaId: 'keski-suomi', name: { fi: 'Palokka', sv: 'Palokka', en: 'Palokka' } }, [
      { measure: m, latest: snapshot, periodsWithFigures: t3Figures.map((f) => f.period) },
    ], NO_PDSA, now);
    expect(status.late).toBe(true);
    expect(status.measures[0]).toMatchObject({
      measureKey: 't3', latestPeriod: '2026-W24', latestValue: 6, target: 10,
      classification: { variation: 'common', assurance: 'met' },
      completeness: { entered: 11, expected: 12 },
      late: true,
    });
    const early = buildAreaStatus({ id: 'palokka', areaId: 'keski-suomi', name: { fi: 'P', sv: 'P', en: 'P' } }, [
      { measure: m, latest: snapshot, periodsWithFigures: t3Figures.map((f) => f.period) },
    ], NO_PDSA, new Date('2026-06-22T07:00:00Z'));
    expect(early.late).toBe(false);
  });
});
