import type { AreaStatus } from '../../functions/domain/area-status.js';
import { describe, expect, it } from 'vitest';
import { coachAgenda } from '../../functions/domain/coach-agenda.js';
import { emptyDo, emptyPlan, emptyStudy, type Cycle } from '../../functions/domain/cycle.js';
import { applyDecision, checkEdit, doEndsAt, openStudy, recordDecision, requestTransition } from '../../functions/domain/cycle-lifecycle.js';
import type { Review } from '../../functions/domain/review.js';

const cycle = (changes: Partial<Cycle> = {}): Cycle => ({
  id: 'c1', unitId: 'palokka', changeIdeaId: null, aimId: null, title: 'Same-day call-backs', objective: 'Fewer repeat calls',
  questions: [], plan: { ...emptyPlan(), doStart: '2026-03-02', doEnd: '2026-03-27' }, do: emptyDo(), study: emptyStudy(),
  act: null, previousCycleId: null, nextCycleId: null, phase: 'planning', flags: [], workflow: { attempt: 0, notified: [] },
  createdAt: '2026-02-01T08:00:00.000Z', updatedAt: '2026-02-01T08:00:00.000Z', version: 1, ...changes,
});
const act = { decision: 'adapt' as const, reason: 'Halved repeat calls', nextSteps: 'Try Mondays' };

describe('the PDSA lifecycle', () => {
  it('starts Do from planning with plan dates in order, raising the workflow attempt', () => {
    expect(requestTransition(cycle(), { to: 'doing' })).toEqual({ ok: true, value: { phase: 'doing', act: null, workflow: { attempt: 1, notified: [] } } });
  });

  it('refuses Do without dates, or ending before it starts, saying why', () => {
    const noDates = requestTransition(cycle({ plan: emptyPlan() }), { to: 'doing' });
    expect(noDates).toMatchObject({ ok: false, reason: expect.stringContaining('Do start date and a Do end date') });
    const backwards = requestTransition(cycle({ plan: { ...emptyPlan(), doStart: '2026-03-10', doEnd: '2026-03-01' } }), { to: 'doing' });
    expect(backwards).toMatchObject({ ok: false, reason: expect.stringContaining('before the Do start date') });
  });

  it('refuses a move the phase does not allow, naming what is allowed', () => {
    expect(requestTransition(cycle(), { to: 'adopted' })).toEqual({
      ok: false, reason: 'A cycle cannot move from planning to adopted. From planning a cycle can move to doing or abandoned.',
    });
    expect(requestTransition(cycle({ phase: 'doing' }), { to: 'studying' })).toMatchObject({ reason: expect.stringContaining('Study opens by itself') });
    expect(requestTransition(cycle({ phase: 'adopted' }), { to: 'embedding' })).toMatchObject({ ok: true, value: { phase: 'embedding' } });
  });

  it('abandons a planned cycle only with a reason', () => {
    expect(requestTransition(cycle(), { to: 'abandoned' })).toMatchObject({ ok: false });
    expect(requestTransition(cycle(), { to: 'abandoned', reason: 'No staff' })).toMatchObject({ ok: true, value: { act: { decision: 'abandon', reason: 'No staff' } } });
  });

  it('opens Study from Do (again harmlessly) and takes the decision only in Study', () => {
    expect(openStudy(cycle({ phase: 'doing' }))).toEqual({ ok: true, value: 'studying' });
    expect(openStudy(cycle({ phase: 'studying' }))).toEqual({ ok: true, value: 'studying' });
    expect(openStudy(cycle({ phase: 'planning' })).ok).toBe(false);
    expect(recordDecision(cycle({ phase: 'studying' }), act)).toEqual({ ok: true, value: { phase: 'acting', act, studyVerdicts: [] } });
    expect(recordDecision(cycle({ phase: 'doing' }), act)).toMatchObject({ ok: false, reason: expect.stringContaining('Study opens by itself') });
  });

  it('adopts a change only once its Study is written', () => {
    const adopt = { ...act, decision: 'adopt' as const };
    expect(recordDecision(cycle({ phase: 'studying' }), adopt)).toMatchObject({ ok: false, code: 'cycle.studyNotWritten' });
    expect(recordDecision(cycle({ phase: 'studying', study: { results: 'T3 12 → 7', learning: '' } }), adopt)).toMatchObject({ ok: true, value: { phase: 'acting' } });
  });

  it('adapt creates the next cycle in planning with the learning and a link back; adopt and abandon end the cycle', () => {
    const acting = cycle({ phase: 'acting', act, study: { results: '12 → 7', learning: 'Mornings work best' } });
    const adapted = applyDecision(acting, { id: 'c2', now: new Date('2026-04-01T00:00:00Z') });
    expect(adapted).toMatchObject({ ok: true, value: { phase: 'adapted', nextCycle: { id: 'c2', phase: 'planning', previousCycleId: 'c1', plan: { doStart: null } } } });
    // Only the team's own words, so that a Finnish cycle's objective holds no English.
    if (adapted.ok) expect(adapted.value.nextCycle?.objective).toBe(`${act.nextSteps}\n\nMornings work best`);
    expect(applyDecision(cycle({ phase: 'acting', act: { ...act, decision: 'adopt' } }), { id: 'x', now: new Date() })).toMatchObject({ value: { phase: 'adopted', nextCycle: null } });
    expect(applyDecision(cycle({ phase: 'acting', act: { ...act, decision: 'abandon' } }), { id: 'x', now: new Date() })).toMatchObject({ value: { phase: 'abandoned' } });
  });

  it('opens only the worksheet sections of the phase for editing', () => {
    expect(checkEdit(cycle(), { plan: emptyPlan() })).toBeNull();
    expect(checkEdit(cycle({ phase: 'doing' }), { plan: emptyPlan() })).toBe('A cycle in doing cannot have its plan changed. In doing you can edit: do.');
    expect(checkEdit(cycle({ phase: 'adopted' }), { study: emptyStudy() })).toContain('not edited any more');
  });

  it('ends Do at the Helsinki midnight after the Do end date, in summer and in winter', () => {
    expect(doEndsAt(cycle({ plan: { ...emptyPlan(), doEnd: '2026-06-30' } }))?.toISOString()).toBe('2026-06-30T21:00:00.000Z');
    expect(doEndsAt(cycle({ plan: { ...emptyPlan(), doEnd: '2026-01-30' } }))?.toISOString()).toBe('2026-01-30T22:00:00.000Z');
  });
});

describe('the coach agenda', () => {
  const review = (changes: Partial<Review>): Review => ({
    id: 'r', unitId: 'palokka', cycleId: 'c1', kind: 'study', date: '2026-03-30', startTime: '10:00', durationMinutes: 60, place: 'Room 2',
    meetingUrl: null, startsAt: '2026-03-30T07:00:00.000Z', participantIds: ['s'], coachId: 'c', status: 'scheduled', sequence: 0,
    outcome: null, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', version: 1, ...changes,
  });
  const now = new Date('2026-03-20T12:00:00Z');

  it('lists reviews ahead soonest first, past ones without an outcome as overdue, and studies due with no review', () => {
    const agenda = coachAgenda({
      now,
      reviews: [
        review({ id: 'later', cycleId: 'c9', startsAt: '2026-04-02T07:00:00.000Z' }),
        review({ id: 'soon', cycleId: 'c8', startsAt: '2026-03-23T07:00:00.000Z' }),
        review({ id: 'missed', cycleId: 'c7', startsAt: '2026-03-10T07:00:00.000Z' }),
        review({ id: 'held', cycleId: 'c6', status: 'held', startsAt: '2026-03-01T07:00:00.000Z' }),
      ],
      cycles: [
        cycle({ id: 'c1', phase: 'studying' }),
        cycle({ id: 'c8', phase: 'studying' }),
        cycle({ id: 'c2', phase: 'doing', plan: { ...emptyPlan(), doEnd: '2026-03-15' } }),
        cycle({ id: 'c3', phase: 'doing', plan: { ...emptyPlan(), doEnd: '2026-03-25' } }),
      ],
    });
    expect(agenda.upcoming.map((r) => r.id)).toEqual(['soon', 'later']);
    expect(agenda.overdue.map((r) => r.id)).toEqual(['missed']);
    expect(agenda.studiesDue.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
  });

  it("lists the coached units whose due figures are late, with each measure and its period", () => {
    const name = (fi: string) => ({ fi, sv: fi, en: fi });
    const measure = (measureKey: string, frequency: 'weekly' | 'monthly', late: boolean) => ({ measureKey, name: name(measureKey.toUpperCase()), frequency, late });
    const statuses = [
      { unitId: 'palokka', unitName: name('Palokka'), measures: [measure('t3', 'weekly', true), measure('omaolo', 'monthly', true), measure('access7d', 'weekly', false)] },
      { unitId: 'kyllo', unitName: name('Kyllö'), measures: [measure('t3', 'weekly', false)] },
    ] as unknown as AreaStatus[];
    const agenda = coachAgenda({ now, reviews: [], cycles: [], statuses });
    expect(agenda.figuresMissing).toEqual([
      { unitId: 'palokka', unitName: name('Palokka'), measures: [{ measureKey: 't3', name: name('T3'), period: '2026-W11' }, { measureKey: 'omaolo', name: name('OMAOLO'), period: '2026-02' }] },
    ]);
  });
});
