import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID } from '../../functions/api/auth/local-issuer.js';
import { addPeriods } from '../../functions/domain/period.js';
import { duePeriod } from '../../functions/domain/round-schedule.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ADMIN = 'tiina-koskinen';
/** The local sign-in page, which lists the people who may sign in. */
const SIGN_IN_PAGE = `/auth/authorize?${new URLSearchParams({
  response_type: 'code', client_id: LOCAL_CLIENT_ID, redirect_uri: 'http://localhost/auth/callback', state: 's',
  code_challenge: 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq', code_challenge_method: 'S256',
})}`;
const names = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });

describe("an admin sets up the organisation, and every change is in the admins' audit trail", () => {
  let t: TestApp;
  const send = (path: string, method: string, payload?: unknown, ifMatch?: string, as = ADMIN) =>
    t.request(path, {
      method,
      as,
      headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
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

  it('creates an area with a unit and its branch, and renames the area against its version', async () => {
    const area = await json(await send('/api/areas', 'POST', { id: 'jarvimaa', name: names('Järvimaa') }), 201);
    expect(area).toMatchObject({ id: 'jarvimaa', version: 1 });
    await json(await send('/api/areas', 'POST', { id: 'jarvimaa', name: names('Järvimaa') }), 409);
    const unit = { name: names('Rantala'), kind: 'soteCentre', municipality: 'Rantala' };
    await json(await send('/api/areas/jarvimaa/units', 'POST', { id: 'rantala', ...unit }), 201);
    const branch = await json(await send('/api/areas/jarvimaa/units', 'POST', { id: 'rantala-pohjoinen', ...unit, parentId: 'rantala' }), 201);
    expect(branch.parentId).toBe('rantala');
    // A branch of a branch, or of a unit of another area, is refused with the field named.
    const deep = await json(await send('/api/areas/jarvimaa/units', 'POST', { id: 'syva', ...unit, parentId: 'rantala-pohjoinen' }), 400);
    expect(deep.errors[0].field).toBe('body.parentId');
    await json(await send('/api/areas/jarvimaa/units', 'POST', { id: 'vieras', ...unit, parentId: 'palokka' }), 400);

    await json(await send('/api/areas/jarvimaa', 'PATCH', { name: names('Järvimaan hyvinvointialue') }, '"9"'), 412);
    await json(await send('/api/areas/jarvimaa', 'PATCH', { name: names('Järvimaan hyvinvointialue') }), 428);
    expect(await json(await send('/api/areas/jarvimaa', 'PATCH', { name: names('Järvimaan hyvinvointialue') }, '"1"'), 200)).toMatchObject({ version: 2 });

    const trail = await json(await t.request('/api/admin/audit?kind=area', { as: ADMIN }), 200);
    expect(trail.items[0]).toMatchObject({
      actor: { personId: ADMIN },
      entity: { type: 'area', id: 'jarvimaa' },
      action: 'rename',
      changes: [{ field: 'name', from: names('Järvimaa'), to: names('Järvimaan hyvinvointialue') }],
    });
  });

  it('makes an area bilingual, audited, and its briefing is then given in Finnish and Swedish', async () => {
    const created = await json(await send('/api/areas', 'POST', { id: 'saarimaa', name: names('Saarimaa') }), 201);
    expect(created.languages).toEqual(['fi']);
    expect((await json(await t.request('/api/areas/saarimaa/briefing', { as: ADMIN }), 200)).languages).toEqual(['fi']);

    const refused = await json(await send('/api/areas/saarimaa', 'PATCH', { languages: [] }, '"1"'), 400);
    expect(refused.errors[0].field).toBe('json.languages');
    const changed = await json(await send('/api/areas/saarimaa', 'PATCH', { languages: ['sv', 'fi'] }, '"1"'), 200);
    expect(changed).toMatchObject({ name: names('Saarimaa'), languages: ['sv', 'fi'], version: 2 });

    const trail = await json(await t.request('/api/admin/audit?kind=area', { as: ADMIN }), 200);
    expect(trail.items[0]).toMatchObject({
      actor: { personId: ADMIN },
      entity: { type: 'area', id: 'saarimaa' },
      action: 'update',
      changes: [{ field: 'languages', from: ['fi'], to: ['sv', 'fi'] }],
    });
    // Finnish first, whatever order the admin ticked them in.
    expect((await json(await t.request('/api/areas/saarimaa/briefing', { as: ADMIN }), 200)).languages).toEqual(['fi', 'sv']);
    // A rename keeps the languages.
    const renamed = await json(await send('/api/areas/saarimaa', 'PATCH', { name: names('Saariston hyvinvointialue') }, '"2"'), 200);
    expect(renamed.languages).toEqual(['sv', 'fi']);
  });

  it('adds a person who signs in at once, gives and removes a role that applies to their next request, and deactivates them', async () => {
    const added = await json(await send('/api/admin/people', 'POST', { name: 'Leena Järvinen', email: 'leena.jarvinen@jarvimaa.example', locale: 'sv' }), 201);
    expect(added.person).toMatchObject({ id: 'leena-jarvinen', locale: 'sv' });
    await json(await send('/api/admin/people', 'POST', { name: 'Toinen Leena', email: 'LEENA.JARVINEN@jarvimaa.example', locale: 'fi' }), 409);
    const page = await (await t.app.request(SIGN_IN_PAGE)).text();
    expect(page).toContain('Leena Järvinen');

    const given = await json(await send('/api/admin/people/leena-jarvinen/roles', 'POST', { role: 'coach', unitId: 'rantala' }), 201);
    expect(given.memberships).toEqual([{ personId: 'leena-jarvinen', role: 'coach', areaId: 'jarvimaa', unitId: 'rantala' }]);
    await json(await send('/api/admin/people/leena-jarvinen/roles', 'POST', { role: 'coach', unitId: 'rantala' }), 409);
    await json(await send('/api/admin/people/leena-jarvinen/roles', 'POST', { role: 'coach', areaId: 'jarvimaa' }), 400);
    await json(await t.request('/api/units/rantala', { as: 'leena-jarvinen' }), 200);

    await json(await send('/api/admin/people/leena-jarvinen/roles?role=coach', 'DELETE'), 400);
    await json(await send('/api/admin/people/leena-jarvinen/roles?role=coach&unitId=rantala', 'DELETE'), 200);
    await json(await t.request('/api/units/rantala', { as: 'leena-jarvinen' }), 404);
    await json(await send('/api/admin/people/leena-jarvinen/roles?role=coach&unitId=rantala', 'DELETE'), 404);
    // An admin cannot lock themself out.
    await json(await send(`/api/admin/people/${ADMIN}/roles?role=admin`, 'DELETE'), 409);

    await json(await send('/api/admin/people/leena-jarvinen/deactivate', 'POST', undefined, '"1"'), 200);
    expect((await t.request('/api/me', { as: 'leena-jarvinen' })).status).toBe(401);
    const after = await (await t.app.request(SIGN_IN_PAGE)).text();
    expect(after).not.toContain('Leena Järvinen');

    const trail = await json(await t.request('/api/admin/audit?personId=leena-jarvinen', { as: ADMIN }), 200);
    expect(trail.items.map((e: { entity: { type: string }; action: string }) => `${e.entity.type} ${e.action}`)).toEqual([
      'person deactivate',
      'role revoke',
      'role grant',
      'person create',
    ]);
    expect(trail.items[1].changes).toEqual([{ field: 'role', from: { role: 'coach', areaId: 'jarvimaa', unitId: 'rantala' }, to: null }]);
  });

  it("moves a unit with its people's roles, and closes one: its history stays, it takes no new figures and leaves the overview", async () => {
    // Hankasalmi's coach and supervisor move with it to Järvimaa.
    const moved = await json(await send('/api/units/hankasalmi/move', 'POST', { areaId: 'jarvimaa' }, '"1"'), 200);
    expect(moved).toMatchObject({ areaId: 'jarvimaa', version: 2 });
    const supervisor = await t.deps.people.getWithMemberships('kaisa-nieminen');
    expect(supervisor?.memberships).toContainEqual({ personId: 'kaisa-nieminen', role: 'supervisor', areaId: 'jarvimaa', unitId: 'hankasalmi' });
    expect((await json(await t.request('/api/areas/keski-suomi/units?limit=100', { as: ADMIN }), 200)).items.map((u: { id: string }) => u.id)).not.toContain('hankasalmi');
    await json(await send('/api/units/rantala/move', 'POST', { areaId: 'keski-suomi' }, '"1"'), 409);

    const period = addPeriods(duePeriod('weekly', new Date()), -1);
    await json(await send('/api/units/rantala-pohjoinen/close', 'POST', undefined, '"1"'), 200);
    await json(await send('/api/units/hankasalmi/close', 'POST', undefined, '"2"'), 200);
    await json(await send('/api/units/hankasalmi/close', 'POST', undefined, '"3"'), 409);
    const refused = await json(await send(`/api/units/hankasalmi/measures/t3/periods/${period}`, 'PUT', { value: 5 }, undefined, 'kaisa-nieminen'), 409);
    expect(refused.type).toBe('urn:sykli:problem:unit.closed');
    const unit = await json(await t.request('/api/units/hankasalmi', { as: 'kaisa-nieminen' }), 200);
    expect(unit.can).toMatchObject({ writeFigures: false, manageMeasures: false });
    expect((await json(await t.request('/api/units/hankasalmi/measures/t3/series', { as: 'kaisa-nieminen' }), 200)).analysis.points.length).toBeGreaterThan(0);

    await expect.poll(async () => (await json(await t.request('/api/areas/jarvimaa/overview', { as: ADMIN }), 200)).units.map((u: { unitId: string }) => u.unitId), { timeout: 10_000 }).not.toContain('hankasalmi');

    const trail = await json(await t.request('/api/admin/audit?unitId=hankasalmi', { as: ADMIN }), 200);
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['close', 'move']);
    expect(trail.items[1].changes).toEqual([{ field: 'areaId', from: 'keski-suomi', to: 'jarvimaa' }]);
  });

  it('refuses everyone but admins, and hostile input with a problem', async () => {
    for (const [path, method, payload] of [
      ['/api/areas', 'POST', { id: 'x', name: names('X') }],
      ['/api/admin/people', 'GET', undefined],
      ['/api/admin/audit', 'GET', undefined],
    ] as const) {
      const response = await send(path, method, payload, undefined, 'jukka-heikkinen');
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    for (const [path, method, payload] of [
      ['/api/areas', 'POST', { id: '../x', name: names('X') }],
      ['/api/admin/people', 'POST', { name: 'X', email: 'not an address', locale: 'fi' }],
      ['/api/admin/people/leena-jarvinen/roles', 'POST', { role: 'owner' }],
      ['/api/admin/audit?from=yesterday', 'GET', undefined],
      ['/api/units/rantala/move', 'POST', { areaId: 'jarvimaa', extra: true }],
    ] as const) {
      const response = await send(path, method, payload, '"1"');
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
