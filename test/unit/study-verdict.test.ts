import { describe, expect, it } from 'vitest';
import type { Cycle } from '../../functions/domain/cycle.js';
import { recordDecision } from '../../functions/domain/cycle-lifecycle.js';
import { measureCatalogueByKey } from '../../functions/domain/measure-catalogue.js';
import type { Measurement } from '../../functions/domain/measurement.js';
import { addPeriods } from '../../functions/domain/period.js';
import { decisionContradiction, studyVerdicts, type PredictedSeries } from '../../functions/domain/study-verdict.js';
import { fieldsOf, type UnitMeasure } from '../../functions/domain/unit-measure.js';

const actor = { type: 'system' as const, name: 'test' };
const at = '2026-09-01T00:00:00.000Z';

const t3: UnitMeasure = {
  unitId: 'palokka', key: 't3', source: 'catalogue', frequency: 'weekly', target: null,
  versions: [{ definitionVersion: 1, validFrom: '2026-W01', catalogueVersion: 1, fields: fieldsOf(measureCatalogueByKey('t3')!), reason: '' }],
  createdAt: at, updatedAt: at, version: 1,
};

const figures = (from: string, values: number[]): Measurement[] =>
  values.map((value, i) => ({
    unitId: 'palokka', measureKey: 't3', period: addPeriods(from, i), value, numerator: null, denominator: null, note: '', definitionVersion: 1, enteredBy: actor, enteredAt: at, version: 1,
  }));

// Ten baseline weeks 2026-W28…W37: mean 12.6 days, average moving range 10/9, so (i chart) the lower limit is 12.6 − 2.66 × 1.11 ≈ 9.64.
const baseline = figures('2026-W28', [12, 13, 12, 14, 13, 12, 13, 12, 13, 12]);

// Do runs Monday 14 September (week 38) to Sunday 11 October 2026 (week 41); the team predicts T3 falls to 10 days.
const cycle: Pick<Cycle, 'questions' | 'plan'> = {
  questions: [
    { question: 'Does same-day triage shorten T3?', prediction: 'T3 falls to 10 days', measureKey: 't3', expectedValue: 10, expectedDirection: 'decrease' },
    { question: 'Do the nurses like it?', prediction: 'Yes' },
  ],
  plan: { who: '', what: '', where: '', doStart: '2026-09-14', doEnd: '2026-10-11', dataCollection: '' },
};

const judge = (doFigures: Measurement[]) => {
  const series = new Map<string, PredictedSeries>([['t3', { measure: t3, figures: [...baseline, ...doFigures], phases: [] }]]);
  const verdicts = studyVerdicts(cycle, series);
  expect(verdicts).toHaveLength(1);
  return verdicts[0]!;
};

describe('Study meets the data', () => {
  it('finds the prediction met when T3 drops below the baseline’s lower limit from the first Do week', () => {
    const verdict = judge(figures('2026-W38', [7, 6, 6, 5]));
    expect(verdict).toMatchObject({
      questionIndex: 0,
      outcome: 'met',
      reason: 'signalAndLevel',
      doStartPeriod: '2026-W38',
      doEndPeriod: '2026-W41',
      baseline: { figures: 10, centre: 12.6 },
      window: { figures: 4, centre: 6, lastPeriod: '2026-W41' },
      signal: { kind: 'limit', period: '2026-W38', direction: 'decrease' },
    });
    expect(verdict.text.fi).toBe('Ennuste toteutui: T3 laski 12,6 → 6 vrk; signaali alkoi vk 38.');
    expect(verdict.text.sv).toBe('Förutsägelsen infriades: T3 sjönk 12,6 → 6 dygn; signalen började v. 38.');
    expect(verdict.text.en).toBe('Prediction met: T3 fell 12.6 → 6 days; signal began wk 38.');
    expect(verdict.points.filter((p) => p.inWindow).map((p) => [p.y, p.signal])).toEqual([[7, true], [6, true], [6, true], [5, true]]);
  });

  it('finds the prediction not met when the Do weeks stay within the baseline’s common-cause variation', () => {
    const verdict = judge(figures('2026-W38', [12, 13, 12, 13]));
    expect(verdict).toMatchObject({ outcome: 'notMet', reason: 'noSignal', signal: null, window: { figures: 4, centre: 12.5 } });
    expect(verdict.text.fi).toBe('Ennuste ei toteutunut: T3 laski 12,6 → 12,5 vrk; ei signaalia Toteuta-vaiheen alun jälkeen.');
  });

  it('says it is too early while only two Do weeks are in, and judges again as late figures arrive', () => {
    const early = judge(figures('2026-W38', [12, 11]));
    expect(early).toMatchObject({ outcome: 'tooEarly', reason: 'fewFigures', window: { figures: 2 } });
    expect(early.text.fi).toBe('Tiedot eivät vielä riitä: mittarilla T3 on Toteuta-vaiheen alusta vasta 2 lukua eikä vielä signaalia, arvioon tarvitaan 4.');

    // Weeks 40–43 come in late, after the Do end: 9 days each, below the lower limit from week 40; the mean since Do start is 59/6 ≈ 9.8.
    const later = judge(figures('2026-W38', [12, 11, 9, 9, 9, 9]));
    expect(later).toMatchObject({ outcome: 'met', signal: { kind: 'limit', period: '2026-W40' }, window: { figures: 6, centre: 9.83, lastPeriod: '2026-W43' } });
    expect(later.text.fi).toBe('Ennuste toteutui: T3 laski 12,6 → 9,8 vrk; signaali alkoi vk 40.');
  });

  it('sees an improvement that falls short of the predicted level as not met', () => {
    // Below the lower limit from week 38, but back at 12 from week 42: the mean since Do start is 72/7 ≈ 10.3, above the predicted 10.
    const verdict = judge(figures('2026-W38', [9, 9, 9, 9, 12, 12, 12]));
    expect(verdict).toMatchObject({ outcome: 'notMet', reason: 'signalNotLevel', signal: { period: '2026-W38', direction: 'decrease' }, window: { centre: 10.29 } });
    expect(verdict.text.fi).toBe('Ennuste ei toteutunut: T3 laski 12,6 → 10,3 vrk; signaali alkoi vk 38, mutta ei ennustettuun tasoon 10 vrk.');
  });

  it('counts a run only when it became unusually long after the Do start', () => {
    // Baseline ends with five weeks above its median line; three more in Do make eight in a row (more than the 7 expected by chance) in week 40.
    const rising = figures('2026-W28', [10, 11, 10, 11, 10, 14, 14, 14, 14, 14]);
    const series = new Map<string, PredictedSeries>([
      ['t3', { measure: { ...t3, versions: [{ ...t3.versions[0]!, fields: { ...t3.versions[0]!.fields, chart: 'run' } }] }, figures: [...rising, ...figures('2026-W38', [14, 14, 14])], phases: [] }],
    ]);
    const [verdict] = studyVerdicts(cycle, series);
    expect(verdict).toMatchObject({ outcome: 'notMet', reason: 'oppositeSignal', signal: { kind: 'run', period: '2026-W38', direction: 'increase' } });
  });

  it('has nothing to judge before the Do start is planned, nor for a prediction without a measure', () => {
    expect(studyVerdicts({ ...cycle, plan: { ...cycle.plan, doStart: null } }, new Map([['t3', { measure: t3, figures: baseline, phases: [] }]]))).toEqual([]);
    expect(studyVerdicts({ ...cycle, questions: [cycle.questions[1]!] }, new Map([['t3', { measure: t3, figures: baseline, phases: [] }]]))).toEqual([]);
  });
});

describe('an Act decision against the data', () => {
  const met = judge(figures('2026-W38', [7, 6, 6, 5]));
  const flat = judge(figures('2026-W38', [12, 13, 12, 13]));
  const early = judge(figures('2026-W38', [12]));

  it('is adopting a change whose predictions saw no improvement, or abandoning one that improved', () => {
    expect(decisionContradiction('adopt', [flat])).toBe('adoptWithoutImprovement');
    expect(decisionContradiction('abandon', [met])).toBe('abandonDespiteImprovement');
    expect(decisionContradiction('adopt', [met])).toBeNull();
    expect(decisionContradiction('abandon', [flat])).toBeNull();
    expect(decisionContradiction('adapt', [flat])).toBeNull();
  });

  it('is not claimed while the data are too few to tell', () => {
    expect(decisionContradiction('adopt', [early])).toBeNull();
  });
});

describe('the Act decision at the study review', () => {
  const studying = {
    id: 'c1', unitId: 'palokka', changeIdeaId: null, aimId: null, title: 'Same-day triage', objective: 'Shorter T3', ...cycle,
    do: { whatHappened: '', observations: '', problems: '' }, study: { results: 'T3 stayed at 12–13 days', learning: 'Triage alone is not enough' },
    act: null, previousCycleId: null, nextCycleId: null, phase: 'studying' as const, flags: [], workflow: { attempt: 1, notified: [] },
    createdAt: at, updatedAt: at, version: 3,
  };
  const flat = judge(figures('2026-W38', [12, 13, 12, 13]));

  it('asks for a reason when adopting a change the measures show no improvement from, and keeps the verdicts with the decision', () => {
    const adopt = { decision: 'adopt' as const, reason: 'Staff like it', nextSteps: '' };
    expect(recordDecision(studying, adopt, [flat])).toMatchObject({ ok: false, code: 'cycle.decisionAgainstData', params: { contradiction: 'adoptWithoutImprovement' } });
    const withReason = recordDecision(studying, { ...adopt, reasonAgainstData: 'Fewer repeat calls, which T3 does not show' }, [flat]);
    expect(withReason).toMatchObject({ ok: true, value: { phase: 'acting', studyVerdicts: [{ outcome: 'notMet', reason: 'noSignal' }] } });
  });
});
