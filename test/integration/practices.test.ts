import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Keski-Suomi: Palokka adopted "Takaisinsoitto samana päivänä" (palokka-ramp-3). Kaisa Nieminen
// supervises Hankasalmi and Uurainen only, so Palokka's cycles and charts are not hers to read.
const AREA = 'keski-suomi';
const PRACTICE = { unitId: 'palokka', cycleId: 'palokka-ramp-3' };
const SUPERVISOR = 'kaisa-nieminen';
const PALOKKA_SUPERVISOR = 'minna-hakala';
const LEADER = 'jukka-heikkinen';
const OTHER_LEADER = 'riitta-makela';

async function json(response: Response, status: number) {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as Record<string, any>;
}

describe("good practices across the area, and starting one's own cycle from one", () => {
  let t: TestApp;
  const post = (path: string, as: string, body: unknown) =>
    t.request(path, { as, method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'fi' }, body: JSON.stringify(body) });
  const practices = async (as: string) => (await json(await t.request(`/api/areas/${AREA}/practices`, { as }), 200)).practices as any[];
  const callback = (list: any[]) => list.find((p) => p.unitId === PRACTICE.unitId && p.cycleId === PRACTICE.cycleId);

  beforeAll(async () => {
    t = await createTestApp();
  });

  it("shows a supervisor another unit's adopted change, and the units where they may start a cycle from it", async () => {
    const practice = callback(await practices(SUPERVISOR));
    expect(practice).toMatchObject({ unitName: { fi: 'Palokan terveysasema' }, title: 'Takaisinsoitto samana päivänä – kaikki hoitajat' });
    expect(practice.reason).toBe('Tavoitesuunta selvä ja malli toimii arjessa.');
    expect(practice.measures.map((m: any) => m.measureKey)).toEqual(['t3']);
    // Her own units are offered; Palokka's cycle and chart are not hers to open.
    expect(practice.can.startIn.map((u: any) => u.unitId).sort()).toEqual(['hankasalmi', 'uurainen']);
    expect(practice.can.openEvidence).toBe(false);
    // The leader reads everything but plans no cycles; a leader of another area sees nothing.
    expect(callback(await practices(LEADER)).can).toEqual({ openEvidence: true, startIn: [] });
    expect((await t.request(`/api/areas/${AREA}/practices`, { as: OTHER_LEADER })).status).toBe(404);
  });

  it("starts a draft cycle pre-filled with the practice's plan, linked back to it and audited", async () => {
    const cycle = await json(await post('/api/units/hankasalmi/cycles/from-practice', SUPERVISOR, PRACTICE), 201);
    expect(cycle).toMatchObject({
      unitId: 'hankasalmi',
      phase: 'planning',
      title: 'Takaisinsoitto samana päivänä – kaikki hoitajat',
      plan: { who: 'Kaikki vastaanoton hoitajat', what: 'Takaisinsoitot samana päivänä, maanantaisin lisähoitaja', doStart: null, doEnd: null },
      fromPractice: { areaId: AREA, unitId: 'palokka', cycleId: 'palokka-ramp-3', unitName: { fi: 'Palokan terveysasema' } },
      can: { edit: true },
    });
    // Hankasalmi tracks T3, so the question keeps its measure; Palokka's predicted value is not Hankasalmi's.
    expect(cycle.questions[0]).toMatchObject({ measureKey: 't3', expectedDirection: 'decrease' });
    expect(cycle.questions[0].expectedValue).toBeUndefined();

    const trail = await json(await t.request(`/api/units/hankasalmi/audit?entityId=${cycle.id}`, { as: SUPERVISOR }), 200);
    expect(trail.items.map((e: any) => e.action)).toEqual(['createFromPractice']);
    expect(trail.items[0].actor).toMatchObject({ personId: SUPERVISOR });

    // The practice now shows where it was taken up; the supervisor may open that cycle, being hers.
    const practice = callback(await practices(SUPERVISOR));
    expect(practice.startedIn).toEqual([expect.objectContaining({ unitId: 'hankasalmi', cycleId: cycle.id, can: { open: true } })]);
    expect(callback(await practices(PALOKKA_SUPERVISOR)).startedIn[0].can).toEqual({ open: false });
  });

  it("refuses a unit's own practice, a cycle that is no practice, a practice of another area and someone outside the unit", async () => {
    const own = await json(await post('/api/units/palokka/cycles/from-practice', PALOKKA_SUPERVISOR, PRACTICE), 400);
    expect(own.errors[0].message).toMatch(/Käytäntö on tämän yksikön oma/);
    const notAdopted = await json(await post('/api/units/hankasalmi/cycles/from-practice', SUPERVISOR, { unitId: 'sampoharju', cycleId: 'sampoharju-omaolo-1' }), 400);
    expect(notAdopted.errors[0].message).toMatch(/Hyvää käytäntöä ei löydy tältä alueelta/);
    expect((await post('/api/units/hankasalmi/cycles/from-practice', SUPERVISOR, { unitId: 'alajarvi', cycleId: 'alajarvi-own-worker-1' })).status).toBe(400);
    // Palokka's supervisor does not work in Hankasalmi: for her the unit is not there.
    expect((await post('/api/units/hankasalmi/cycles/from-practice', PALOKKA_SUPERVISOR, PRACTICE)).status).toBe(404);
    expect((await post('/api/units/hankasalmi/cycles/from-practice', LEADER, PRACTICE)).status).toBe(403);
  });
});
