import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addDays } from 'date-fns';
import { attentionItemsOf, buildAreaOverview, comparableAcrossUnits, serialiseOverviewCsv } from '../../../functions/domain/area-overview.js';
import { buildAreaStatus, type AreaStatus, type MeasureStatus } from '../../../functions/domain/area-status.js';
import { measureCatalogueByKey } from '../../../functions/domain/measure-catalogue.js';
import type { Measurement } from '../../../functions/domain/measurement.js';
import { addPeriods } from '../../../functions/domain/period.js';
import { buildSnapshot } from '../../../functions/domain/series-analysis.js';
import { fieldsOf, type UnitMeasure } from '../../../functions/domain/unit-measure.js';

const now = new Date('2026-11-23T10:00:00Z');
const name = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });

function measure(key: string, over: Partial<MeasureStatus> = {}): MeasureStatus {
  return {
    measureKey: key, name: name(key), unitLabel: name('pv'), frequency: 'weekly', definitionVersion: 1, catalogueVersion: 1,
    latestPeriod: '2026-W47', latestValue: 7.5, target: 7, classification: { variation: 'common', assurance: 'notAssured' },
    completeness: { entered: 11, expected: 12 }, late: false, trend: { start: null, values: [], centre: [], signals: [] }, ...over,
  };
}

function status(unitId: string, fi: string, over: Partial<AreaStatus> = {}): AreaStatus {
  return {
    areaId: 'keski-suomi', unitId, unitName: name(fi), measures: [measure('t3')], late: false,
    pdsa: { inProgress: 1, completedRecently: 0, overdueReviews: 0, adoptedChanges: [] },
    progress: { suggested: 2, basis: 'testing', improvingMeasures: [], improvingBy: [], worseningBalancing: [], confirmed: { score: 2, reason: '', by: 'Aino Virtanen', at: '2026-11-01T08:00:00Z' } },
    updatedAt: now.toISOString(), version: 1, ...over,
  };
}

describe("leadership's area overview", () => {
  const overview = buildAreaOverview('keski-suomi', [
    status('palokka', 'Palokka', { measures: [measure('t3', { definitionVersion: 2, catalogueVersion: 2, classification: { variation: 'concerning', assurance: 'missed' } })] }),
    status('nova', 'Nova', { late: true, measures: [measure('t3', { late: true })], pdsa: { inProgress: 0, completedRecently: 0, overdueReviews: 2, adoptedChanges: [] }, progress: { suggested: 1, basis: 'noActivity', improvingMeasures: [], improvingBy: [], worseningBalancing: [], confirmed: { score: 1, reason: '', by: 'Aino', at: '2026-08-01T08:00:00Z' } } }),
    status('aanekoski', 'Äänekoski', { progress: { suggested: 2, basis: 'testing', improvingMeasures: [], improvingBy: [], worseningBalancing: [], confirmed: null } }),
  ], now);

  it('lists units in Finnish alphabetical order with what needs attention and why', () => {
    expect(overview.units.map((u) => u.unitId)).toEqual(['nova', 'palokka', 'aanekoski']);
    // An old score and no cycles are not "attention": the score column shows its age.
    expect(overview.units[0]!.attention).toEqual(['lateData', 'overdueReviews']);
    expect(overview.units[0]!.attentionItems).toEqual([
      { reason: 'lateData', measures: [{ measureKey: 't3', name: name('t3') }], count: 1 },
      { reason: 'overdueReviews', measures: [], count: 2 },
    ]);
    expect(overview.units[1]!.attention).toEqual(['concerning']);
    expect(overview.units[1]!.attentionItems).toEqual([{ reason: 'concerning', measures: [{ measureKey: 't3', name: name('t3') }], count: 1 }]);
    expect(overview.units[2]!.attention).toEqual([]);
  });

  it('shows a score as stale when it is old or was never confirmed', () => {
    expect(overview.units.map((u) => u.progressStale)).toEqual([true, false, true]);
  });

  it('flags a measure whose definitions differ between units, so its numbers are not compared', () => {
    expect(overview.measures).toEqual([expect.objectContaining({ measureKey: 't3', unitCount: 3, definitionVersions: [1, 2], comparable: false })]);
  });

  it('exports the matrix for Finnish Excel with words, not codes, and a decimal comma', () => {
    const text = serialiseOverviewCsv(overview, 'fi');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';' }).data;
    expect(rows[0]).toContain('t3 (määritelmät eroavat yksiköiden välillä): viimeisin');
    expect(rows[2]).toEqual(['Palokka', '2', '2', '1', '0', '92 %', '0', 'huolestuttava muutos (t3)', '7,5', 'vk 47/2026', '7', 'Huolestuttava muutos (erityissyy)', 'Tavoitetaso jää johdonmukaisesti saavuttamatta']);
  });

  it('exports in English with commas and decimal points', () => {
    const rows = Papa.parse<string[]>(serialiseOverviewCsv(overview, 'en').slice(1).trim(), { delimiter: ',' }).data;
    expect(rows[0]![0]).toBe('Unit');
    expect(rows[1]).toContain('figures late (t3 (en)), review overdue (2)');
    expect(rows[2]).toContain('7.5');
  });
});

describe('whether units\' figures of a measure compare', () => {
  const t3 = (catalogueVersion: number | null, definitionVersion = 1) => ({ measureKey: 't3', catalogueVersion, definitionVersion });
  const columnOf = (...cells: ReturnType<typeof measure>[]) =>
    buildAreaOverview('keski-suomi', cells.map((cell, i) => status(`yksikko${i}`, `Yksikkö ${i}`, { measures: [cell] })), now).measures[0]!;

  it('compares units that follow the same catalogue definition, even when their own version counts differ', () => {
    // One unit moved through a version the other started tracking at: both follow catalogue version 2.
    expect(columnOf(measure('t3', t3(2, 2)), measure('t3', t3(2, 1))).comparable).toBe(true);
  });

  it('does not compare units on different catalogue versions, even when their own version numbers agree', () => {
    expect(columnOf(measure('t3', t3(1, 2)), measure('t3', t3(2, 2))).comparable).toBe(false);
  });

  it("never compares a unit's own measure, not even with another unit's own measure of the same key", () => {
    const own = { measureKey: 'takaisinsoitot', catalogueVersion: null, definitionVersion: 1 };
    expect(comparableAcrossUnits([own, own])).toBe(false);
    expect(comparableAcrossUnits([own])).toBe(false);
    expect(columnOf(measure('t3', t3(1)), measure('t3', t3(null))).comparable).toBe(false);
  });

  it('compares status items written before catalogue versions were recorded by the unit version number, until they are built again', () => {
    const before = (definitionVersion: number) => ({ measureKey: 't3', definitionVersion });
    expect(comparableAcrossUnits([before(1), before(1)])).toBe(true);
    expect(comparableAcrossUnits([before(1), before(2)])).toBe(false);
    expect(comparableAcrossUnits([before(1), { measureKey: 't3', definitionVersion: 1, catalogueVersion: 1 }])).toBe(false);
  });
});

describe('needs attention, from hand-built series', () => {
  const t3: UnitMeasure = {
    unitId: 'sampoharju', key: 't3', source: 'catalogue', frequency: 'weekly', target: null,
    versions: [{ definitionVersion: 1, validFrom: '2026-W01', catalogueVersion: 1, fields: fieldsOf(measureCatalogueByKey('t3')!), reason: '' }],
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1,
  };
  const actor = { type: 'system' as const, name: 'test' };
  // Thirty weeks of ordinary variation around 10 days, W01–W30; `spikes` puts a 30-day week in.
  const weeks = (spikes: Record<string, number>): Measurement[] =>
    Array.from({ length: 30 }, (_, i) => addPeriods('2026-W01', i)).map((period, i) => ({
      unitId: 'sampoharju', measureKey: 't3', period, value: spikes[period] ?? [9, 11, 10, 12, 8, 11, 9, 10][i % 8]!,
      numerator: null, denominator: null, note: '', definitionVersion: 1, enteredBy: actor, enteredAt: '2026-01-01T00:00:00.000Z', version: 1,
    }));
  // Monday of week 31: week 30 is due, and its deadline has not come.
  const now = new Date('2026-07-27T07:00:00Z');
  const unit = { id: 'sampoharju', areaId: 'keski-suomi', name: name('Sampoharju') };
  const attentionFor = (figures: Measurement[]) => {
    const latest = buildSnapshot({ measure: t3, measurements: figures, phases: [], period: '2026-W30', now });
    const pdsa = { aims: [], cycles: [], lateReviews: 0, confirmation: null };
    return attentionItemsOf(buildAreaStatus(unit, [{ measure: t3, latest, periodsWithFigures: figures.map((f) => f.period) }], pdsa, now));
  };

  it('does not flag a unit for a signal 20 weeks old that has ended', () => {
    expect(attentionFor(weeks({ '2026-W10': 30 }))).toEqual([]);
  });

  it('flags a concerning signal while the latest point is part of it, naming the measure', () => {
    expect(attentionFor(weeks({ '2026-W30': 30 }))).toEqual([{ reason: 'concerning', measures: [{ measureKey: 't3', name: fieldsOf(measureCatalogueByKey('t3')!).name }], count: 1 }]);
  });

  it('flags missing figures once the due week is past its deadline, naming the measure', () => {
    const later = new Date('2026-07-31T07:00:00Z');
    const figures = weeks({});
    const latest = buildSnapshot({ measure: t3, measurements: figures, phases: [], period: '2026-W30', now: later });
    const status = buildAreaStatus(unit, [{ measure: t3, latest, periodsWithFigures: figures.map((f) => f.period) }], { aims: [], cycles: [], lateReviews: 1, confirmation: null }, addDays(later, 7));
    expect(attentionItemsOf(status).map((i) => [i.reason, i.measures.map((m) => m.measureKey), i.count])).toEqual([
      ['lateData', ['t3'], 1],
      ['overdueReviews', [], 1],
    ]);
  });
});

