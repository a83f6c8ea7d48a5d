import { describe, expect, it } from 'vitest';
import { isProgressStale, progressInputProblem, suggestProgress, type ProgressFacts } from '../../../functions/domain/progress-score.js';

const now = new Date('2026-11-23T10:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
// Outcome measures t3, access7d and firstContact; a process measure; a balancing one.
const common = { key: 'access7d', type: 'outcome', variation: 'common', assurance: 'notAssured' } as const;
const commonToo = { ...common, key: 'firstContact' } as const;
const improving = { key: 't3', type: 'outcome', variation: 'improving', assurance: 'notAssured' } as const;
const improvingToo = { ...improving, key: 'access7d' } as const;
const suggest = (facts: Partial<ProgressFacts>) => {
  const { score, basis } = suggestProgress({ aimCount: 0, cycles: [], measures: [common], now, ...facts });
  return { score, basis };
};
/** A cycle predicting T3 and access within 7 days. */
const cycle = (phase: ProgressFacts['cycles'][number]['phase'], decidedAt: string | null = null) => ({ phase, decidedAt, measureKeys: ['t3', 'access7d'] });

describe("Sykli's suggested progress score (IHI 0.5–5.0)", () => {
  it('is 1.0 with nothing started and 1.5 once an aim or a cycle is being planned', () => {
    expect(suggest({})).toEqual({ score: 1, basis: 'noActivity' });
    expect(suggest({ aimCount: 1 })).toEqual({ score: 1.5, basis: 'planning' });
    expect(suggest({ cycles: [cycle('planning')] })).toEqual({ score: 1.5, basis: 'planning' });
  });

  it('is 2.0 while a change is being tested and 2.5 once tested without improvement on the charts', () => {
    expect(suggest({ cycles: [cycle('doing')] })).toEqual({ score: 2, basis: 'testing' });
    expect(suggest({ cycles: [cycle('abandoned', daysAgo(10))] })).toEqual({ score: 2.5, basis: 'testedNoImprovement' });
  });

  it('is 3.0 with a signal of improvement, 3.5 with an adopted change and 4.0 when most measures improve', () => {
    const adopted = [{ ...cycle('embedding', daysAgo(20)), measureKeys: ['t3', 'access7d', 'firstContact'] }];
    expect(suggest({ measures: [improving, common, commonToo], cycles: [cycle('doing')] })).toEqual({ score: 3, basis: 'improvement' });
    expect(suggest({ measures: [improving, common, commonToo], cycles: adopted })).toEqual({ score: 3.5, basis: 'improvementAdopted' });
    expect(suggest({ measures: [improving, improvingToo, commonToo], cycles: adopted })).toEqual({ score: 4, basis: 'broadImprovement' });
  });

  it('is 4.5 when the improvement has held 90 days after adoption and the target is consistently met, never 5.0', () => {
    const met = { ...improving, assurance: 'met' } as const;
    expect(suggest({ measures: [met], cycles: [cycle('adopted', daysAgo(89))] }).score).toBe(4);
    expect(suggest({ measures: [met], cycles: [cycle('adopted', daysAgo(90))] })).toEqual({ score: 4.5, basis: 'sustained' });
  });

  it('counts only outcome measures that a tested or adopted change predicted, and names them', () => {
    const adopted = [{ ...cycle('adopted', daysAgo(20)), measureKeys: ['access7d'] }];
    // T3 improves, but the adopted change predicted access within 7 days: no improvement of the changes.
    expect(suggest({ measures: [improving, common], cycles: adopted })).toEqual({ score: 2.5, basis: 'testedNoImprovement' });
    // A process measure improving is not a result either.
    const process = { ...improving, key: 'continuity', type: 'process' } as const;
    expect(suggest({ measures: [process], cycles: [{ ...cycle('adopted', daysAgo(20)), measureKeys: ['continuity'] }] }).basis).toBe('testedNoImprovement');
    expect(suggestProgress({ aimCount: 1, cycles: [cycle('adopted', daysAgo(20))], measures: [improving, common], now })).toMatchObject({ improvingMeasures: ['t3'], worseningBalancing: [] });
  });

  it('counts a new phase whose centre line is better than the one before as improvement, after the change was adopted', () => {
    const shifted = { ...common, key: 't3', shiftedBetter: true } as const;
    expect(suggest({ measures: [shifted, common], cycles: [cycle('adopted', daysAgo(20))] })).toEqual({ score: 4, basis: 'broadImprovement' });
  });

  it('is lowered by half a point when a balancing measure worsens alongside the improvement', () => {
    const wellbeing = { key: 'staffWellbeing', type: 'balancing', variation: 'concerning', assurance: 'none' } as const;
    const suggested = suggestProgress({ aimCount: 1, cycles: [cycle('adopted', daysAgo(20))], measures: [improving, common, wellbeing], now });
    // T3 improving is half of the two predicted outcome measures (4.0), less half a point.
    expect(suggested).toEqual({ score: 3.5, basis: 'broadImprovement', improvingMeasures: ['t3'], worseningBalancing: ['staffWellbeing'] });
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
