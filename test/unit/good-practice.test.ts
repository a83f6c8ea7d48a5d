import { describe, expect, it } from 'vitest';
import type { AreaStatus } from '../../functions/domain/area-status.js';
import { CycleSchema, type Cycle } from '../../functions/domain/cycle.js';
import { buildGoodPractices, cycleFromPractice, isPractice } from '../../functions/domain/good-practice.js';

const name = (fi: string) => ({ fi, sv: fi, en: fi });
const adopted: Cycle = CycleSchema.parse({
  id: 'callback', unitId: 'palokka', changeIdeaId: 'idea', aimId: 'aim', title: 'Takaisinsoitto', objective: 'Soitetaan samana päivänä.',
  questions: [
    { question: 'Laskeeko T3?', prediction: 'Alle 7 vrk', measureKey: 't3', expectedValue: 6, expectedDirection: 'decrease' },
    { question: 'Nouseeko tyytyväisyys?', prediction: 'Nousee', measureKey: 'satisfaction', expectedDirection: 'increase' },
  ],
  plan: { who: 'Hoitajat', what: 'Takaisinsoitot', where: 'Vastaanotto', doStart: '2026-01-05', doEnd: '2026-02-01', dataCollection: 'T3 viikoittain' },
  do: { whatHappened: 'Tehtiin', observations: '', problems: '' }, study: { results: 'T3 laski', learning: '' },
  act: { decision: 'adopt', reason: 'Toimii', nextSteps: '' }, previousCycleId: null, nextCycleId: null, phase: 'adopted',
  flags: [], workflow: { attempt: 1, notified: [] }, createdAt: '2026-01-01T08:00:00.000Z', updatedAt: '2026-02-10T08:00:00.000Z', version: 5,
});
const ref = { areaId: 'ks', unitId: 'palokka', unitName: name('Palokka'), cycleId: 'callback', title: 'Takaisinsoitto' };

describe('good practices', () => {
  it('are adopted changes, not decided or abandoned ones', () => {
    expect(isPractice(adopted)).toBe(true);
    expect(isPractice({ ...adopted, phase: 'embedding' })).toBe(true);
    expect(isPractice({ ...adopted, phase: 'abandoned', act: { decision: 'abandon', reason: 'Ei', nextSteps: '' } })).toBe(false);
    expect(isPractice({ ...adopted, phase: 'studying', act: null })).toBe(false);
  });

  it("start a draft with the practice's plan but the new team's own dates, measures and predicted values", () => {
    const draft = cycleFromPractice(adopted, ref, new Set(['t3']));
    expect(draft.plan).toEqual({ who: 'Hoitajat', what: 'Takaisinsoitot', where: 'Vastaanotto', dataCollection: 'T3 viikoittain', doStart: null, doEnd: null });
    expect(draft.questions).toEqual([
      { question: 'Laskeeko T3?', prediction: 'Alle 7 vrk', measureKey: 't3', expectedDirection: 'decrease' },
      { question: 'Nouseeko tyytyväisyys?', prediction: 'Nousee' },
    ]);
    expect(draft).toMatchObject({ title: 'Takaisinsoitto', objective: 'Soitetaan samana päivänä.', aimId: null, changeIdeaId: null, fromPractice: ref });
  });

  it("list the open units' adopted changes newest first, each with the units that started from it", () => {
    const status = (unitId: string, decidedAt: string, extra: Partial<AreaStatus> = {}) =>
      ({
        unitId, unitName: name(unitId), measures: [{ measureKey: 't3', name: name('T3') }],
        pdsa: { adoptedChanges: [{ cycleId: `${unitId}-c`, title: unitId, objective: '', reason: 'r', decidedAt, measureKeys: ['t3', 'gone'] }] },
        ...extra,
      }) as unknown as AreaStatus;
    const started = { ...adopted, id: 'nova-copy', unitId: 'nova', phase: 'planning' as const, fromPractice: { ...ref, cycleId: 'palokka-c' } };
    const practices = buildGoodPractices(
      [status('palokka', '2026-02-10T08:00:00.000Z'), status('nova', '2026-03-01T08:00:00.000Z'), status('closed', '2026-04-01T08:00:00.000Z', { closed: true })],
      [started],
    );
    expect(practices.map((p) => p.unitId)).toEqual(['nova', 'palokka']);
    expect(practices[1]!.measures).toEqual([{ measureKey: 't3', name: name('T3') }]);
    expect(practices[1]!.startedIn).toEqual([{ unitId: 'nova', unitName: name('nova'), cycleId: 'nova-copy', startedAt: adopted.createdAt }]);
    expect(practices[0]!.startedIn).toEqual([]);
  });
});
