import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID } from '../../functions/api/auth/local-issuer.js';
import { addPeriods } from '../../functions/domain/period.js';
import { duePeriod, roundPeriod } from '../../functions/domain/round-schedule.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const UNIT = 'hankasalmi';
const u = `/api/units/${UNIT}`;
const SUPERVISOR = 'kaisa-nieminen';
const COACH = 'eero-salminen';
const ADMIN = 'tiina-koskinen';
const LEADER = 'jukka-heikkinen';

const week = (back: number) => addPeriods(duePeriod('weekly', new Date()), -back);
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const ownMeasure = (key: string, name = 'Takaisinsoitot') => ({
  source: 'custom',
  key,
  frequency: 'weekly',
  fields: {
    name: { fi: name, sv: name, en: name },
    definition: { fi: 'Päivän takaisinsoitot', sv: 'Dagens återuppringningar', en: "The day's call-backs" },
    type: 'process', valueKind: 'count', better: 'higher', unitLabel: { fi: 'kpl', sv: 'st', en: 'pcs' },
    validRange: { min: 0, max: 1000 }, chart: 'c', multiply: 1,
  },
});

describe('hostile and careless input', () => {
  let t: TestApp;
  const send = (path: string, method: string, as: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.request(path, {
      method,
      as,
      headers: { 'content-type': 'application/json', ...headers },
      ...(payload === undefined ? {} : { body: typeof payload === 'string' || payload instanceof Uint8Array ? (payload as BodyInit) : JSON.stringify(payload) }),
    });
  const csv = (text: string | Uint8Array, options: { dryRun?: boolean; as?: string; contentType?: string } = {}) =>
    send(`${u}/import${options.dryRun === false ? '' : '?dryRun=true'}`, 'POST', options.as ?? SUPERVISOR, text, { 'content-type': options.contentType ?? 'text/csv' });
  const problem = async (response: Response) => {
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    return (await response.json()) as { status: number; type: string; detail: string; errors?: { field: string; message: string }[] };
  };
  const auditCount = async () => (await t.deps.audit.listByUnit(UNIT, { limit: 1000 })).items.length;

  beforeAll(async () => {
    t = await createTestApp();
  });

  describe('answers 4xx problem+json, never 500', () => {
    it('refuses a forged page cursor: another list, another partition, a key out of range, or no key at all', async () => {
      const forged = [
        cursorOf({ PK: 'UNIT#palokka', SK: 'x' }),
        cursorOf({ PK: `AUDIT#${UNIT}`, SK: 'x', extra: 'y' }),
        cursorOf({ PK: 'AUDIT#palokka', SK: '2026-01-01' }),
        cursorOf({ PK: 'OUTBOX' }),
        cursorOf({ PK: `AUDIT#${UNIT}`, SK: 5 }),
        cursorOf(['PK', 'SK']),
        'not-base64-json',
      ];
      for (const cursor of forged) {
        const audit = await t.request(`${u}/audit?cursor=${cursor}`, { as: SUPERVISOR });
        expect(audit.status, cursor).toBe(400);
        expect((await problem(audit)).errors?.[0]?.field).toBe('query.cursor');
        expect((await t.request(`/api/outbox?cursor=${cursor}`, { as: SUPERVISOR })).status, cursor).toBe(400);
        expect((await t.request(`/api/areas/keski-suomi/units?cursor=${cursor}`, { as: LEADER })).status, cursor).toBe(400);
      }
      // A cursor the API handed out still pages on.
      for (const title of ['Ensimmäinen', 'Toinen']) expect((await send(`${u}/change-ideas`, 'POST', SUPERVISOR, { title })).status).toBe(201);
      const first = (await (await t.request(`${u}/audit?limit=1`, { as: SUPERVISOR })).json()) as { nextCursor: string };
      expect(first.nextCursor).toEqual(expect.any(String));
      expect((await t.request(`${u}/audit?limit=1&cursor=${first.nextCursor}`, { as: SUPERVISOR })).status).toBe(200);
    });

    it('treats ids and keys such as constructor, toString and __proto__ as the names they are', async () => {
      for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
        for (const path of [`/api/units/${key}`, `/api/areas/${key}/overview`, `${u}/measures/${key}/series`, `${u}/cycles/${key}`, `/api/outbox/${key}`]) {
          const response = await t.request(path, { as: ADMIN });
          expect([400, 404], path).toContain(response.status);
        }
        const tracked = await send(`${u}/measures`, 'POST', SUPERVISOR, ownMeasure(key));
        expect([201, 400], key).toContain(tracked.status);
        if (tracked.status === 201) {
          expect((await send(`${u}/measures/${key}/periods/${week(3)}`, 'PUT', SUPERVISOR, { value: 3 })).status).toBe(201);
          expect((await csv(`mittari;jakso;arvo\r\n${key};${week(4)};5\r\n`, { dryRun: false })).status).toBe(200);
          expect((await t.request(`${u}/measures/${key}/series`, { as: SUPERVISOR })).status).toBe(200);
        }
      }
      expect((await t.request('/api/areas/keski-suomi/overview', { as: LEADER })).status).toBe(200);
    });

    it('refuses numbers beyond what can be stored, with the field named, and writes nothing', async () => {
      const before = await auditCount();
      for (const value of [2 ** 53 + 2, 1e300, -1e300, 1e-300, 1e13]) {
        const figure = await send(`${u}/measures/staffWellbeing/periods/${addPeriods(duePeriod('monthly', new Date()), -40)}`, 'PUT', SUPERVISOR, { value });
        expect(figure.status, String(value)).toBe(400);
        expect((await problem(figure)).errors?.map((e) => e.field)).toEqual(['json.value']);
        const proportion = await send(`${u}/measures/access7d/periods/${week(50)}`, 'PUT', SUPERVISOR, { numerator: value, denominator: value });
        expect(proportion.status, String(value)).toBe(400);
        const target = await send(`${u}/measures/t3`, 'PATCH', SUPERVISOR, { target: { value } });
        expect(target.status, String(value)).toBe(400);
      }
      // A CSV file brings its numbers past every schema: the row says what is allowed.
      const row = await csv(`mittari;jakso;osoittaja;nimittäjä\r\naccess7d;${week(51)};12345678901234567890;12345678901234567890\r\n`);
      expect(row.status).toBe(200);
      const report = (await row.json()) as { valid: boolean; rows: { status: string; errors: { field: string }[] }[] };
      expect(report.valid).toBe(false);
      expect(report.rows[0]?.errors.map((e) => e.field)).toEqual(['osoittaja', 'nimittäjä']);
      expect(await auditCount()).toBe(before);
    });

    it('takes a CSV row with an impossible week such as 2026-W54 for an invalid row, and imports nothing', async () => {
      const before = await auditCount();
      const preview = await csv('mittari;jakso;arvo\r\nt3;2026-W54;3\r\n');
      expect(preview.status).toBe(200);
      expect(((await preview.json()) as { rows: { status: string; errors: { field: string }[] }[] }).rows[0]).toMatchObject({ status: 'invalid', errors: [{ field: 'jakso' }] });
      const refused = await csv('mittari;jakso;arvo\r\nt3;2026-W54;3\r\n', { dryRun: false });
      expect(refused.status).toBe(400);
      expect((await problem(refused)).type).toBe('urn:sykli:problem:import');
      expect(await auditCount()).toBe(before);
    });

    it('keeps a unit with more than 50 measures working: every figure write answers 201 and the status item carries them all', async () => {
      const unit = 'uurainen';
      const errorsBefore = t.errors.length;
      for (let i = 0; i < 56; i++) {
        const response = await send(`/api/units/${unit}/measures`, 'POST', SUPERVISOR, ownMeasure(`oma${i}`));
        expect(response.status, `measure ${i}`).toBe(201);
      }
      const tracked = ((await (await t.request(`/api/units/${unit}/measures`, { as: SUPERVISOR })).json()) as { items: unknown[] }).items.length;
      expect(tracked).toBeGreaterThan(56);
      for (const key of ['oma0', 'oma55']) expect((await send(`/api/units/${unit}/measures/${key}/periods/${week(1)}`, 'PUT', SUPERVISOR, { value: 7 })).status).toBe(201);
      await t.projection.settled();
      const status = (await t.deps.measurements.listAreaStatus('keski-suomi')).find((s) => s.unitId === unit)!;
      expect(status.measures).toHaveLength(tracked);
      expect(status.measures.find((m) => m.measureKey === 'oma55')).toMatchObject({ latestValue: 7 });
      const overview = (await (await t.request('/api/areas/keski-suomi/overview', { as: LEADER })).json()) as { units: { unitId: string; measures: unknown[] }[] };
      expect(overview.units.find((row) => row.unitId === unit)?.measures).toHaveLength(tracked);
      expect(t.errors.slice(errorsBefore)).toEqual([]);
    });

    it('refuses a body it will not read whole', async () => {
      const huge = await send(`${u}/cycles`, 'POST', SUPERVISOR, JSON.stringify({ title: 'x'.repeat(3 * 1024 * 1024) }));
      expect(huge.status).toBe(413);
      expect((await problem(huge)).status).toBe(413);
    });
  });

  describe('CSV import refuses broken files whole, naming the line', () => {
    it('refuses an unterminated quote in the last row, and rows with more cells than headers', async () => {
      const before = await auditCount();
      const unclosed = await csv(`mittari;jakso;arvo;huomio\r\nt3;${week(5)};4;hyvä\r\nt3;${week(6)};5;"kesken\r\n`, { dryRun: false });
      expect(unclosed.status).toBe(400);
      const quote = await problem(unclosed);
      expect(quote.type).toBe('urn:sykli:problem:validation');
      expect(quote.detail).toContain('Rivillä 3');
      const extra = await csv(`mittari;jakso;arvo\r\nt3;${week(7)};4\r\nt3;${week(8)};5;6;7\r\n`, { dryRun: false });
      expect(extra.status).toBe(400);
      expect((await problem(extra)).detail).toContain('Rivillä 3');
      expect(await auditCount()).toBe(before);
    });

    it('refuses a body declared as JSON with 415', async () => {
      const json = await csv(JSON.stringify({ rows: [] }), { contentType: 'application/json' });
      expect(json.status).toBe(415);
      expect((await problem(json)).type).toBe('urn:sykli:problem:csv.mediaType');
    });

    it('reads a Windows-1252 file (Excel\'s plain "CSV") as such, and refuses a file that is neither', async () => {
      const latin = Buffer.from(`mittari;jakso;arvo;huomio\r\nt3;${week(9)};4;Kesälomat, päivystys\r\n`, 'latin1');
      const read = await csv(new Uint8Array(latin), { dryRun: false });
      expect(read.status).toBe(200);
      expect((await t.deps.measurements.getMeasurement(UNIT, 't3', week(9)))?.note).toBe('Kesälomat, päivystys');
      // Its header in Windows-1252 is read too, not refused as a bad header.
      const header = await csv(new Uint8Array(Buffer.from(`mittari;jakso;arvo;osoittaja;nimittäjä\r\nt3;${week(10)};4;;\r\n`, 'latin1')));
      expect(header.status).toBe(200);
      const utf16 = await csv(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('mittari;jakso;arvo\r\n', 'utf16le')])));
      expect(utf16.status).toBe(400);
      expect((await problem(utf16)).detail).toContain('CSV UTF-8');
      const garbled = await csv('mittari;jakso;arvo;huomio\r\nt3;2026-W01;4;Kes\ufffdlomat\r\n');
      expect((await problem(garbled)).detail).toContain('CSV UTF-8');
    });
  });

  describe('exports carry no live formulas', () => {
    const formulas = ['=HYPERLINK("http://evil.example","Klikkaa")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

    it("neutralises a figure's note in the unit export, and the file reads back unchanged", async () => {
      for (const [i, note] of formulas.entries()) {
        // Years back, where the demo seed has no figures.
        expect((await send(`${u}/measures/t3/periods/${week(400 + i)}`, 'PUT', SUPERVISOR, { value: 4, note })).status).toBe(201);
      }
      const file = await (await t.request(`${u}/export.csv?measure=t3`, { as: SUPERVISOR })).text();
      const cells = file.split(/;|\r\n/);
      for (const note of formulas) expect(file).toContain(`"'${note.replaceAll('"', '""')}"`);
      expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell) || /^-[^\d]/.test(cell))).toEqual([]);
      const again = await csv(file);
      const report = (await again.json()) as { counts: { unchanged: number; invalid: number; create: number; update: number } };
      expect(report.counts).toMatchObject({ invalid: 0, create: 0, update: 0 });
    });

    it("neutralises a measure's name in leadership's overview.csv, in every language", async () => {
      expect((await send(`${u}/measures`, 'POST', SUPERVISOR, ownMeasure('kaava', '=HYPERLINK("http://evil.example")'))).status).toBe(201);
      await t.projection.settled();
      for (const lang of ['fi', 'sv', 'en']) {
        const file = await (await t.request(`/api/areas/keski-suomi/overview.csv?lang=${lang}`, { as: LEADER })).text();
        expect(file).toContain(`"'=HYPERLINK(""http://evil.example""): `);
        expect(file).not.toMatch(/(^|[;,\r\n])"?=HYPERLINK/);
      }
    });
  });

  describe('concurrency: the same input has the same effect and the same answer', () => {
    it('answers identical concurrent figure writes with one create and no-ops, never 409', async () => {
      const period = week(90);
      const answers = await Promise.all(Array.from({ length: 10 }, () => send(`${u}/measures/t3/periods/${period}`, 'PUT', SUPERVISOR, { value: 6, note: 'sama' })));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      const entries = await Promise.all(
        Array.from({ length: 5 }, () => send(`${u}/entry`, 'POST', SUPERVISOR, { rows: [{ measureKey: 't3', period: week(91), value: 2 }] })),
      );
      const results = await Promise.all(entries.map(async (r) => ((await r.json()) as { results: { status: string }[] }).results[0]!.status));
      expect(results.sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
      const imports = await Promise.all(Array.from({ length: 4 }, () => csv(`mittari;jakso;arvo\r\nt3;${week(92)};3\r\n`, { dryRun: false })));
      expect(imports.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    });

    it('answers a stale definition-version race with 412', async () => {
      expect((await send(`${u}/measures`, 'POST', SUPERVISOR, ownMeasure('versioitu'))).status).toBe(201);
      const fields = ownMeasure('versioitu').fields;
      const add = () => send(`${u}/measures/versioitu/versions`, 'POST', SUPERVISOR, { validFrom: week(-2), reason: 'Uusi', fields }, { 'if-match': '"1"' });
      const answers = (await Promise.all([add(), add(), add()])).map((r) => r.status).sort();
      expect(answers).toEqual([201, 412, 412]);
    });
  });

  describe('the local outbox and sign-in', () => {
    it('shows a person only the messages addressed to them; admins see all', async () => {
      const to = async (personId: string) => (await t.deps.people.getWithMemberships(personId))!.person.email;
      const mine = await t.pdsa.outbox.add({ to: [await to(SUPERVISOR)], subject: 'Sinulle', text: 'Hei', kind: 'round-opened', about: {} });
      const theirs = await t.pdsa.outbox.add({ to: [await to(COACH)], subject: 'Valmentajalle', text: 'Hei', kind: 'round-escalation', about: {} });
      const list = async (as: string) => ((await (await t.request('/api/outbox?limit=100', { as })).json()) as { items: { id: string }[] }).items.map((m) => m.id);
      expect(await list(SUPERVISOR)).toContain(mine.id);
      expect(await list(SUPERVISOR)).not.toContain(theirs.id);
      expect(await list(ADMIN)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      expect((await t.request(`/api/outbox/${theirs.id}`, { as: SUPERVISOR })).status).toBe(404);
      expect((await t.request(`/api/outbox/${theirs.id}`, { as: COACH })).status).toBe(200);
    });

    it('sends the authorization code to pages of this origin only', async () => {
      const params = (redirect: string) =>
        new URLSearchParams({
          response_type: 'code', client_id: LOCAL_CLIENT_ID, redirect_uri: redirect, state: 's', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256',
        });
      for (const redirect of ['//evil.example/cb', '/\\evil.example/cb', 'http://localhost@evil.example/cb', 'https://evil.example/cb', 'javascript:alert(1)', '/\t/evil.example']) {
        expect((await t.request(`/auth/authorize?${params(redirect)}`)).status, redirect).toBe(400);
      }
      for (const redirect of ['/auth/callback', 'http://localhost/auth/callback']) expect((await t.request(`/auth/authorize?${params(redirect)}`)).status, redirect).toBe(200);
    });
  });

  describe('headers', () => {
    it('sends the security headers on pages and API answers, and no-store on the API', async () => {
      const page = await t.request('/auth/authorize');
      const api = await t.request('/api/me', { as: SUPERVISOR });
      for (const response of [page, api]) {
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      }
      expect(api.headers.get('cache-control')).toBe('no-store');
      expect((await t.request('/api/nothing-here', { as: SUPERVISOR })).headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('"run the round now" tells the truth', () => {
    it("answers that the period's round is running, or has run, with its state, instead of 'started'", async () => {
      const period = roundPeriod('monthly', new Date());
      await t.deps.rounds.claim({ frequency: 'monthly', period, scheduledTime: new Date().toISOString(), claimedBy: 'round-earlier', startedAt: new Date().toISOString() });
      const running = await send('/api/rounds', 'POST', ADMIN, { frequency: 'monthly' });
      expect(running.status).toBe(200);
      expect(await running.json()).toEqual({ executionName: 'round-earlier', frequency: 'monthly', period, result: 'already-running', status: 'running' });
      await t.deps.rounds.finish('monthly', period, { status: 'done', unitCount: 3, lateCount: 0, failure: null }, new Date().toISOString());
      expect(await (await send('/api/rounds', 'POST', ADMIN, { frequency: 'monthly' })).json()).toMatchObject({ result: 'already-ran', status: 'done' });
    });
  });
});
