import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT, importJWK } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER } from '../../functions/api/auth/local-issuer.js';
import { deployedApiDocument } from '../../functions/api/openapi-document.js';
import type { Membership } from '../../functions/domain/membership.js';
import { measureCatalogue } from '../../functions/domain/measure-catalogue.js';
import { demoAreas, demoMemberships, demoPeople, demoUnits } from '../../functions/runtime/seed/demo-organisation.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Demo people chosen by their roles, so the tests follow the seed rather than its names. */
function personWhere(test: (ms: Membership[]) => boolean): string {
  const person = demoPeople.find((p) => test(demoMemberships.filter((m) => m.personId === p.id)));
  if (!person) throw new Error('The demo organisation has no such person');
  return person.id;
}
const only = (role: Membership['role']) => (ms: Membership[]) => ms.length > 0 && ms.every((m) => m.role === role);
const admin = personWhere(only('admin'));
const leader = personWhere(only('leader'));
const coach = personWhere((ms) => only('coach')(ms) && ms.length >= 2);
const supervisor = personWhere((ms) => only('supervisor')(ms) && ms.length === 1);
const supervisorUnit = demoMemberships.find((m) => m.personId === supervisor && m.role === 'supervisor') as Extract<Membership, { role: 'supervisor' }>;
const leaderArea = (demoMemberships.find((m) => m.personId === leader) as Extract<Membership, { role: 'leader' }>).areaId;
const coachUnits = demoMemberships.flatMap((m) => (m.personId === coach && m.role === 'coach' ? [m.unitId] : []));
const otherUnitSameArea = demoUnits.find((u) => u.areaId === supervisorUnit.areaId && u.id !== supervisorUnit.unitId)!;
const unitElsewhere = demoUnits.find((u) => u.areaId !== supervisorUnit.areaId)!;
const areaElsewhere = demoAreas.find((a) => a.id !== supervisorUnit.areaId)!;

const PROTECTED: [string, string][] = [
  ['GET', '/api/me'],
  ['GET', '/api/areas'],
  ['GET', `/api/areas/${leaderArea}`],
  ['GET', `/api/areas/${leaderArea}/units`],
  ['POST', `/api/areas/${leaderArea}/units`],
  ['GET', `/api/units/${supervisorUnit.unitId}`],
  ['PATCH', `/api/units/${supervisorUnit.unitId}`],
  ['GET', '/api/measures'],
];

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe('the API over the seeded store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  describe('without signing in', () => {
    it('answers health, sign-in settings and the OpenAPI document', async () => {
      expect(await json(await t.request('/api/health'))).toEqual({ status: 'ok', store: 'ok' });
      expect(await json(await t.request('/api/auth-config'))).toMatchObject({ tokenUrl: '/auth/token', clientId: LOCAL_CLIENT_ID });
      const doc = await json(await t.request('/api/openapi.json'));
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/me', '/api/areas/{areaId}/units', '/api/units/{unitId}', '/auth/token', '/auth/authorize']),
      );
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const docs = await t.request('/api/docs');
      expect(docs.status).toBe(200);
      // Swagger UI comes with the web build, never from a CDN.
      const page = await docs.text();
      expect(page).toContain('/api-docs/swagger-ui-bundle.js');
      expect(page).not.toMatch(/https?:\/\//);
    });

    it('serves locally the same document AWS serves as a file, plus the local sign-in and outbox routes', async () => {
      const served = await json(await t.request('/api/openapi.json'));
      const file = deployedApiDocument();
      const localOnly = Object.keys(served.paths).filter((path) => path.startsWith('/auth/') || path.startsWith('/api/outbox'));
      expect(localOnly.length).toBeGreaterThan(0);
      for (const path of localOnly) delete served.paths[path];
      const { paths, components, ...rest } = JSON.parse(JSON.stringify(file));
      expect(served.paths).toEqual(paths);
      expect(served).toMatchObject({ ...rest, components });
    });

    it.each(PROTECTED)('refuses %s %s with 401 problem+json', async (method, path) => {
      const response = await t.request(path, { method, headers: { 'accept-language': 'sv-FI,sv;q=0.9,en;q=0.5' } });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('content-language')).toBe('sv');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await json(response)).toMatchObject({ status: 401, title: 'Logga in' });
    });
  });

  describe('bad tokens get 401', () => {
    const now = () => Math.floor(Date.now() / 1000);
    async function token(changes: { iss?: string; aud?: string; exp?: number; email?: string; alg?: string }) {
      const key = await importJWK(t.keys.privateJwk, 'RS256');
      return new SignJWT({ email: changes.email ?? demoPeople.find((p) => p.id === admin)!.email, token_use: 'id' })
        .setProtectedHeader({ alg: 'RS256', kid: t.keys.publicJwk.kid })
        .setIssuer(changes.iss ?? LOCAL_ISSUER)
        .setAudience(changes.aud ?? LOCAL_CLIENT_ID)
        .setSubject(admin)
        .setIssuedAt(now() - 100)
        .setExpirationTime(changes.exp ?? now() + 600)
        .sign(key);
    }
    const cases: [string, () => Promise<string>][] = [
      ['garbage', async () => 'not.a.token'],
      ['wrong signature', async () => (await token({})).replace(/\.[^.]+$/, `.${randomBytes(256).toString('base64url')}`)],
      ['alg none', async () => new UnsecuredJWT({ email: 'x@y.z' }).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_CLIENT_ID).setSubject(admin).setIssuedAt().setExpirationTime('1h').encode()],
      ['expired', () => token({ exp: now() - 60 })],
      ['wrong issuer', () => token({ iss: 'https://cognito-idp.eu-north-1.amazonaws.com/other' })],
      ['wrong audience', () => token({ aud: 'someone-else' })],
      ['unknown person', () => token({ email: 'nobody@sykli.example' })],
    ];
    it.each(cases)('%s', async (_name, make) => {
      const response = await t.request('/api/me', { headers: { authorization: `Bearer ${await make()}` } });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });
  });

  describe('each role sees what the policy allows', () => {
    it('tells every person who they are and what roles they hold', async () => {
      for (const [personId, role] of [[admin, 'admin'], [leader, 'leader'], [coach, 'coach'], [supervisor, 'supervisor']] as const) {
        const me = await json(await t.request('/api/me', { as: personId }));
        expect(me.person.id).toBe(personId);
        expect(me.roles).toEqual([role]);
        expect(me.memberships.length).toBe(demoMemberships.filter((m) => m.personId === personId).length);
      }
    });

    it('lists areas: all for the admin, own for the others', async () => {
      const ids = async (as: string) => (await json(await t.request('/api/areas', { as }))).items.map((a: { id: string }) => a.id).sort();
      expect(await ids(admin)).toEqual(demoAreas.map((a) => a.id).sort());
      expect(await ids(leader)).toEqual([leaderArea]);
      expect(await ids(supervisor)).toEqual([supervisorUnit.areaId]);
      const coachAreas = [...new Set(demoMemberships.flatMap((m) => (m.personId === coach && m.role === 'coach' ? [m.areaId] : [])))].sort();
      expect(await ids(coach)).toEqual(coachAreas);
    });

    it('lists an area’s units: every unit for its leader, only their own for a supervisor or coach', async () => {
      const ids = async (as: string, areaId: string) =>
        (await json(await t.request(`/api/areas/${areaId}/units`, { as }))).items.map((u: { id: string }) => u.id).sort();
      expect(await ids(leader, leaderArea)).toEqual(demoUnits.filter((u) => u.areaId === leaderArea).map((u) => u.id).sort());
      expect(await ids(supervisor, supervisorUnit.areaId)).toEqual([supervisorUnit.unitId]);
      const firstCoachUnit = demoUnits.find((u) => u.id === coachUnits[0])!;
      expect(await ids(coach, firstCoachUnit.areaId)).toEqual(
        demoUnits.filter((u) => u.areaId === firstCoachUnit.areaId && coachUnits.includes(u.id)).map((u) => u.id).sort(),
      );
    });

    it('pages an area’s units with a cursor and rejects a forged cursor', async () => {
      const area = demoAreas.find((a) => demoUnits.filter((u) => u.areaId === a.id).length >= 3)!;
      const first = await json(await t.request(`/api/areas/${area.id}/units?limit=2`, { as: admin }));
      expect(first.items).toHaveLength(2);
      const second = await json(await t.request(`/api/areas/${area.id}/units?limit=2&cursor=${first.nextCursor}`, { as: admin }));
      expect(second.items[0].id).not.toBe(first.items[0].id);
      const forged = await t.request(`/api/areas/${area.id}/units?cursor=${Buffer.from('{"PK":1}').toString('base64url')}`, { as: admin });
      expect(forged.status).toBe(400);
      expect((await json(forged)).errors[0].field).toBe('query.cursor');
    });

    it('gives a supervisor their own unit with its ETag, and 404 for any other unit', async () => {
      const own = await t.request(`/api/units/${supervisorUnit.unitId}`, { as: supervisor });
      expect(own.status).toBe(200);
      expect(own.headers.get('etag')).toBe('"1"');
      for (const unit of [otherUnitSameArea, unitElsewhere]) {
        const response = await t.request(`/api/units/${unit.id}`, { as: supervisor });
        expect(response.status).toBe(404);
        const body = await json(response);
        expect(body).not.toHaveProperty('name');
        expect(body).toMatchObject({ type: 'urn:sykli:problem:unit.notFound', detail: 'Yksikköä ei löytynyt, tai sinulla ei ole oikeutta nähdä sitä.' });
      }
      const missing = await json(await t.request('/api/units/no-such-unit', { as: supervisor, headers: { 'accept-language': 'en' } }));
      expect(missing.detail).toBe('The unit was not found, or you may not see it.');
    });

    it('answers an area the person may not see like one that does not exist', async () => {
      expect((await t.request(`/api/areas/${areaElsewhere.id}`, { as: supervisor })).status).toBe(404);
      expect((await t.request(`/api/areas/${areaElsewhere.id}/units`, { as: supervisor })).status).toBe(404);
      expect((await t.request(`/api/areas/${leaderArea}`, { as: leader })).status).toBe(200);
      expect((await t.request(`/api/areas/${unitElsewhere.areaId}`, { as: admin })).status).toBe(200);
    });

    it('lets a leader read any unit of their area but none elsewhere', async () => {
      const inArea = demoUnits.find((u) => u.areaId === leaderArea)!;
      const outside = demoUnits.find((u) => u.areaId !== leaderArea)!;
      expect((await t.request(`/api/units/${inArea.id}`, { as: leader })).status).toBe(200);
      expect((await t.request(`/api/units/${outside.id}`, { as: leader })).status).toBe(404);
    });

    it('serves the measure catalogue to every role', async () => {
      for (const as of [admin, leader, coach, supervisor]) {
        const body = await json(await t.request('/api/measures', { as }));
        expect(body.items.map((m: { key: string }) => m.key).sort()).toEqual(measureCatalogue.map((m) => m.key).sort());
      }
    });
  });

  describe('changing units (admin only)', () => {
    const newUnit = {
      id: 'testila',
      name: { fi: 'Testilän terveysasema', sv: 'Testilä hälsostation', en: 'Testilä health station' },
      kind: 'healthStation',
      municipality: 'Testilä',
    };
    const post = (as: string, body: string, areaId = leaderArea) =>
      t.request(`/api/areas/${areaId}/units`, { method: 'POST', as, body, headers: { 'content-type': 'application/json' } });

    it('lets an admin add a unit, once', async () => {
      const created = await post(admin, JSON.stringify(newUnit));
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/api/units/testila');
      expect(await json(created)).toMatchObject({ ...newUnit, areaId: leaderArea, version: 1 });
      const again = await post(admin, JSON.stringify(newUnit));
      expect(again.status).toBe(409);
    });

    it('refuses other roles: 403 where they can see the area', async () => {
      expect((await post(leader, JSON.stringify({ ...newUnit, id: 'x1' }))).status).toBe(403);
      expect((await post(supervisor, JSON.stringify({ ...newUnit, id: 'x2' }), supervisorUnit.areaId)).status).toBe(403);
    });

    const badBodies: [string, string, string][] = [
      ['malformed JSON', '{"id": "x", ', 'body'],
      ['a wrong type', JSON.stringify({ ...newUnit, municipality: 42 }), 'json.municipality'],
      ['an unknown field', JSON.stringify({ ...newUnit, id: 'x3', secret: true }), 'json'],
      ['an over-long string', JSON.stringify({ ...newUnit, id: 'x4', municipality: 'a'.repeat(101) }), 'json.municipality'],
      ['a bad id', JSON.stringify({ ...newUnit, id: 'Not A Slug' }), 'json.id'],
      ['a missing language', JSON.stringify({ ...newUnit, id: 'x5', name: { fi: 'Vain suomeksi' } }), 'json.name.sv'],
    ];
    it.each(badBodies)('answers %s with 400 naming the field, before touching the store', async (_name, body, field) => {
      const create = vi.spyOn(t.deps.units, 'create');
      const response = await post(admin, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json(response);
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(create).not.toHaveBeenCalled();
      create.mockRestore();
    });

    it('needs If-Match to change a unit and refuses a stale one with 412', async () => {
      const path = `/api/units/${supervisorUnit.unitId}`;
      const patch = (as: string, body: object, ifMatch?: string) =>
        t.request(path, {
          method: 'PATCH',
          as,
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
        });
      expect((await patch(admin, { municipality: 'Uusi kunta' })).status).toBe(428);
      expect((await patch(admin, { municipality: 'Uusi kunta' }, 'W/"abc"')).status).toBe(400);
      const changed = await patch(admin, { municipality: 'Uusi kunta' }, '"1"');
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).toBe('"2"');
      const stale = await patch(admin, { municipality: 'Toinen kunta' }, '"1"');
      expect(stale.status).toBe(412);
      expect((await json(await t.request(path, { as: supervisor }))).municipality).toBe('Uusi kunta');
      expect((await patch(supervisor, { municipality: 'Oma kunta' }, '"2"')).status).toBe(403);
      expect((await patch(admin, { version: 9 }, '"2"')).status).toBe(400);
    });

    it('rejects an over-long path id with 400 and an unknown API path with a 404 problem', async () => {
      expect((await t.request(`/api/units/${'a'.repeat(65)}`, { as: admin })).status).toBe(400);
      const unknown = await t.request('/api/nothing-here', { as: admin });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    });
  });

  describe('the local sign-in (authorization code with PKCE)', () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    // app.request answers as http://localhost: the code goes to pages of that origin only.
    const redirectUri = 'http://localhost/auth/callback';
    const authorizeParams = {
      response_type: 'code',
      client_id: LOCAL_CLIENT_ID,
      redirect_uri: redirectUri,
      state: 'xyz',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    it('lists the demo people with their roles on the sign-in page', async () => {
      const page = await t.request(`/auth/authorize?${new URLSearchParams(authorizeParams)}`);
      expect(page.status).toBe(200);
      const text = await page.text();
      for (const person of demoPeople) expect(text).toContain(person.name);
      expect(text).toContain('Esihenkilö');
      const swedish = await (await t.request(`/auth/authorize?${new URLSearchParams({ ...authorizeParams, ui_locales: 'sv' })}`)).text();
      expect(swedish).toContain('Logga in');
    });

    it('signs in with a code that works once, and only with its verifier', async () => {
      const chosen = await t.request('/auth/authorize', form({ ...authorizeParams, person_id: supervisor }));
      expect(chosen.status).toBe(302);
      const location = new URL(chosen.headers.get('location')!);
      expect(location.origin + location.pathname).toBe(redirectUri);
      expect(location.searchParams.get('state')).toBe('xyz');
      const code = location.searchParams.get('code')!;
      const exchange = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: LOCAL_CLIENT_ID };

      const wrong = await t.request('/auth/token', form({ ...exchange, code_verifier: randomBytes(32).toString('base64url') }));
      expect(wrong.status).toBe(400);
      expect((await json(wrong)).error).toBe('invalid_grant');

      const chosenAgain = await t.request('/auth/authorize', form({ ...authorizeParams, person_id: supervisor }));
      const code2 = new URL(chosenAgain.headers.get('location')!).searchParams.get('code')!;
      const tokens = await json(await t.request('/auth/token', form({ ...exchange, code: code2, code_verifier: verifier })));
      const me = await json(await t.request('/api/me', { headers: { authorization: `Bearer ${tokens.id_token}` } }));
      expect(me.person.id).toBe(supervisor);
      const reused = await t.request('/auth/token', form({ ...exchange, code: code2, code_verifier: verifier }));
      expect(reused.status).toBe(400);
    });

    it('hands scripts a token for a demo person and refuses unknown clients and grants', async () => {
      const direct = await json(await t.request('/auth/token', form({ grant_type: 'urn:sykli:demo-person', person_id: leader })));
      expect(direct.token_type).toBe('Bearer');
      const me = await json(await t.request('/api/me', { headers: { authorization: `Bearer ${direct.id_token}` } }));
      expect(me.person.id).toBe(leader);
      expect((await t.request('/auth/token', form({ grant_type: 'password', username: 'x' }))).status).toBe(400);
      const badClient = await t.request(`/auth/authorize?${new URLSearchParams({ ...authorizeParams, client_id: 'evil' })}`);
      expect(badClient.status).toBe(400);
      const offsite = await t.request(
        `/auth/authorize?${new URLSearchParams({ ...authorizeParams, redirect_uri: 'https://evil.example/cb' })}`,
      );
      expect(offsite.status).toBe(400);
    });
  });
});
