import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIN_PHASE_FIGURES, shortBaselineOf, shortPhaseAround, shortPhaseOf, type ChartPhase } from '../../../functions/domain/chart-phase.js';
import { markersOf } from '../../../functions/domain/cycle-marker.js';
import type { Cycle } from '../../../functions/domain/cycle.js';
import { measureCatalogueByKey } from '../../../functions/domain/measure-catalogue.js';
import type { Measurement } from '../../../functions/domain/measurement.js';
import { periodRange } from '../../../functions/domain/period.js';
import { analyseSeries } from '../../../functions/domain/series-analysis.js';
import { computeChart } from '../../../functions/domain/spc/index.js';
import type { StudyVerdict } from '../../../functions/domain/study-verdict.js';
import { fieldsOf, type UnitMeasure } from '../../../functions/domain/unit-measure.js';

const actor = { type: 'system' as const, name: 'test' };
const at = '2026-11-01T00:00:00.000Z';
const weeks = (from: number, to: number) => periodRange(`2026-W${String(from).padStart(2, '0')}`, `2026-W${String(to).padStart(2, '0')}`);
const W = (n: number) => `2026-W${String(n).padStart(2, '0')}`;

function t3(chartSettings?: UnitMeasure['chartSettings']): UnitMeasure {
  return {
    unitId: 'palokka', key: 't3', source: 'catalogue', frequency: 'weekly', target: null,
    versions: [{ definitionVersion: 1, validFrom: W(1), catalogueVersion: 1, fields: fieldsOf(measureCatalogueByKey('t3')!), reason: '' }],
    ...(chartSettings ? { chartSettings } : {}), createdAt: at, updatedAt: at, version: 1,
  };
}
const figure = (period: string, value: number): Measurement => ({
  unitId: 'palokka', measureKey: 't3', period, value, numerator: null, denominator: null, note: '', definitionVersion: 1, enteredBy: actor, enteredAt: at, version: 1,
});
const phase = (startPeriod: string): ChartPhase => ({ unitId: 'palokka', measureKey: 't3', startPeriod, reason: 'Muutos', cycleId: null, createdBy: actor, createdAt: at, version: 1 });

describe('a phase needs a baseline the SPC rules can use', () => {
  const figures = weeks(1, 10);

  it('is refused when the phase it closes would have fewer than six figures', () => {
    expect(MIN_PHASE_FIGURES).toBe(6);
    expect(shortPhaseAround([W(6)], [W(6)], figures)).toEqual({ start: null, end: W(6), figures: 5 });
    expect(shortPhaseAround([W(7)], [W(7)], figures)).toBeNull();
  });

  it('judges a phase started between two others by the phases on both sides of its start', () => {
    // W07 alone is fine, but a later start at W09 leaves the phase W07–W08 with two figures.
    expect(shortPhaseAround([W(7), W(9)], [W(7)], figures)).toEqual({ start: W(7), end: W(9), figures: 2 });
  });

  it('lets a young last phase be, and an old short phase block nothing new', () => {
    expect(shortPhaseAround([W(10)], [W(10)], figures)).toBeNull();
    expect(shortPhaseAround([W(3), W(10)], [W(10)], figures)).toBeNull();
  });

  it('counts neither missing weeks nor figures left out', () => {
    const series = weeks(1, 8).filter((p) => p !== W(2)).map((p) => figure(p, 10));
    expect(shortPhaseOf(t3(), series, [phase(W(8))], [W(8)])).toBeNull();
    const leftOut = t3({ baselineEnd: null, excluded: [{ period: W(3), reason: 'Kirjausvirhe' }] });
    expect(shortPhaseOf(leftOut, series, [phase(W(8))], [W(8)])).toEqual({ start: null, end: W(8), figures: 5 });
  });

  it('asks a frozen baseline for six figures from the start of its phase', () => {
    const series = weeks(1, 20).map((p) => figure(p, 10));
    expect(shortBaselineOf(t3(), series, [phase(W(10))], W(14))).toEqual({ start: W(10), end: W(15), figures: 5 });
    expect(shortBaselineOf(t3(), series, [phase(W(10))], W(15))).toBeNull();
    // A later phase does not shorten the baseline.
    expect(shortBaselineOf(t3(), series, [phase(W(10)), phase(W(16))], W(15))).toBeNull();
  });
});

describe('the moving-range chart beside an I chart', () => {
  it("has qicharts2's centre line: the mean moving range its unscreened I chart's limits rest on", () => {
    const dir = fileURLToPath(new URL('../../fixtures/spc-examples/', import.meta.url));
    const example = JSON.parse(readFileSync(`${dir}bundled_cabg_los_i.json`, 'utf8')) as { y: number[] };
    const unscreened = (JSON.parse(readFileSync(`${dir}variants/bundled_cabg_los_i.json`, 'utf8')) as { unscreened_mr: { cl: number[]; ucl: number[] } }).unscreened_mr;
    // qicharts2: UCL = CL + 3·AMR/1.128 without screening, so AMR = (UCL − CL)·1.128/3.
    const amr = ((unscreened.ucl[0]! - unscreened.cl[0]!) * 1.128) / 3;
    const mr = computeChart({ chart: 'mr', y: example.y });
    expect(mr.y[0]).toBeNull();
    expect(Math.abs(mr.cl[1]! - amr) / amr).toBeLessThan(1e-8);
    expect(mr.ucl[1]).toBeCloseTo(3.267 * mr.cl[1]!, 10);
    expect(mr.lcl[1]).toBe(0);
  });

  it('is worked out per phase from the same figures, for I charts only', () => {
    const values = [10, 12, 11, 15, 9, 10, 4, 5, 3, 4, 6, 5];
    const analysis = analyseSeries({ measure: t3(), measurements: weeks(1, 12).map((p, i) => figure(p, values[i]!)), phases: [phase(W(7))] });
    const ranges = analysis.movingRanges!;
    // The first point of each phase has no moving range.
    expect(ranges.map((r) => r.y)).toEqual([null, 2, 1, 4, 6, 1, null, 1, 2, 1, 2, 1]);
    expect(ranges[1]!.cl).toBeCloseTo(14 / 5, 10);
    expect(ranges[7]!.cl).toBeCloseTo(7 / 5, 10);
    expect(ranges[7]!.ucl).toBeCloseTo(3.267 * (7 / 5), 10);
  });
});

describe('a frozen baseline and figures left out in the analysis', () => {
  const values = [10, 12, 11, 9, 10, 11, 10, 12, 4, 5, 4, 3];
  const series = weeks(1, 12).map((p, i) => figure(p, values[i]!));

  it('leaves a figure out of the centre line and signals, with its reason on its point', () => {
    const withOutlier = series.map((m) => (m.period === W(4) ? figure(W(4), 40) : m));
    const plain = analyseSeries({ measure: t3(), measurements: withOutlier, phases: [] });
    expect(plain.points[3]!.sigmaSignal).toBe(true);
    const leftOut = analyseSeries({ measure: t3({ baselineEnd: null, excluded: [{ period: W(4), reason: 'Kirjausvirhe' }] }), measurements: withOutlier, phases: [] });
    expect(leftOut.points[3]).toMatchObject({ y: 40, excluded: 'Kirjausvirhe', sigmaSignal: false });
    const others = values.filter((_, i) => i !== 3);
    expect(leftOut.points[0]!.cl).toBeCloseTo(others.reduce((a, b) => a + b, 0) / others.length, 10);
  });

  it('carries the baseline centre line on, so that the fall after it signals', () => {
    const frozen = analyseSeries({ measure: t3({ baselineEnd: W(8), excluded: [] }), measurements: series, phases: [] });
    expect(frozen.baselineEnd).toBe(W(8));
    expect(frozen.points.at(-1)!.cl).toBeCloseTo(85 / 8, 10);
    expect(frozen.points.slice(8).every((p) => p.sigmaSignal)).toBe(true);
  });

  it('freezes within its own phase when the chart has phases (qicharts2 alone ignores freeze with parts)', () => {
    const longer = [...series, ...weeks(13, 20).map((p, i) => figure(p, [20, 22, 21, 19, 20, 21, 30, 31][i]!))];
    const analysis = analyseSeries({ measure: t3({ baselineEnd: W(18), excluded: [] }), measurements: longer, phases: [phase(W(13))] });
    expect(analysis.points[0]!.cl).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 12, 10);
    expect(analysis.points.at(-1)!.cl).toBeCloseTo(123 / 6, 10);
    expect(analysis.parts[1]).toMatchObject({ firstPeriod: W(13), lastPeriod: W(20) });
    expect(analysis.points.at(-1)!.sigmaSignal).toBe(true);
  });
});

describe("a cycle's marker on its measure's chart", () => {
  it('carries the prediction on that measure and the verdict kept with the decision', () => {
    const verdict = { questionIndex: 1, measureKey: 't3', outcome: 'met', reason: 'signalAndLevel', text: { fi: 'Ennuste toteutui', sv: 'x', en: 'x' } } as StudyVerdict;
    const cycle = {
      unitId: 'palokka', id: 'c1', title: 'Takaisinsoitto', phase: 'adopted', act: { decision: 'adopt' },
      plan: { who: '', what: '', where: '', doStart: '2026-03-02', doEnd: '2026-03-29', dataCollection: '' },
      questions: [
        { question: 'Vähenevätkö soitot?', prediction: '' },
        { question: 'Lyheneekö T3?', prediction: 'T3 10 vrk', measureKey: 't3', expectedValue: 10, expectedDirection: 'decrease' },
      ],
      studyVerdicts: [verdict],
    } as unknown as Cycle;
    expect(markersOf(cycle)).toEqual([
      expect.objectContaining({
        measureKey: 't3', doStart: '2026-03-02', doEnd: '2026-03-29', decision: 'adopt',
        prediction: { questionIndex: 1, direction: 'decrease', value: 10 },
        verdict: { outcome: 'met', reason: 'signalAndLevel', text: verdict.text },
      }),
    ]);
  });
});
