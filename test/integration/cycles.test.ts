import { beforeAll, describe, expect, it } from 'vitest';
// First: the API's routes call .openapi() on domain schemas, which exists only on schemas made after @hono/zod-openapi loaded.
import { createTestApp, type TestApp } from '../support/test-app.js';
import { demoMemberships } from '../../functions/runtime/seed/demo-organisation.js';
import { body, cycleFlow, demoUnitWithPeople, isoDate, until } from '../support/cycle-flow.js';

const people = demoUnitWithPeople();
const admin = demoMemberships.find((m) => m.role === 'admin')!.personId;
const leader = people.leaders[0]!;
const outsider = demoMemberships.find(
  (m) => m.role === 'supervisor' && m.unitId !== people.unit.id && !demoMemberships.some((o) => o.personId === m.personId && 'unitId' in o && o.unitId === people.unit.id),
)!.personId;

describe('PDSA routes over the seeded store', () => {
  let t: TestApp;
  let flow: ReturnType<typeof cycleFlow>;
  beforeAll(async () => {
    t = await createTestApp();
    flow = cycleFlow(t, people);
  });
  const u = () => `/api/units/${people.unit.id}`;

  it('lets each role do what the policy says with aims, change ideas and cycles', async () => {
    const editors = [admin, people.coach, people.supervisor];
    for (const as of editors) {
      expect((await flow.send(`${u()}/aims`, 'POST', as, { statement: 'T3 ≤ 3 days', targetDate: '2027-06-30', measures: [{ measureKey: 't3', role: 'outcome' }] })).status).toBe(201);
      expect((await flow.send(`${u()}/change-ideas`, 'POST', as, { title: 'Same-day call-backs' })).status).toBe(201);
      expect((await flow.send(`${u()}/cycles`, 'POST', as, { title: 'Call-backs' })).status).toBe(201);
    }
    expect((await flow.send(`${u()}/aims`, 'POST', leader, { statement: 'x', targetDate: '2027-06-30', measures: [] })).status).toBe(403);
    expect((await flow.send(`${u()}/cycles`, 'POST', leader, { title: 'x' })).status).toBe(403);
    for (const path of ['aims', 'change-ideas', 'cycles', 'audit']) {
      for (const as of [...editors, leader]) expect((await t.request(`${u()}/${path}`, { as })).status).toBe(200);
      const hidden = await t.request(`${u()}/${path}`, { as: outsider });
      expect(hidden.status).toBe(404);
      expect(hidden.headers.get('content-type')).toBe('application/problem+json');
    }
    const aims = await body(await t.request(`${u()}/aims`, { as: leader }));
    expect(aims.items).toHaveLength(3);
    const aim = await t.request(`${u()}/aims/${aims.items[0].id}`, { as: leader });
    expect(aim.headers.get('etag')).toBe('"1"');
    expect((await flow.send(`${u()}/aims/${aims.items[0].id}`, 'PATCH', outsider, { statement: 'y' }, '"1"')).status).toBe(404);
    expect((await flow.send(`${u()}/cycles`, 'POST', outsider, { title: 'x' })).status).toBe(404);
  });

  it("names the unit's tracked measures in an aim with their roles and targets, edits it, and closes it: a closed aim stays readable and takes no more changes", async () => {
    const measures = [
      { measureKey: 't3', role: 'outcome' },
      { measureKey: 'access7d', role: 'process' },
      { measureKey: 'staffWellbeing', role: 'balancing' },
    ];
    const created = await flow.send(`${u()}/aims`, 'POST', people.supervisor, { statement: 'T3 ≤ 7 vrk', targetDate: '2027-06-30', measures });
    expect(created.status).toBe(201);
    const aim = await body(created);
    expect(aim.measures).toEqual(measures);
    // Only the unit's own tracked measures: the aim and the chart show the same target.
    const untracked = await flow.send(`${u()}/aims`, 'POST', people.supervisor, { statement: 'x', targetDate: '2027-06-30', measures: [{ measureKey: 'carePlans', role: 'outcome' }] });
    expect(untracked.status).toBe(400);
    expect((await untracked.json()).errors[0]).toMatchObject({ field: 'body.measures.0.measureKey', message: expect.stringContaining('yksikön seuraama mittari') });
    const twice = await flow.send(`${u()}/aims`, 'POST', people.supervisor, { statement: 'x', targetDate: '2027-06-30', measures: [measures[0], { measureKey: 't3', role: 'balancing' }] });
    expect(twice.status).toBe(400);

    const edited = await flow.send(`${u()}/aims/${aim.id}`, 'PATCH', people.coach, { statement: 'T3 ≤ 6 vrk', measures: measures.slice(0, 2) }, '"1"');
    expect(edited.status).toBe(200);
    expect(await body(edited)).toMatchObject({ statement: 'T3 ≤ 6 vrk', measures: measures.slice(0, 2), version: 2 });
    expect((await flow.send(`${u()}/aims/${aim.id}/close`, 'POST', leader, undefined, '"2"')).status).toBe(403);
    const closed = await flow.send(`${u()}/aims/${aim.id}/close`, 'POST', people.coach, undefined, '"2"');
    expect(closed.status).toBe(200);
    expect((await body(closed)).closedAt).toEqual(expect.any(String));
    // Closing again is the no-op a repeat is; a change is refused with a sentence.
    expect((await flow.send(`${u()}/aims/${aim.id}/close`, 'POST', people.coach, undefined, '"2"')).status).toBe(200);
    const change = await flow.send(`${u()}/aims/${aim.id}`, 'PATCH', people.coach, { statement: 'y' }, '"3"');
    expect(change.status).toBe(409);
    expect((await change.json()).detail).toContain('Kehittämistavoite on suljettu');
    const listed = (await body(await t.request(`${u()}/aims`, { as: leader }))).items.find((a: { id: string }) => a.id === aim.id);
    expect(listed).toMatchObject({ statement: 'T3 ≤ 6 vrk', closedAt: expect.any(String) });
    const trail = await body(await t.request(`${u()}/audit`, { as: people.coach }));
    expect(trail.items.filter((e: { entity: { id: string } }) => e.entity.id === aim.id).map((e: { action: string }) => e.action)).toEqual(['close', 'update', 'create']);
  });

  it('answers invalid input with 400 naming the fields', async () => {
    const response = await flow.send(`${u()}/aims`, 'POST', people.coach, { statement: '', targetDate: '30.6.2027', measures: [{ measureKey: '3t', role: 'x' }] });
    expect(response.status).toBe(400);
    const aimProblem = await response.json();
    const fields = aimProblem.errors.map((e: { field: string }) => e.field);
    // Said in the person's language, each field in words.
    expect(aimProblem.errors).toContainEqual({ field: 'json.statement', label: 'Kehittämistavoite', message: 'ei saa olla tyhjä' });
    expect(fields).toEqual(expect.arrayContaining(['json.statement', 'json.targetDate', 'json.measures.0.measureKey', 'json.measures.0.role']));
    const cycle = await flow.create();
    const review = await flow.send(`${u()}/cycles/${cycle.id}/reviews`, 'POST', people.coach, { kind: 'plan', date: isoDate(3), startTime: '25:00', durationMinutes: 5, participantIds: [] });
    expect(review.status).toBe(400);
    expect((await review.json()).errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['json.startTime', 'json.durationMinutes', 'json.participantIds', 'json.place']),
    );
    const stranger = await flow.send(`${u()}/cycles/${cycle.id}/reviews`, 'POST', people.coach, { kind: 'plan', date: isoDate(3), startTime: '10:00', durationMinutes: 60, place: 'Room', participantIds: [outsider] });
    expect(stranger.status).toBe(400);
    const strangerProblem = await stranger.json();
    expect(strangerProblem.errors[0]).toMatchObject({ field: 'body.participantIds', label: 'Osallistujat', message: expect.stringContaining('eivät ole yksikön jäseniä') });
    expect(JSON.stringify(strangerProblem)).not.toContain(outsider);
  });

  it('refuses an illegal transition with 409 and a sentence, a stale edit with 412, and one of two concurrent edits', async () => {
    const cycle = await flow.create();
    const illegal = await flow.send(`${u()}/cycles/${cycle.id}/transitions`, 'POST', people.supervisor, { to: 'adopted' }, '"1"');
    expect(illegal.status).toBe(409);
    expect((await illegal.json()).detail).toBe('Sykli ei voi siirtyä vaiheesta ”Suunnittele” vaiheeseen ”Otettu käyttöön”.');
    const noDates = await flow.send(`${u()}/cycles/${cycle.id}/transitions`, 'POST', people.supervisor, { to: 'doing' }, '"1"');
    expect(noDates.status).toBe(409);
    expect((await noDates.json()).detail).toContain('kokeilun alku- ja loppupäivä');
    expect((await flow.send(`${u()}/cycles/${cycle.id}`, 'PATCH', people.supervisor, { objective: 'x' })).status).toBe(428);

    const edits = await Promise.all([
      flow.send(`${u()}/cycles/${cycle.id}`, 'PATCH', people.coach, { objective: 'Coach’s words' }, '"1"'),
      flow.send(`${u()}/cycles/${cycle.id}`, 'PATCH', admin, { objective: 'Admin’s words' }, '"1"'),
    ]);
    expect(edits.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await flow.send(`${u()}/cycles/${cycle.id}`, 'PATCH', people.supervisor, { objective: 'late' }, '"1"')).status).toBe(412);
    const current = await t.request(`${u()}/cycles/${cycle.id}`, { as: leader });
    expect(current.headers.get('etag')).toBe('"2"');
  });

  it('takes a cycle into Do (its workflow starts), schedules, moves and cancels reviews with .ics in the outbox, and lists the board', async () => {
    const cycle = await flow.inDo(30);
    expect(cycle).toMatchObject({ phase: 'doing', workflow: { attempt: 1 }, allowedTransitions: [] });
    expect(t.pdsa.engine.executions().map((e) => e.name)).toContain(`${cycle.id}-a1`);
    const doingEdit = await flow.send(`${u()}/cycles/${cycle.id}`, 'PATCH', people.supervisor, { plan: { who: '', what: '', where: '', doStart: null, doEnd: null, dataCollection: '' } }, `"${cycle.version}"`);
    expect(doingEdit.status).toBe(409);

    const past = await flow.send(`${u()}/cycles/${cycle.id}/reviews`, 'POST', people.coach, { kind: 'plan', date: isoDate(-1), startTime: '09:00', durationMinutes: 45, place: 'Room', participantIds: people.supervisors });
    expect(past.status).toBe(400);
    expect((await past.json()).errors).toEqual([{ field: 'body.date', label: 'Päivä', message: 'Katselmointia ei voi sopia menneeseen aikaan. Valitse tuleva päivä ja kellonaika.' }]);
    const newReview = { kind: 'plan', date: '2027-07-01', startTime: '09:00', durationMinutes: 45, meetingUrl: 'https://teams.example/abc', participantIds: people.supervisors };
    expect((await flow.send(`${u()}/cycles/${cycle.id}/reviews`, 'POST', people.supervisor, newReview)).status).toBe(403);
    expect((await flow.send(`${u()}/cycles/${cycle.id}/reviews`, 'POST', leader, newReview)).status).toBe(403);
    const review = await body(await flow.send(`${u()}/cycles/${cycle.id}/reviews`, 'POST', people.coach, newReview));
    expect(review).toMatchObject({ status: 'scheduled', sequence: 0, startsAt: '2027-07-01T06:00:00.000Z', coachId: people.coach });
    const moved = await body(await flow.send(`${u()}/cycles/${cycle.id}/reviews/${review.id}`, 'PATCH', people.coach, { ...newReview, kind: undefined, date: '2027-07-02' }, '"1"'));
    expect(moved.sequence).toBe(1);
    const cancelled = await body(await flow.send(`${u()}/cycles/${cycle.id}/reviews/${review.id}/cancel`, 'POST', people.coach, undefined, '"2"'));
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect((await flow.send(`${u()}/cycles/${cycle.id}/reviews/${review.id}/cancel`, 'POST', people.coach, undefined, '"2"')).status).toBe(200);

    const outbox = await body(await t.request('/api/outbox?limit=50', { as: people.supervisor }));
    const about = outbox.items.filter((m: any) => m.about.reviewId === review.id);
    expect(about.map((m: any) => m.kind)).toEqual(['review-cancellation', 'review-reschedule', 'review-invitation'].flatMap((k) => people.supervisors.map(() => k)));
    // The coach who organises the review gets each message too, for their own calendar.
    const coachOutbox = await body(await t.request('/api/outbox?limit=50', { as: people.coach }));
    expect(coachOutbox.items.filter((m: any) => m.about.reviewId === review.id).map((m: any) => m.kind)).toEqual(['review-cancellation', 'review-reschedule', 'review-invitation']);
    const ics = await t.request(`/api/outbox/${about[0].id}/attachments/0`, { as: people.supervisor });
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain('METHOD:CANCEL');
    expect(text).toContain('SEQUENCE:2');
    expect((await t.request('/api/outbox')).status).toBe(401);
    expect((await t.request(`/api/outbox/${about[0].id}/attachments/3`, { as: people.supervisor })).status).toBe(404);

    const board = await body(await t.request(`${u()}/cycles?phase=doing`, { as: leader }));
    expect(board.items.every((c: any) => c.phase === 'doing')).toBe(true);
    expect(board.phaseCounts.doing).toBeGreaterThanOrEqual(1);
    const timeline = await body(await t.request(`${u()}/audit?entityId=${cycle.id}`, { as: leader }));
    expect(timeline.items.map((e: any) => e.action)).toEqual(['to:doing', 'update', 'create']);
    expect(timeline.items[0]).toMatchObject({ actor: { type: 'person', personId: people.supervisor }, changes: expect.arrayContaining([{ field: 'phase', from: 'planning', to: 'doing' }]) });
    await t.pdsa.engine.stop();
  });

  describe('with a Do period that ends at once', () => {
    let t2: TestApp;
    beforeAll(async () => {
      t2 = await createTestApp({ waitOverridesMs: { WaitForDoEnd: 0 } });
    });

    it('records a study review’s outcome once: the same outcome twice has one effect, and shows the coach’s agenda', async () => {
      const f2 = cycleFlow(t2, people);
      const cycle = await f2.inDo();
      await until(async () => t2.pdsa.engine.pendingTokens().length === 1, 'the study-review wait');
      const due = await body(await t2.request('/api/me/agenda', { as: people.coach }));
      expect(due.studiesDue.map((c: any) => c.id)).toContain(cycle.id);

      let review = await f2.scheduleStudyReview(cycle.id);
      const agenda = await body(await t2.request('/api/me/agenda', { as: people.coach }));
      expect(agenda.upcoming.map((r: any) => r.id)).toContain(review.id);
      expect(agenda.studiesDue.map((c: any) => c.id)).not.toContain(cycle.id);
      expect((await body(await t2.request('/api/me/agenda', { as: people.supervisor }))).upcoming).toEqual([]);

      expect((await f2.outcome(cycle.id, review, 'adopt', people.supervisor)).status).toBe(403);
      // The meeting has not started: it has no outcome yet.
      const early = await f2.outcome(cycle.id, review, 'adopt');
      expect(early.status).toBe(409);
      const earlyProblem = await early.json();
      expect(earlyProblem.type).toBe('urn:sykli:problem:review.notStarted');
      expect(earlyProblem.detail).toMatch(/^Katselmointi ei ole vielä alkanut\. Tuloksen voi kirjata, kun se alkaa \(\d/);
      review = await f2.startReview(review);
      const unwritten = await f2.outcome(cycle.id, review, 'adopt');
      expect(unwritten.status).toBe(409);
      expect((await unwritten.json()).type).toBe('urn:sykli:problem:cycle.studyNotWritten');
      await f2.writeStudy(cycle.id);
      const [first, second] = await Promise.all([f2.outcome(cycle.id, review, 'adopt'), f2.outcome(cycle.id, review, 'adopt')]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect((await f2.outcome(cycle.id, review, 'adopt')).status).toBe(200);
      expect((await f2.outcome(cycle.id, review, 'abandon')).status).toBe(409);
      await t2.pdsa.engine.waitFor(`${cycle.id}-a1`);
      const cycleTrail = await body(await t2.request(`${u()}/audit?entityId=${cycle.id}`, { as: people.coach }));
      expect(cycleTrail.items.filter((e: any) => e.action === 'recordDecision')).toHaveLength(1);
      expect(cycleTrail.items.filter((e: any) => e.action === 'applyDecision')).toHaveLength(1);
      const reviewTrail = await body(await t2.request(`${u()}/audit?entityId=${review.id}`, { as: people.coach }));
      // The 'reschedule' is the test's clock moving the meeting's start into the past.
      expect(reviewTrail.items.map((e: any) => e.action)).toEqual(['recordOutcome', 'reschedule', 'schedule']);
      // What operators see in the business metrics: one start, one review, one decision, however often it was sent.
      expect(Object.fromEntries(t2.counted)).toMatchObject({ CyclesStarted: 1, ReviewsScheduled: 1, CyclesDecided: 1 });
      expect(await f2.phaseOf(cycle.id)).toBe('adopted');
      const embedding = await f2.send(`${u()}/cycles/${cycle.id}/transitions`, 'POST', people.supervisor, { to: 'embedding' }, `"${(await f2.get(cycle.id)).version}"`);
      expect((await body(embedding)).phase).toBe('embedding');
      await t2.pdsa.engine.stop();
      // A workflow, a review and three decisions: on a busy machine more than the default 30 s.
    }, 60_000);
  });
});
