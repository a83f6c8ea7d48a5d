import { describe, expect, it } from 'vitest';
import { briefingWindow, briefingWindowProblem, buildUnitBriefing } from '../../../functions/domain/area-briefing.js';
import { emptyDo, emptyPlan, type Cycle } from '../../../functions/domain/cycle.js';
import { measureCatalogueByKey } from '../../../functions/domain/measure-catalogue.js';
import type { Measurement } from '../../../functions/domain/measurement.js';
import { addPeriods } from '../../../functions/domain/period.js';
import type { PredictedSeries } from '../../../functions/domain/study-verdict.js';
import { fieldsOf, type UnitMeasure } from '../../../functions/domain/unit-measure.js';

const actor = { type: 'system' as const, name: 'test' };
const at = '2026-09-01T00:00:00.000Z';
const t3: UnitMeasure = {
  unitId: 'uurainen', key: 't3', source: 'catalogue', frequency: 'weekly', target: null,
  versions: [{ definitionVersion: 1, validFrom: '2026-W01', catalogueVersion: 1, fields: fieldsOf(measureCatalogueByKey('t3')!), reason: '' }],
  createdAt: at, updatedAt: at, version: 1,
};
const figures = (from: string, values: (number | null)[]): Measurement[] =>
  values.flatMap((value, i) =>
    value === null ? [] : [{ unitId: 'uurainen', measureKey: 't3', period: addPeriods(from, i), value, numerator: null, denominator: null, note: '', definitionVersion: 1, enteredBy: actor, enteredAt: at, version: 1 }],
  );

// Ten baseline weeks W28–W37 around 12.6 days; from W38 (Do) T3 is 5–7 days; week 42 is missing, week 43 has 6, week 44 nothing yet.
const series = new Map<string, PredictedSeries>([['t3', { measure: t3, figures: figures('2026-W28', [12, 13, 12, 14, 13, 12, 13, 12, 13, 12, 7, 6, 6, 5, null, 6]), phases: [] }]]);
const cycle: Cycle = {
  id: 'c1', unitId: 'uurainen', changeIdeaId: null, aimId: null, title: 'Morning phone hour', objective: 'Shorter T3',
  questions: [{ question: 'Does T3 fall?', prediction: 'To 10 days', measureKey: 't3', expectedValue: 10, expectedDirection: 'decrease' }],
  plan: { ...emptyPlan(), doStart: '2026-09-14', doEnd: '2026-10-11' }, do: emptyDo(), study: { results: 'T3 fell', learning: 'Mornings matter' },
  act: { decision: 'adopt', reason: 'T3 fell', nextSteps: '' }, decidedAt: '2026-10-15T10:00:00.000Z',
  previousCycleId: null, nextCycleId: null, phase: 'adopted', flags: [], workflow: { attempt: 1, notified: [] }, createdAt: at, updatedAt: '2026-10-16T10:00:00.000Z', version: 5,
};
const unit = { id: 'uurainen', name: { fi: 'Uuraisten terveysasema', sv: 'Uurainen hälsostation', en: 'Uurainen Health Station' } };
// "Now" is in week 45, so weeks up to 44 are due.
const now = new Date('2026-11-04T12:00:00Z');

describe('the status-meeting briefing of a unit', () => {
  it('lists, for the weeks of the Do and the decision, the new signal, the cycle studied and decided with its verdict, and the missing week', () => {
    const briefing = buildUnitBriefing({ unit, status: undefined, series, cycles: [cycle] }, { from: '2026-09-14', to: '2026-10-18' }, now);
    // Weeks 38–41 each fall below the baseline's lower limit: one line, from the first to the last.
    expect(briefing.newSignals).toMatchObject([{ measureKey: 't3', kind: 'belowLowerLimit', firstPeriod: '2026-W38', lastPeriod: '2026-W41', variation: 'improving' }]);
    expect(briefing.cyclesStarted.map((c) => c.cycleId)).toEqual(['c1']);
    expect(briefing.cyclesStudied.map((c) => c.cycleId)).toEqual(['c1']);
    expect(briefing.cyclesDecided).toMatchObject([{ cycleId: 'c1', decision: 'adopt', verdicts: [{ outcome: 'met' }] }]);
    expect(briefing.cyclesDecided[0]!.verdicts[0]!.text.fi).toMatch(/^Ennuste toteutui: T3 laski 12,6 → 6 vrk; signaali alkoi vk 38\./);
    expect(briefing.adopted.map((c) => c.cycleId)).toEqual(['c1']);
    expect(briefing.missingData).toEqual([{ measureKey: 't3', measureName: expect.any(Object), periods: ['2026-W42'] }]);
  });

  it('leaves out what happened before the window: a signal already there, a cycle decided earlier', () => {
    const briefing = buildUnitBriefing({ unit, status: undefined, series, cycles: [cycle] }, { from: '2026-10-26', to: '2026-11-01' }, now);
    expect(briefing.newSignals).toEqual([]);
    expect([...briefing.cyclesStarted, ...briefing.cyclesStudied, ...briefing.cyclesDecided]).toEqual([]);
    // Week 44 is due and has no figure.
    expect(briefing.missingData[0]!.periods).toEqual(['2026-W44']);
  });

  it('covers the last four weeks unless asked, and refuses a window that ends before it starts', () => {
    expect(briefingWindow({}, now)).toEqual({ from: '2026-10-07', to: '2026-11-04' });
    expect(briefingWindowProblem({ from: '2026-11-04', to: '2026-10-01' })).toBe('from must be on or before to');
    expect(briefingWindowProblem({ from: '2026-10-01', to: '2026-11-04' })).toBeNull();
  });

  it('starts, once a briefing was presented, from the day it was presented (in Helsinki), unless asked otherwise', () => {
    // Presented on the evening of 20 October in Helsinki, which is still the 20th there.
    expect(briefingWindow({}, now, '2026-10-20T19:30:00.000Z')).toEqual({ from: '2026-10-20', to: '2026-11-04' });
    expect(briefingWindow({}, now, '2026-10-20T22:30:00.000Z')).toEqual({ from: '2026-10-21', to: '2026-11-04' });
    expect(briefingWindow({ from: '2026-09-01' }, now, '2026-10-20T19:30:00.000Z')).toEqual({ from: '2026-09-01', to: '2026-11-04' });
    // A window asked to end before the marker keeps the four weeks before its end.
    expect(briefingWindow({ to: '2026-10-10' }, now, '2026-10-20T19:30:00.000Z')).toEqual({ from: '2026-09-12', to: '2026-10-10' });
  });
});
