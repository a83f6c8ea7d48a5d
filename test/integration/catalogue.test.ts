import { beforeAll, describe, expect, it } from 'vitest';
import { addPeriods } from '../../functions/domain/period.js';
import { duePeriod } from '../../functions/domain/round-schedule.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ADMIN = 'tiina-koskinen';
// Hankasalmi tracks T3 in the demo seed; Kaisa is its supervisor, Eero its coach, Jukka leads the area.
const UNIT = '/api/units/hankasalmi';
const SUPERVISOR = 'kaisa-nieminen';
const COACH = 'eero-salminen';
const LEADER = 'jukka-heikkinen';
const names = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });
const REASON = 'Mukaan lasketaan myös etävastaanottojen ajat.';

const callbacks = {
  key: 'takaisinsoitot', name: names('Takaisinsoitot'), definition: names('Päivän aikana soitetut takaisinsoitot'), unitLabel: names('kpl'),
  type: 'process', valueKind: 'count', better: 'higher', frequency: 'weekly', chart: 'c', validRange: { min: 0, max: 1000 }, multiply: 1, source: 'Puhelinjärjestelmä',
};

describe('an admin keeps the measure catalogue, and units move to a new definition when they choose', () => {
  let t: TestApp;
  const due = duePeriod('weekly', new Date());
  const send = (path: string, method: string, as: string, payload?: unknown, ifMatch?: string) =>
    t.request(path, {
      method,
      as,
      headers: { 'accept-language': 'fi', ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  const json = async (response: Response, status: number) => {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    return JSON.parse(text);
  };

  beforeAll(async () => {
    t = await createTestApp();
  });

  it('shows admins every definition in three languages with its versions, and no one else', async () => {
    const list = await json(await send('/api/admin/catalogue', 'GET', ADMIN), 200);
    const t3 = list.items.find((e: { key: string }) => e.key === 't3');
    expect(t3.current).toMatchObject({ definitionVersion: 1, name: { fi: expect.stringContaining('T3'), sv: expect.stringContaining('T3'), en: expect.stringContaining('T3') } });
    expect(t3.versions).toHaveLength(1);
    await json(await send('/api/admin/catalogue', 'GET', SUPERVISOR), 403);
  });

  it('adds a catalogue measure validated as the API validates definitions, once per key', async () => {
    const added = await json(await send('/api/admin/catalogue', 'POST', ADMIN, callbacks), 201);
    expect(added).toMatchObject({ key: 'takaisinsoitot', current: { definitionVersion: 1, name: names('Takaisinsoitot') } });
    const taken = await json(await send('/api/admin/catalogue', 'POST', ADMIN, callbacks), 409);
    expect(taken.detail).toContain('takaisinsoitot');
    const invalid = await json(await send('/api/admin/catalogue', 'POST', ADMIN, { ...callbacks, key: 'toinen', validRange: { min: 5, max: 1 } }), 400);
    expect(invalid.errors[0].field).toContain('validRange');
    await json(await send('/api/admin/catalogue', 'POST', COACH, { ...callbacks, key: 'valmentajan' }), 403);
    // Units can track the new measure at once.
    const catalogue = await json(await send('/api/measures', 'GET', COACH), 200);
    expect(catalogue.items.map((m: { key: string }) => m.key)).toContain('takaisinsoitot');
  });

  it('publishes a new definition version with what changed and from which period, in the admins\' audit trail', async () => {
    const validFrom = addPeriods(due, -2);
    const unchanged = await json(await send('/api/admin/catalogue/t3/versions', 'POST', ADMIN, { changes: { chart: 'i' }, reason: REASON, validFrom }), 400);
    expect(unchanged.errors[0]).toMatchObject({ field: 'body.changes', message: expect.stringContaining('Mikään kohta ei muuttunut') });
    const monthly = await json(await send('/api/admin/catalogue/t3/versions', 'POST', ADMIN, { changes: { chart: 'run' }, reason: REASON, validFrom: '2026-11' }), 400);
    expect(monthly.errors[0].field).toBe('body.validFrom');
    await json(await send('/api/admin/catalogue/eiole/versions', 'POST', ADMIN, { changes: { chart: 'run' }, reason: REASON, validFrom }), 404);
    await json(await send('/api/admin/catalogue/t3/versions', 'POST', SUPERVISOR, { changes: { chart: 'run' }, reason: REASON, validFrom }), 403);

    const published = await json(await send('/api/admin/catalogue/t3/versions', 'POST', ADMIN, { changes: { validRange: { min: 0, max: 120 } }, reason: REASON, validFrom }), 201);
    expect(published.current).toMatchObject({
      definitionVersion: 2,
      validRange: { min: 0, max: 120 },
      change: { reason: REASON, validFrom, changedFields: ['validRange'], publishedBy: { personId: ADMIN } },
    });
    expect(published.versions.map((v: { definitionVersion: number }) => v.definitionVersion)).toEqual([1, 2]);

    const trail = await json(await send('/api/admin/audit?kind=catalogueMeasure', 'GET', ADMIN), 200);
    expect(trail.items[0]).toMatchObject({
      actor: { personId: ADMIN },
      entity: { type: 'catalogueMeasure', id: 't3' },
      action: 'publishVersion',
      changes: [
        { field: 'definitionVersion', from: 1, to: 2 },
        { field: 'validRange', from: { min: 0, max: 182 }, to: { min: 0, max: 120 } },
        { field: 'reason', from: null, to: REASON },
        { field: 'validFrom', from: null, to: validFrom },
      ],
    });
    expect(trail.items[1]).toMatchObject({ entity: { type: 'catalogueMeasure', id: 'takaisinsoitot' }, action: 'create' });
  });

  it('tells the unit of the new version, and its coach moves to it from a period of their choosing, where its chart starts a new phase with that reason', async () => {
    const validFrom = addPeriods(due, -2);
    const list = await json(await send(`${UNIT}/measures`, 'GET', SUPERVISOR), 200);
    const t3 = list.items.find((m: { key: string }) => m.key === 't3');
    expect(t3.catalogueUpdate).toEqual({ catalogueVersion: 2, reason: REASON, validFrom, changedFields: ['validRange'] });
    const path = `${UNIT}/measures/t3/catalogue-version`;
    const etag = `"${t3.version}"`;

    await json(await send(path, 'POST', LEADER, { catalogueVersion: 2, validFrom }, etag), 403);
    await json(await send(path, 'POST', COACH, { catalogueVersion: 2, validFrom }), 428);
    const early = await json(await send(path, 'POST', COACH, { catalogueVersion: 2, validFrom: addPeriods(validFrom, -1) }, etag), 400);
    expect(early.errors[0].message).toContain('alkaen');
    await json(await send(path, 'POST', COACH, { catalogueVersion: 3, validFrom }, etag), 400);

    const moveFrom = addPeriods(due, -1);
    const moved = await json(await send(path, 'POST', COACH, { catalogueVersion: 2, validFrom: moveFrom }, etag), 201);
    expect(moved.versions.at(-1)).toMatchObject({ validFrom: moveFrom, catalogueVersion: 2, reason: REASON, fields: { validRange: { min: 0, max: 120 } } });
    const chart = await json(await send(`${UNIT}/measures/t3/series`, 'GET', SUPERVISOR), 200);
    expect(chart.analysis.phases).toContainEqual(expect.objectContaining({ startPeriod: moveFrom, reason: REASON, kind: 'definition' }));

    const after = await json(await send(`${UNIT}/measures`, 'GET', SUPERVISOR), 200);
    expect(after.items.find((m: { key: string }) => m.key === 't3').catalogueUpdate).toBeNull();
    await json(await send(path, 'POST', COACH, { catalogueVersion: 2, validFrom: due }, `"${moved.version}"`), 409);

    const trail = await json(await send(`${UNIT}/audit?entityId=t3`, 'GET', SUPERVISOR), 200);
    expect(trail.items.map((e: { action: string }) => e.action)).toContain('moveToCatalogueVersion');
  });

  it("keeps a catalogue measure's definition to the catalogue, and a unit's own measure out of it", async () => {
    const t3 = (await json(await send(`${UNIT}/measures`, 'GET', SUPERVISOR), 200)).items.find((m: { key: string }) => m.key === 't3');
    const own = await json(await send(`${UNIT}/measures/t3/versions`, 'POST', COACH, { validFrom: due, reason: 'Oma muutos' }, `"${t3.version}"`), 409);
    expect(own.detail).toContain('mittaristosta');
  });
});
