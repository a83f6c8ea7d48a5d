import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID } from '../../functions/api/auth/local-issuer.js';
import { addPeriods } from '../../functions/domain/period.js';
import { duePeriod, roundPeriod } from '../../functions/domain/round-schedule.js';
import { digestWeek } from '../../functions/domain/weekly-digest.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { body, isoDate } from '../support/cycle-flow.js';

/**
 * Every operation of the OpenAPI document × every kind of person, each cell with the status it
 * must answer. The rows are keyed by the document's own operations, so a new route without a row
 * (or a row without a route) fails here. An allowed change is either made (a create) or sent
 * against a stale version, whose 412 shows that the person got past the access check.
 */
const ROLES = ['anonymous', 'supervisor', 'coach', 'otherSupervisor', 'otherCoach', 'leader', 'otherLeader', 'admin'] as const;
type Role = (typeof ROLES)[number];

// The unit under test and its people in the demo seed: Hankasalmi in Keski-Suomi. The others work
// in Palokka of the same area, or lead another area.
const UNIT = 'hankasalmi';
const AREA = 'keski-suomi';
const PEOPLE: Record<Exclude<Role, 'anonymous'>, string> = {
  supervisor: 'kaisa-nieminen',
  coach: 'eero-salminen',
  otherSupervisor: 'minna-hakala',
  otherCoach: 'aino-virtanen',
  leader: 'jukka-heikkinen',
  otherLeader: 'riitta-makela',
  admin: 'tiina-koskinen',
};
const STALE = '"999"';

/** What one cell sends; `role` lets a create use its own key, so every allowed cell can succeed. */
type Request = { path: string; body?: unknown; ifMatch?: string; contentType?: string; form?: Record<string, string> };
type Fixtures = { aimId: string; ideaId: string; driverId: string; cycleId: string; reviewId: string; messageId: string; personId: string };
type Row = { request: (role: Role, index: number, f: Fixtures) => Request; expect: string };

const u = `/api/units/${UNIT}`;
const weekAgo = (index: number) => addPeriods(duePeriod('weekly', new Date()), -(20 + index));
// Ten weeks apart, so that no phase is left with fewer figures than a phase needs.
const phaseWeek = (index: number) => addPeriods(duePeriod('weekly', new Date()), -(20 + 10 * Math.min(index, 3)));
const customMeasure = (key: string) => ({
  source: 'custom',
  key,
  frequency: 'weekly',
  fields: {
    name: { fi: 'Takaisinsoitot', sv: 'Återuppringningar', en: 'Call-backs' },
    definition: { fi: 'Päivän takaisinsoitot', sv: 'Dagens återuppringningar', en: "The day's call-backs" },
    type: 'process', valueKind: 'count', better: 'higher', unitLabel: { fi: 'kpl', sv: 'st', en: 'pcs' },
    validRange: { min: 0, max: 1000 }, chart: 'c', multiply: 1,
  },
});
const reviewSlot = { date: isoDate(3), startTime: '13:00', durationMinutes: 60, place: 'Neuvotteluhuone' };
const verifier = randomBytes(32).toString('base64url');
const authorize = {
  response_type: 'code', client_id: LOCAL_CLIENT_ID, redirect_uri: 'http://localhost/auth/callback', state: 'matrix',
  code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
};

// Columns: anonymous, supervisor, coach, other unit's supervisor, other unit's coach, leader of the area, leader of another area, admin.
const MATRIX: Record<string, Row> = {
  'GET /api/health': { request: () => ({ path: '/api/health' }), expect: '200 200 200 200 200 200 200 200' },
  'GET /api/auth-config': { request: () => ({ path: '/api/auth-config' }), expect: '200 200 200 200 200 200 200 200' },
  'GET /api/me': { request: () => ({ path: '/api/me' }), expect: '401 200 200 200 200 200 200 200' },
  'PATCH /api/me/settings': { request: () => ({ path: '/api/me/settings', body: { digest: true } }), expect: '401 200 200 200 200 200 200 200' },
  'GET /api/me/agenda': { request: () => ({ path: '/api/me/agenda' }), expect: '401 200 200 200 200 200 200 200' },
  'GET /api/areas': { request: () => ({ path: '/api/areas' }), expect: '401 200 200 200 200 200 200 200' },
  'GET /api/areas/{areaId}': { request: () => ({ path: `/api/areas/${AREA}` }), expect: '401 200 200 200 200 200 404 200' },
  'GET /api/areas/{areaId}/units': { request: () => ({ path: `/api/areas/${AREA}/units` }), expect: '401 200 200 200 200 200 404 200' },
  'POST /api/areas/{areaId}/units': {
    request: (role) => ({
      path: `/api/areas/${AREA}/units`,
      body: { id: `matriisi-${role.toLowerCase()}`, name: { fi: 'Uusi asema', sv: 'Ny station', en: 'New station' }, kind: 'healthStation', municipality: 'Jyväskylä' },
    }),
    expect: '401 403 403 403 403 403 403 201',
  },
  'GET /api/areas/{areaId}/overview': { request: () => ({ path: `/api/areas/${AREA}/overview` }), expect: '401 200 200 200 200 200 404 200' },
  'GET /api/areas/{areaId}/overview.csv': { request: () => ({ path: `/api/areas/${AREA}/overview.csv` }), expect: '401 200 200 200 200 200 404 200' },
  'GET /api/areas/{areaId}/briefing': { request: () => ({ path: `/api/areas/${AREA}/briefing` }), expect: '401 200 200 200 200 200 404 200' },
  'POST /api/areas/{areaId}/briefing/presented': {
    request: () => ({ path: `/api/areas/${AREA}/briefing/presented`, body: { from: isoDate(-28), to: isoDate(0) } }),
    expect: '401 403 403 403 403 201 404 201',
  },
  // Good practices are the whole area's: coaches and supervisors of other units see them too.
  'GET /api/areas/{areaId}/practices': { request: () => ({ path: `/api/areas/${AREA}/practices` }), expect: '401 200 200 200 200 200 404 200' },
  'GET /api/units/{unitId}': { request: () => ({ path: u }), expect: '401 200 200 404 404 200 404 200' },
  'PATCH /api/units/{unitId}': { request: () => ({ path: u, body: { municipality: 'Hankasalmi' }, ifMatch: STALE }), expect: '401 403 403 403 403 403 403 412' },
  'POST /api/units/{unitId}/move': { request: () => ({ path: `${u}/move`, body: { areaId: AREA }, ifMatch: STALE }), expect: '401 403 403 403 403 403 403 412' },
  'POST /api/units/{unitId}/close': { request: () => ({ path: `${u}/close`, ifMatch: STALE }), expect: '401 403 403 403 403 403 403 412' },
  'POST /api/areas': {
    request: (role) => ({ path: '/api/areas', body: { id: `matriisi-${role.toLowerCase()}`, name: { fi: 'Uusi alue', sv: 'Nytt område', en: 'New area' } } }),
    expect: '401 403 403 403 403 403 403 201',
  },
  'PATCH /api/areas/{areaId}': {
    request: () => ({ path: `/api/areas/${AREA}`, body: { name: { fi: 'Keski-Suomi', sv: 'Mellersta Finland', en: 'Central Finland' } }, ifMatch: STALE }),
    expect: '401 403 403 403 403 403 403 412',
  },
  'GET /api/admin/people': { request: () => ({ path: '/api/admin/people' }), expect: '401 403 403 403 403 403 403 200' },
  'POST /api/admin/people': {
    request: (role) => ({ path: '/api/admin/people', body: { name: 'Matriisi Henkilö', email: `matriisi-${role.toLowerCase()}@example.fi`, locale: 'fi' } }),
    expect: '401 403 403 403 403 403 403 201',
  },
  'POST /api/admin/people/{personId}/roles': {
    request: (_r, _i, f) => ({ path: `/api/admin/people/${f.personId}/roles`, body: { role: 'supervisor', unitId: UNIT } }),
    expect: '401 403 403 403 403 403 403 201',
  },
  'DELETE /api/admin/people/{personId}/roles': {
    request: (_r, _i, f) => ({ path: `/api/admin/people/${f.personId}/roles?role=leader&areaId=${AREA}` }),
    expect: '401 403 403 403 403 403 403 200',
  },
  'POST /api/admin/people/{personId}/deactivate': {
    request: (_r, _i, f) => ({ path: `/api/admin/people/${f.personId}/deactivate`, ifMatch: STALE }),
    expect: '401 403 403 403 403 403 403 412',
  },
  'GET /api/admin/catalogue': { request: () => ({ path: '/api/admin/catalogue' }), expect: '401 403 403 403 403 403 403 200' },
  'POST /api/admin/catalogue': {
    request: (role) => ({ path: '/api/admin/catalogue', body: { ...customMeasure(`matriisi${role}`).fields, key: `matriisi${role}`, frequency: 'monthly', source: 'Matriisi' } }),
    expect: '401 403 403 403 403 403 403 201',
  },
  'POST /api/admin/catalogue/{key}/versions': {
    request: () => ({ path: '/api/admin/catalogue/access7d/versions', body: { changes: { source: 'Matriisi' }, reason: 'Lähde tarkentui', validFrom: duePeriod('weekly', new Date()) } }),
    expect: '401 403 403 403 403 403 403 201',
  },
  'GET /api/admin/audit': { request: () => ({ path: `/api/admin/audit?unitId=${UNIT}&kind=unit` }), expect: '401 403 403 403 403 403 403 200' },
  'GET /api/measures': { request: () => ({ path: '/api/measures' }), expect: '401 200 200 200 200 200 200 200' },
  'GET /api/units/{unitId}/aims': { request: () => ({ path: `${u}/aims` }), expect: '401 200 200 404 404 200 404 200' },
  'POST /api/units/{unitId}/aims': {
    request: () => ({ path: `${u}/aims`, body: { statement: 'Hoitoon pääsy 7 vrk:ssa', targetDate: isoDate(200), measures: [] } }),
    expect: '401 201 201 404 404 403 404 201',
  },
  'GET /api/units/{unitId}/aims/{aimId}': { request: (_r, _i, f) => ({ path: `${u}/aims/${f.aimId}` }), expect: '401 200 200 404 404 200 404 200' },
  'PATCH /api/units/{unitId}/aims/{aimId}': {
    request: (_r, _i, f) => ({ path: `${u}/aims/${f.aimId}`, body: { statement: 'Muutettu' }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'POST /api/units/{unitId}/aims/{aimId}/close': {
    request: (_r, _i, f) => ({ path: `${u}/aims/${f.aimId}/close`, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'GET /api/units/{unitId}/change-ideas': { request: () => ({ path: `${u}/change-ideas` }), expect: '401 200 200 404 404 200 404 200' },
  'POST /api/units/{unitId}/change-ideas': { request: () => ({ path: `${u}/change-ideas`, body: { title: 'Soitto samana päivänä' } }), expect: '401 201 201 404 404 403 404 201' },
  'PATCH /api/units/{unitId}/change-ideas/{ideaId}': {
    request: (_r, _i, f) => ({ path: `${u}/change-ideas/${f.ideaId}`, body: { title: 'Muutettu' }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'GET /api/units/{unitId}/aims/{aimId}/driver-diagram': { request: (_r, _i, f) => ({ path: `${u}/aims/${f.aimId}/driver-diagram` }), expect: '401 200 200 404 404 200 404 200' },
  'POST /api/units/{unitId}/aims/{aimId}/drivers': {
    request: (_r, _i, f) => ({ path: `${u}/aims/${f.aimId}/drivers`, body: { text: 'Hoitajat tavoittavat soittajat samana päivänä' } }),
    expect: '401 201 201 404 404 403 404 201',
  },
  'PATCH /api/units/{unitId}/aims/{aimId}/drivers/{driverId}': {
    request: (_r, _i, f) => ({ path: `${u}/aims/${f.aimId}/drivers/${f.driverId}`, body: { text: 'Muutettu' }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  // The fixture driver has a secondary driver under it: removing it is refused past the access check.
  'DELETE /api/units/{unitId}/aims/{aimId}/drivers/{driverId}': {
    request: (_r, _i, f) => ({ path: `${u}/aims/${f.aimId}/drivers/${f.driverId}` }),
    expect: '401 409 409 404 404 403 404 409',
  },
  'PUT /api/units/{unitId}/aims/{aimId}/change-ideas/{ideaId}/driver': {
    request: (_r, _i, f) => ({ path: `${u}/aims/${f.aimId}/change-ideas/${f.ideaId}/driver`, body: { driverId: f.driverId }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'GET /api/units/{unitId}/cycles': { request: () => ({ path: `${u}/cycles` }), expect: '401 200 200 404 404 200 404 200' },
  'POST /api/units/{unitId}/cycles': { request: () => ({ path: `${u}/cycles`, body: { title: 'Takaisinsoitto samana päivänä' } }), expect: '401 201 201 404 404 403 404 201' },
  // Palokka's adopted callback ramp, taken up in Hankasalmi.
  'POST /api/units/{unitId}/cycles/from-practice': {
    request: () => ({ path: `${u}/cycles/from-practice`, body: { unitId: 'palokka', cycleId: 'palokka-ramp-3' } }),
    expect: '401 201 201 404 404 403 404 201',
  },
  'GET /api/units/{unitId}/cycles/{cycleId}': { request: (_r, _i, f) => ({ path: `${u}/cycles/${f.cycleId}` }), expect: '401 200 200 404 404 200 404 200' },
  'PATCH /api/units/{unitId}/cycles/{cycleId}': {
    request: (_r, _i, f) => ({ path: `${u}/cycles/${f.cycleId}`, body: { objective: 'Muutettu' }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'POST /api/units/{unitId}/cycles/{cycleId}/transitions': {
    request: (_r, _i, f) => ({ path: `${u}/cycles/${f.cycleId}/transitions`, body: { to: 'doing' }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'GET /api/units/{unitId}/cycles/{cycleId}/reviews': { request: (_r, _i, f) => ({ path: `${u}/cycles/${f.cycleId}/reviews` }), expect: '401 200 200 404 404 200 404 200' },
  'POST /api/units/{unitId}/cycles/{cycleId}/reviews': {
    request: (_r, _i, f) => ({ path: `${u}/cycles/${f.cycleId}/reviews`, body: { kind: 'plan', participantIds: [PEOPLE.supervisor], coachId: PEOPLE.coach, ...reviewSlot } }),
    expect: '401 403 201 404 404 403 404 201',
  },
  'PATCH /api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}': {
    request: (_r, _i, f) => ({ path: `${u}/cycles/${f.cycleId}/reviews/${f.reviewId}`, body: reviewSlot, ifMatch: STALE }),
    expect: '401 403 412 404 404 403 404 412',
  },
  'POST /api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}/cancel': {
    request: (_r, _i, f) => ({ path: `${u}/cycles/${f.cycleId}/reviews/${f.reviewId}/cancel`, ifMatch: STALE }),
    expect: '401 403 412 404 404 403 404 412',
  },
  'PUT /api/units/{unitId}/cycles/{cycleId}/reviews/{reviewId}/outcome': {
    request: (_r, _i, f) => ({ path: `${u}/cycles/${f.cycleId}/reviews/${f.reviewId}/outcome`, body: { notes: 'Käytiin läpi.' }, ifMatch: STALE }),
    expect: '401 403 412 404 404 403 404 412',
  },
  'GET /api/units/{unitId}/audit': { request: () => ({ path: `${u}/audit` }), expect: '401 200 200 404 404 200 404 200' },
  'GET /api/units/{unitId}/people': { request: () => ({ path: `${u}/people` }), expect: '401 200 200 404 404 200 404 200' },
  'GET /api/units/{unitId}/measures': { request: () => ({ path: `${u}/measures` }), expect: '401 200 200 404 404 200 404 200' },
  'POST /api/units/{unitId}/measures': {
    request: (role) => ({ path: `${u}/measures`, body: customMeasure(`matrix${role}`) }),
    expect: '401 201 201 404 404 403 404 201',
  },
  'PATCH /api/units/{unitId}/measures/{key}': {
    request: () => ({ path: `${u}/measures/t3`, body: { target: { value: 5 } }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'POST /api/units/{unitId}/measures/{key}/versions': {
    request: () => ({ path: `${u}/measures/t3/versions`, body: { validFrom: duePeriod('weekly', new Date()), reason: 'Uusi määritelmä' }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'POST /api/units/{unitId}/measures/{key}/catalogue-version': {
    request: () => ({ path: `${u}/measures/t3/catalogue-version`, body: { catalogueVersion: 2, validFrom: duePeriod('weekly', new Date()) }, ifMatch: STALE }),
    expect: '401 412 412 404 404 403 404 412',
  },
  'GET /api/units/{unitId}/measures/{key}/phases': { request: () => ({ path: `${u}/measures/t3/phases` }), expect: '401 200 200 404 404 200 404 200' },
  'POST /api/units/{unitId}/measures/{key}/phases': {
    request: (_r, index) => ({ path: `${u}/measures/t3/phases`, body: { startPeriod: phaseWeek(index), reason: 'Uusi käytäntö' } }),
    expect: '401 201 201 404 404 403 404 201',
  },
  // Each allowed person changes, then removes, the phase they started in the row above.
  'PATCH /api/units/{unitId}/measures/{key}/phases/{startPeriod}': {
    request: (_r, index) => ({ path: `${u}/measures/t3/phases/${phaseWeek(index)}`, body: { reason: 'Uusi käytäntö koko päivän', why: 'Tarkennettu' } }),
    expect: '401 200 200 404 404 403 404 200',
  },
  'DELETE /api/units/{unitId}/measures/{key}/phases/{startPeriod}': {
    request: (_r, index) => ({ path: `${u}/measures/t3/phases/${phaseWeek(index)}?why=Aloitettu%20turhaan` }),
    expect: '401 204 204 404 404 403 404 204',
  },
  'PUT /api/units/{unitId}/measures/{key}/baseline': {
    request: (_r, index) => ({ path: `${u}/measures/t3/baseline`, body: { baselineEnd: weekAgo(index) } }),
    expect: '401 200 200 404 404 403 404 200',
  },
  'GET /api/units/{unitId}/measures/{key}/series': { request: () => ({ path: `${u}/measures/t3/series` }), expect: '401 200 200 404 404 200 404 200' },
  'PUT /api/units/{unitId}/measures/{key}/periods/{period}': {
    request: (_r, index) => ({ path: `${u}/measures/staffWellbeing/periods/${addPeriods(duePeriod('monthly', new Date()), -(30 + index))}`, body: { value: 4 } }),
    expect: '401 201 201 404 404 403 404 201',
  },
  'GET /api/units/{unitId}/entry': { request: () => ({ path: `${u}/entry` }), expect: '401 200 200 404 404 200 404 200' },
  'POST /api/units/{unitId}/entry': {
    request: (_r, index) => ({ path: `${u}/entry`, body: { rows: [{ measureKey: 't3', period: weekAgo(40 + index), value: 5 }] } }),
    expect: '401 200 200 404 404 403 404 200',
  },
  // The figures the row above wrote, left out and counted again.
  'PUT /api/units/{unitId}/measures/{key}/excluded/{period}': {
    request: (_r, index) => ({ path: `${u}/measures/t3/excluded/${weekAgo(40 + index)}`, body: { reason: 'Kirjausvirhe' } }),
    expect: '401 200 200 404 404 403 404 200',
  },
  'DELETE /api/units/{unitId}/measures/{key}/excluded/{period}': {
    request: (_r, index) => ({ path: `${u}/measures/t3/excluded/${weekAgo(40 + index)}` }),
    expect: '401 200 200 404 404 403 404 200',
  },
  'POST /api/units/{unitId}/import': {
    request: () => ({ path: `${u}/import?dryRun=true`, body: `mittari;jakso;arvo\r\nt3;${weekAgo(60)};4\r\n`, contentType: 'text/csv' }),
    expect: '401 200 200 404 404 403 404 200',
  },
  'GET /api/units/{unitId}/export.csv': { request: () => ({ path: `${u}/export.csv` }), expect: '401 200 200 404 404 200 404 200' },
  'PUT /api/units/{unitId}/progress': { request: () => ({ path: `${u}/progress`, body: { score: 2, reason: 'Työ on alkanut.' } }), expect: '401 403 200 404 404 403 404 200' },
  'POST /api/rounds': { request: () => ({ path: '/api/rounds', body: { frequency: 'weekly' } }), expect: '401 403 403 403 403 403 403 200' },
  'POST /api/digests': { request: () => ({ path: '/api/digests', body: { week: digestWeek(new Date()) } }), expect: '401 403 403 403 403 403 403 202' },
  'GET /api/outbox': { request: () => ({ path: '/api/outbox' }), expect: '401 200 200 200 200 200 200 200' },
  // A message to the supervisor: theirs and the admin's to read; to anyone else it does not exist.
  'GET /api/outbox/{id}': { request: (_r, _i, f) => ({ path: `/api/outbox/${f.messageId}` }), expect: '401 200 404 404 404 404 404 200' },
  'GET /api/outbox/{id}/attachments/{n}': { request: (_r, _i, f) => ({ path: `/api/outbox/${f.messageId}/attachments/0` }), expect: '401 200 404 404 404 404 404 200' },
  // The local sign-in is for everyone, signed in or not.
  'GET /auth/authorize': { request: () => ({ path: `/auth/authorize?${new URLSearchParams(authorize)}` }), expect: '200 200 200 200 200 200 200 200' },
  'POST /auth/authorize': { request: () => ({ path: '/auth/authorize', form: { ...authorize, person_id: PEOPLE.supervisor } }), expect: '302 302 302 302 302 302 302 302' },
  'POST /auth/token': { request: () => ({ path: '/auth/token', form: { grant_type: 'urn:sykli:demo-person', person_id: PEOPLE.leader } }), expect: '200 200 200 200 200 200 200 200' },
  'GET /auth/jwks.json': { request: () => ({ path: '/auth/jwks.json' }), expect: '200 200 200 200 200 200 200 200' },
};

describe('the authorization matrix: every operation of the OpenAPI document × every kind of person', () => {
  let t: TestApp;
  let operations: string[];
  let fixtures: Fixtures;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    for (const person of Object.values(PEOPLE)) tokens.set(person, await t.tokenFor(person));

    const send = (path: string, payload: unknown, as = PEOPLE.supervisor) =>
      t.request(path, { method: 'POST', as, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const aim = await body(await send(`${u}/aims`, { statement: 'Hoitoon pääsy', targetDate: isoDate(100), measures: [] }));
    const idea = await body(await send(`${u}/change-ideas`, { title: 'Soitto samana päivänä' }));
    const driver = await body(await send(`${u}/aims/${aim.id}/drivers`, { text: 'Riittävästi kiireettömiä aikoja' }));
    await body(await send(`${u}/aims/${aim.id}/drivers`, { text: 'Puhelinajat', parentId: driver.id }));
    const cycle = await body(await send(`${u}/cycles`, { title: 'Takaisinsoitot' }));
    const review = await body(await send(`${u}/cycles/${cycle.id}/reviews`, { kind: 'plan', participantIds: [PEOPLE.supervisor], ...reviewSlot }, PEOPLE.coach));
    const supervisor = (await t.deps.people.getWithMemberships(PEOPLE.supervisor))!.person;
    const message = await t.pdsa.outbox.add({
      to: [supervisor.email], subject: 'Kutsu', text: 'Tervetuloa', kind: 'review-invitation', about: { unitId: UNIT },
      attachments: [{ filename: 'kutsu.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    });
    // Someone for the admin's people rows: a leader of the area, whose role the admin removes.
    const person = await t.deps.people.create({ id: 'matriisi-henkilo', name: 'Matriisi Henkilö', email: 'matriisi.henkilo@example.fi', locale: 'fi' });
    await t.deps.people.addMembership({ personId: person.id, role: 'leader', areaId: AREA });
    fixtures = { aimId: aim.id, ideaId: idea.id, driverId: driver.id, cycleId: cycle.id, reviewId: review.id, messageId: message.id, personId: person.id };
    // Both rounds of now have started already, so that the admin's "run now" answers without starting one.
    for (const frequency of ['weekly', 'monthly'] as const) {
      await t.deps.rounds.claim({ frequency, period: roundPeriod(frequency, new Date()), scheduledTime: new Date().toISOString(), claimedBy: 'matrix', startedAt: new Date().toISOString() });
    }
  });

  it('has a row for every operation, and no row without one', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...operations].sort());
  });

  it.each(Object.entries(MATRIX))('%s', async (operation, row) => {
    const [method] = operation.split(' ') as [string];
    const expected = row.expect.split(' ').map(Number);
    const answered: number[] = [];
    for (const [index, role] of ROLES.entries()) {
      const request = row.request(role, index, fixtures);
      const headers = new Headers();
      if (role !== 'anonymous') headers.set('authorization', `Bearer ${tokens.get(PEOPLE[role])}`);
      if (request.ifMatch) headers.set('if-match', request.ifMatch);
      let payload: string | undefined;
      if (request.form) {
        headers.set('content-type', 'application/x-www-form-urlencoded');
        payload = new URLSearchParams(request.form).toString();
      } else if (request.body !== undefined) {
        headers.set('content-type', request.contentType ?? 'application/json');
        payload = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      }
      const response = await t.app.request(request.path, { method, headers, body: payload });
      answered.push(response.status);
      if (response.status >= 400 && request.path.startsWith('/api/')) expect(response.headers.get('content-type'), `${operation} as ${role}`).toBe('application/problem+json');
    }
    expect(Object.fromEntries(ROLES.map((role, i) => [role, answered[i]]))).toEqual(Object.fromEntries(ROLES.map((role, i) => [role, expected[i]])));
  });
});
