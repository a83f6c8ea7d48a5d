import { addDays, format } from 'date-fns';
import type { Membership } from '../../functions/domain/membership.js';
import { ReviewSchema, reviewStartsAt } from '../../functions/domain/review.js';
import { demoMemberships, demoUnits } from '../../functions/runtime/seed/demo-organisation.js';
import type { TestApp } from './test-app.js';

/** A demo unit and its people by role, so that tests follow the seed rather than its names. */
export function demoUnitWithPeople(index = 0) {
  const units = demoUnits.filter((u) => {
    const roles = demoMemberships.filter((m) => 'unitId' in m && m.unitId === u.id).map((m) => m.role);
    return roles.includes('coach') && roles.includes('supervisor');
  });
  const unit = units[index]!;
  const holders = (role: Membership['role']) =>
    demoMemberships.filter((m) => m.role === role && 'unitId' in m && m.unitId === unit.id).map((m) => m.personId);
  const leaders = demoMemberships.filter((m) => m.role === 'leader' && m.areaId === unit.areaId).map((m) => m.personId);
  return { unit, coach: holders('coach')[0]!, coaches: holders('coach'), supervisor: holders('supervisor')[0]!, supervisors: holders('supervisor'), leaders };
}

export const isoDate = (days: number, from = new Date()) => format(addDays(from, days), 'yyyy-MM-dd');

export async function body(response: Response): Promise<Record<string, any>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, any>;
}

/** Polls with a deadline instead of sleeping. */
export async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, deadlineMs = 15_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Drives cycles through the API as the people of one unit. */
export function cycleFlow(t: TestApp, people = demoUnitWithPeople()) {
  const base = `/api/units/${people.unit.id}/cycles`;
  const send = (path: string, method: string, as: string, payload?: unknown, etag?: string) =>
    t.request(path, {
      method,
      as,
      headers: { 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });

  const flow = {
    people,
    base,
    send,
    async get(cycleId: string, as = people.coach) {
      return body(await t.request(`${base}/${cycleId}`, { as }));
    },
    async create(as = people.supervisor, extra: Record<string, unknown> = {}) {
      return body(await send(base, 'POST', as, { title: 'Nurses call back the same day', objective: 'Fewer repeat calls', ...extra }));
    },
    /** A cycle in Do, its workflow started; the Do end given in days from today. */
    async inDo(doEndInDays = 7, as = people.supervisor) {
      const created = await flow.create(as);
      const planned = await body(
        await send(`${base}/${created.id}`, 'PATCH', as, { plan: { who: 'Nurses', what: 'Same-day call-backs', where: 'Reception', doStart: isoDate(-14), doEnd: isoDate(doEndInDays), dataCollection: 'Daily tally' } }, `"${created.version}"`),
      );
      return body(await send(`${base}/${created.id}/transitions`, 'POST', as, { to: 'doing' }, `"${planned.version}"`));
    },
    async scheduleStudyReview(cycleId: string, as = people.coach) {
      return body(
        await send(`${base}/${cycleId}/reviews`, 'POST', as, {
          kind: 'study', date: isoDate(2), startTime: '13:00', durationMinutes: 60, place: 'Meeting room 2', participantIds: people.supervisors,
        }),
      );
    },
    /**
     * The review's time comes: reviews are scheduled ahead, and an outcome is taken only from the
     * start on, so a test moves the stored review to yesterday (as the clock would) and answers it.
     */
    async startReview(review: Record<string, any>) {
      const slot = { date: isoDate(-1), startTime: '13:00' };
      const started = ReviewSchema.parse({ ...review, ...slot, startsAt: reviewStartsAt(slot), version: review.version + 1 });
      await t.deps.cycles.write([t.deps.cycles.reviewWrite(ReviewSchema.parse(review), started, 'reschedule')], { type: 'system', name: 'test clock' });
      return started as Record<string, any>;
    },
    /** Writes the Study section (results against predictions, learning), which adopting needs; reads again on 412 like any client. */
    async writeStudy(cycleId: string, as = people.supervisor) {
      const study = { results: 'Repeat calls fell from 40 to 22 a week.', learning: 'Call-backs work when booked in the morning.' };
      return until(async () => {
        const current = await flow.get(cycleId, as);
        const patched = await send(`${base}/${cycleId}`, 'PATCH', as, { study }, `"${current.version}"`);
        return patched.status === 412 ? false : body(patched);
      }, 'the study to be saved');
    },
    outcome(cycleId: string, review: Record<string, any>, decision: 'adopt' | 'adapt' | 'abandon', as = people.coach) {
      return send(`${base}/${cycleId}/reviews/${review.id}/outcome`, 'PUT', as, {
        notes: 'Went through the tallies together.',
        act: { decision, reason: 'The call-backs halved repeat calls.', nextSteps: 'Try it on Mondays too.' },
      }, `"${review.version}"`);
    },
    async phaseOf(cycleId: string) {
      return (await flow.get(cycleId)).phase as string;
    },
  };
  return flow;
}
