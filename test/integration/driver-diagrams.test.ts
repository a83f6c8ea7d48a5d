import { beforeAll, describe, expect, it } from 'vitest';
// First: the API's routes call .openapi() on domain schemas, which exists only on schemas made after @hono/zod-openapi loaded.
import { createTestApp, type TestApp } from '../support/test-app.js';
import { demoMemberships } from '../../functions/runtime/seed/demo-organisation.js';
import { body, cycleFlow, demoUnitWithPeople } from '../support/cycle-flow.js';

const people = demoUnitWithPeople();
const leader = people.leaders[0]!;
const outsider = demoMemberships.find(
  (m) => m.role === 'supervisor' && m.unitId !== people.unit.id && !demoMemberships.some((o) => o.personId === m.personId && 'unitId' in o && o.unitId === people.unit.id),
)!.personId;

describe("an aim's driver diagram", () => {
  let t: TestApp;
  let flow: ReturnType<typeof cycleFlow>;
  const u = () => `/api/units/${people.unit.id}`;
  beforeAll(async () => {
    t = await createTestApp();
    flow = cycleFlow(t, people);
  });

  /** An aim of its own for each test, so that the tests do not see each other's drivers. */
  async function newAim(statement: string) {
    return body(await flow.send(`${u()}/aims`, 'POST', people.coach, { statement, targetDate: '2027-06-30', measures: [{ measureKey: 't3', role: 'outcome' }] }));
  }

  it('is built by the coach and the supervisor, shows each cycle under its change idea and driver, and is read by the area leader', async () => {
    const aim = await newAim('T3 at most 3 days by June 2027');
    const a = `${u()}/aims/${aim.id}`;
    const access = await body(await flow.send(`${a}/drivers`, 'POST', people.coach, { text: 'Enough non-urgent appointments' }));
    const phone = await body(await flow.send(`${a}/drivers`, 'POST', people.supervisor, { text: 'Nurses reach callers the same day', parentId: access.id }));
    const staff = await body(await flow.send(`${a}/drivers`, 'POST', people.supervisor, { text: 'Staff know the new way' }));
    expect([access.order, phone.order, staff.order]).toEqual([0, 0, 1]);

    // A change idea of the aim, placed under the secondary driver, and a cycle testing it.
    const idea = await body(await flow.send(`${u()}/change-ideas`, 'POST', people.supervisor, { title: 'Same-day call-backs', aimId: aim.id }));
    const placed = await flow.send(`${a}/change-ideas/${idea.id}/driver`, 'PUT', people.coach, { driverId: phone.id }, `"${idea.version}"`);
    expect(placed.status).toBe(200);
    expect(placed.headers.get('etag')).toBe('"2"');
    expect((await body(placed)).driverId).toBe(phone.id);
    const cycle = await flow.create(people.supervisor, { changeIdeaId: idea.id, aimId: aim.id });

    const diagram = await body(await t.request(`${a}/driver-diagram`, { as: leader }));
    expect(diagram.aim).toEqual({ id: aim.id, statement: 'T3 at most 3 days by June 2027' });
    expect(diagram.can).toEqual({ edit: false });
    expect(diagram.primaries.map((p: any) => p.driver.text)).toEqual(['Enough non-urgent appointments', 'Staff know the new way']);
    const secondary = diagram.primaries[0].secondaries[0];
    expect(secondary.driver.text).toBe('Nurses reach callers the same day');
    expect(secondary.ideas.map((i: any) => i.idea.title)).toEqual(['Same-day call-backs']);
    expect(secondary.ideas[0].cycles).toEqual([{ id: cycle.id, title: cycle.title, phase: 'planning', verdicts: [] }]);
    expect(diagram.unplacedIdeas).toEqual([]);
    expect((await body(await t.request(`${a}/driver-diagram`, { as: people.coach }))).can).toEqual({ edit: true });

    // Renamed and moved under the other primary driver; every change is in the unit's audit trail.
    const renamed = await flow.send(`${a}/drivers/${phone.id}`, 'PATCH', people.coach, { text: 'Nurses call back the same day', parentId: staff.id }, '"1"');
    expect(renamed.status).toBe(200);
    const moved = await body(await t.request(`${a}/driver-diagram`, { as: people.coach }));
    expect(moved.primaries[0].secondaries).toEqual([]);
    expect(moved.primaries[1].secondaries[0].driver.text).toBe('Nurses call back the same day');
    const trail = await body(await t.request(`${u()}/audit?entityId=${phone.id}`, { as: people.coach }));
    expect(trail.items.map((e: any) => `${e.entity.type} ${e.action}`)).toEqual(['driver update', 'driver create']);
    expect(trail.items[0].changes).toContainEqual({ field: 'text', from: 'Nurses reach callers the same day', to: 'Nurses call back the same day' });
  });

  it('is refused to the area leader for editing and hidden from another unit', async () => {
    const aim = await newAim('Fewer repeat calls');
    const a = `${u()}/aims/${aim.id}`;
    const refused = await flow.send(`${a}/drivers`, 'POST', leader, { text: 'A driver' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toBe('Sinulla ei ole oikeutta tehdä tätä.');
    expect((await flow.send(`${a}/drivers`, 'POST', outsider, { text: 'A driver' })).status).toBe(404);
    expect((await t.request(`${a}/driver-diagram`, { as: outsider })).status).toBe(404);
    expect((await t.request(`${u()}/aims/no-such-aim/driver-diagram`, { as: people.coach })).status).toBe(404);
  });

  it('refuses, in the person’s language, to remove a driver with secondary drivers or change ideas, and to nest drivers deeper than two levels', async () => {
    const aim = await newAim('Care plans for everyone who needs many services');
    const a = `${u()}/aims/${aim.id}`;
    const primary = await body(await flow.send(`${a}/drivers`, 'POST', people.coach, { text: 'One named worker' }));
    const secondary = await body(await flow.send(`${a}/drivers`, 'POST', people.coach, { text: 'Named at the first contact', parentId: primary.id }));

    const withSub = await flow.send(`${a}/drivers/${primary.id}`, 'DELETE', people.coach);
    expect(withSub.status).toBe(409);
    expect((await withSub.json()).detail).toBe('Ajurilla on vielä toissijaisia ajureita. Poista tai siirrä ne ensin.');

    const deeper = await t.request(`${a}/drivers`, {
      method: 'POST', as: people.coach, headers: { 'content-type': 'application/json', 'accept-language': 'sv' }, body: JSON.stringify({ text: 'Third level', parentId: secondary.id }),
    });
    expect(deeper.status).toBe(400);
    expect((await deeper.json()).errors).toEqual([{ field: 'body.parentId', label: 'Primär drivkraft', message: 'En sekundär drivkraft kan bara läggas under en primär drivkraft.' }]);

    const idea = await body(await flow.send(`${u()}/change-ideas`, 'POST', people.supervisor, { title: 'Own worker', aimId: aim.id, driverId: secondary.id }));
    expect(idea.driverId).toBe(secondary.id);
    const withIdea = await t.request(`${a}/drivers/${secondary.id}`, { method: 'DELETE', as: people.coach, headers: { 'accept-language': 'en' } });
    expect(withIdea.status).toBe(409);
    expect((await withIdea.json()).detail).toBe('The driver still has change ideas under it (1). Move them under another driver before removing it.');

    // Moved out from under it, the driver goes, and then its primary driver.
    expect((await flow.send(`${a}/change-ideas/${idea.id}/driver`, 'PUT', people.supervisor, { driverId: null }, '"1"')).status).toBe(200);
    expect((await flow.send(`${a}/drivers/${secondary.id}`, 'DELETE', people.supervisor)).status).toBe(204);
    expect((await flow.send(`${a}/drivers/${primary.id}`, 'DELETE', people.supervisor)).status).toBe(204);
    const after = await body(await t.request(`${a}/driver-diagram`, { as: people.coach }));
    expect(after.primaries).toEqual([]);
    expect(after.unplacedIdeas.map((i: any) => i.idea.title)).toEqual(['Own worker']);
    const trail = await body(await t.request(`${u()}/audit?entityId=${secondary.id}`, { as: people.coach }));
    expect(trail.items.map((e: any) => e.action)).toEqual(['delete', 'create']);
    expect((await flow.send(`${a}/drivers/${primary.id}`, 'DELETE', people.supervisor)).status).toBe(404);
  });

  it("keeps a change idea's driver within its aim", async () => {
    const aim = await newAim('First contact solves it');
    const other = await newAim('Another aim');
    const driver = await body(await flow.send(`${u()}/aims/${aim.id}/drivers`, 'POST', people.coach, { text: 'Right professional first' }));
    const wrongAim = await flow.send(`${u()}/change-ideas`, 'POST', people.coach, { title: 'Team visit', aimId: other.id, driverId: driver.id });
    expect(wrongAim.status).toBe(400);
    expect((await wrongAim.json()).errors[0]).toMatchObject({ field: 'body.driverId', label: 'Ajuri' });
    const elsewhere = await flow.send(`${u()}/aims/${other.id}/change-ideas/no-such-idea/driver`, 'PUT', people.coach, { driverId: null }, '"1"');
    expect(elsewhere.status).toBe(404);

    const idea = await body(await flow.send(`${u()}/change-ideas`, 'POST', people.coach, { title: 'Team visit', aimId: aim.id, driverId: driver.id }));
    // Moved to another aim, the idea leaves the driver of its old aim behind.
    const moved = await body(await flow.send(`${u()}/change-ideas/${idea.id}`, 'PATCH', people.coach, { aimId: other.id }, '"1"'));
    expect(moved).toMatchObject({ aimId: other.id, driverId: null });
    const notThere = await flow.send(`${u()}/aims/${other.id}/change-ideas/${idea.id}/driver`, 'PUT', people.coach, { driverId: driver.id }, '"2"');
    expect(notThere.status).toBe(400);
  });
});
