import { describe, expect, it } from 'vitest';
import { isProgressStale, progressInputProblem, suggestProgress, type ProgressFacts } from '../../../functions/domain/progress-score.js';

const now = new Date('2026-11-23T10:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const common = { variation: 'common', assurance: 'notAssured' } as const;
const improving = { variation: 'improving', assurance: 'notAssured' } as const;
const suggest = (facts: Partial<ProgressFacts>) => suggestProgress({ aimCount: 0, cycles: [], measures: [common], now, ...facts });

describe("Sykli's suggested progress score (IHI 0.5–5.0)", () => {
  it('is 1.0 with nothing started and 1.5 once an aim or a cycle is being planned', () => {
    expect(suggest({})).toEqual({ score: 1, basis: 'noActivity' });
    expect(suggest({ aimCount: 1 })).toEqual({ score: 1.5, basis: 'planning' });
    expect(suggest({ cycles: [{ phase: 'planning', decidedAt: null }] })).toEqual({ score: 1.5, basis: 'planning' });
  });

  it('is 2.0 while a change is being tested and 2.5 once tested without improvement on the charts', () => {
    expect(suggest({ cycles: [{ phase: 'doing', decidedAt: null }] })).toEqual({ score: 2, basis: 'testing' });
    expect(suggest({ cycles: [{ phase: 'abandoned', decidedAt: daysAgo(10) }] })).toEqual({ score: 2.5, basis: 'testedNoImprovement' });
  });

  it('is 3.0 with a signal of improvement, 3.5 with an adopted change and 4.0 when most measures improve', () => {
    const adopted = [{ phase: 'embedding' as const, decidedAt: daysAgo(20) }];
    expect(suggest({ measures: [improving, common, common] })).toEqual({ score: 3, basis: 'improvement' });
    expect(suggest({ measures: [improving, common, common], cycles: adopted })).toEqual({ score: 3.5, basis: 'improvementAdopted' });
    expect(suggest({ measures: [improving, improving, common], cycles: adopted })).toEqual({ score: 4, basis: 'broadImprovement' });
  });

  it('is 4.5 when the improvement has held 90 days after adoption and the target is consistently met, never 5.0', () => {
    const met = { variation: 'improving', assurance: 'met' } as const;
    expect(suggest({ measures: [met], cycles: [{ phase: 'adopted', decidedAt: daysAgo(89) }] }).score).toBe(4);
    expect(suggest({ measures: [met], cycles: [{ phase: 'adopted', decidedAt: daysAgo(90) }] })).toEqual({ score: 4.5, basis: 'sustained' });
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
