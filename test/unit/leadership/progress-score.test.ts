import { describe, expect, it } from 'vitest';
import { isProgressStale, progressInputProblem, suggestProgress, type ProgressFacts } from '../../../functions/domain/progress-score.js';

const now = new Date('2026-11-23T10:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
// Palokka's aim: T3, access within 7 days and first-contact resolution are its outcome measures,
// continuity a process measure and staff wellbeing a balancing one.
const aim = {
  id: 'palokka-t3',
  measures: [
    { measureKey: 't3', role: 'outcome' },
    { measureKey: 'access7d', role: 'outcome' },
    { measureKey: 'firstContact', role: 'outcome' },
    { measureKey: 'continuity', role: 'process' },
    { measureKey: 'staffWellbeing', role: 'balancing' },
  ],
} as const;
const common = { key: 'access7d', variation: 'common', assurance: 'notAssured' } as const;
const commonToo = { ...common, key: 'firstContact' } as const;
const improving = { key: 't3', variation: 'improving', assurance: 'notAssured' } as const;
const improvingToo = { ...improving, key: 'access7d' } as const;
const suggest = (facts: Partial<ProgressFacts>) => {
  const { score, basis } = suggestProgress({ aims: [aim], cycles: [], measures: [common], now, ...facts });
  return { score, basis };
};
/** A cycle towards Palokka's aim, predicting T3. */
const cycle = (phase: ProgressFacts['cycles'][number]['phase'], decidedAt: string | null = null) => ({ phase, decidedAt, aimId: aim.id, measureKeys: ['t3'] });

describe("Sykli's suggested progress score (IHI 0.5–5.0)", () => {
  it('is 1.0 with nothing started and 1.5 once an aim or a cycle is being planned', () => {
    expect(suggest({ aims: [] })).toEqual({ score: 1, basis: 'noActivity' });
    expect(suggest({})).toEqual({ score: 1.5, basis: 'planning' });
    expect(suggest({ aims: [], cycles: [cycle('planning')] })).toEqual({ score: 1.5, basis: 'planning' });
  });

  it('is 2.0 while a change is being tested and 2.5 once tested without improvement on the charts', () => {
    expect(suggest({ cycles: [cycle('doing')] })).toEqual({ score: 2, basis: 'testing' });
    expect(suggest({ cycles: [cycle('abandoned', daysAgo(10))] })).toEqual({ score: 2.5, basis: 'testedNoImprovement' });
  });

  it('is 3.0 with a signal of improvement, 3.5 with an adopted change and 4.0 when at least half the outcome measures improve', () => {
    // The aim's three outcome measures count, T3 improving: 1 of 3 is less than half.
    expect(suggest({ measures: [improving, common, commonToo], cycles: [cycle('doing')] })).toEqual({ score: 3, basis: 'improvement' });
    expect(suggest({ measures: [improving, common, commonToo], cycles: [cycle('embedding', daysAgo(20))] })).toEqual({ score: 3.5, basis: 'improvementAdopted' });
    // 2 of 3 improve.
    expect(suggest({ measures: [improving, improvingToo, commonToo], cycles: [cycle('embedding', daysAgo(20))] })).toEqual({ score: 4, basis: 'broadImprovement' });
  });

  it('is 4.5 when the improvement has held 90 days after adoption and the target is consistently met, never 5.0', () => {
    const met = { ...improving, assurance: 'met' } as const;
    expect(suggest({ measures: [met], cycles: [cycle('adopted', daysAgo(89))] }).score).toBe(4);
    expect(suggest({ measures: [met], cycles: [cycle('adopted', daysAgo(90))] })).toEqual({ score: 4.5, basis: 'sustained' });
  });

  it("counts only the outcome measures of the aims the tested or adopted changes work towards, and names each with its signal", () => {
    const otherAim = { id: 'nova-access', measures: [{ measureKey: 'access7d', role: 'outcome' }] } as const;
    const palokkaOnly = { id: aim.id, measures: [{ measureKey: 't3', role: 'outcome' }] } as const;
    // T3 improves, but the adopted change works towards the other aim, whose outcome is access: no improvement of the changes.
    const towardsOther = [{ ...cycle('adopted', daysAgo(20)), aimId: otherAim.id, measureKeys: ['access7d'] }];
    expect(suggest({ aims: [palokkaOnly, otherAim], measures: [improving, common], cycles: towardsOther })).toEqual({ score: 2.5, basis: 'testedNoImprovement' });
    // A process measure of the aim improving is the change being done, not its result.
    const continuity = { ...improving, key: 'continuity' } as const;
    expect(suggest({ measures: [continuity, common], cycles: [cycle('adopted', daysAgo(20))] }).basis).toBe('testedNoImprovement');
    // A measure no aim names never counts, whatever the catalogue calls it.
    expect(suggest({ aims: [], measures: [improving], cycles: [cycle('adopted', daysAgo(20))] }).basis).toBe('testedNoImprovement');
    // The aim's outcome counts even when the cycle predicted another of its measures.
    const shifted = { ...common, key: 'firstContact', shiftedBetter: true } as const;
    expect(suggestProgress({ aims: [aim], cycles: [cycle('adopted', daysAgo(20))], measures: [improving, common, shifted], now })).toEqual({
      score: 4,
      basis: 'broadImprovement',
      improvingMeasures: ['t3', 'firstContact'],
      improvingBy: [
        { measureKey: 't3', signal: 'signal' },
        { measureKey: 'firstContact', signal: 'newPhase' },
      ],
      worseningBalancing: [],
    });
  });

  it('links a cycle without an aim to the aims that name a measure it predicts', () => {
    const loose = { phase: 'doing', decidedAt: null, aimId: null, measureKeys: ['continuity'] } as const;
    // Continuity is a process measure of Palokka's aim, so the aim's outcome T3 counts.
    expect(suggest({ measures: [improving], cycles: [loose] })).toEqual({ score: 3, basis: 'improvement' });
    expect(suggest({ measures: [improving], cycles: [{ ...loose, measureKeys: ['omaolo'] }] })).toEqual({ score: 2, basis: 'testing' });
  });

  it('counts a new phase whose centre line is better than the one before as improvement, after the change was adopted', () => {
    const shifted = { ...common, key: 't3', shiftedBetter: true } as const;
    const twoOutcomes = { id: aim.id, measures: aim.measures.filter((m) => m.measureKey !== 'firstContact') };
    expect(suggest({ aims: [twoOutcomes], measures: [shifted, common], cycles: [cycle('adopted', daysAgo(20))] })).toEqual({ score: 4, basis: 'broadImprovement' });
  });

  it("is lowered by half a point when a balancing measure of the changes' aim worsens alongside the improvement", () => {
    const wellbeing = { key: 'staffWellbeing', variation: 'concerning', assurance: 'none' } as const;
    const twoOutcomes = { id: aim.id, measures: aim.measures.filter((m) => m.measureKey !== 'firstContact') };
    const suggested = suggestProgress({ aims: [twoOutcomes], cycles: [cycle('adopted', daysAgo(20))], measures: [improving, common, wellbeing], now });
    // T3 improving is half of the two outcome measures (4.0), less half a point.
    expect(suggested).toEqual({
      score: 3.5,
      basis: 'broadImprovement',
      improvingMeasures: ['t3'],
      improvingBy: [{ measureKey: 't3', signal: 'signal' }],
      worseningBalancing: ['staffWellbeing'],
    });
    // Staff wellbeing as a process measure, or worsening without any improvement, lowers nothing.
    const asProcess = { id: aim.id, measures: twoOutcomes.measures.map((m) => (m.measureKey === 'staffWellbeing' ? { ...m, role: 'process' as const } : m)) };
    expect(suggest({ aims: [asProcess], measures: [improving, common, wellbeing], cycles: [cycle('adopted', daysAgo(20))] })).toEqual({ score: 4, basis: 'broadImprovement' });
    expect(suggestProgress({ aims: [twoOutcomes], cycles: [cycle('doing')], measures: [common, wellbeing], now })).toMatchObject({ score: 2, worseningBalancing: [] });
  });

  it('shows a confirmed score as stale after 60 days', () => {
    expect(isProgressStale(daysAgo(60), now)).toBe(false);
    expect(isProgressStale(daysAgo(61), now)).toBe(true);
  });

  it("asks for a reason only when the coach's score differs from the suggestion", () => {
    expect(progressInputProblem({ score: 3, reason: '' }, 3)).toBeNull();
    expect(progressInputProblem({ score: 3.5, reason: '' }, 3)).toBe('reason');
    expect(progressInputProblem({ score: 3.5, reason: 'Hoitajien soittoajat vakiintuneet' }, 3)).toBeNull();
  });
});
