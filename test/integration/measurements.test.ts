import { beforeAll, describe, expect, it } from 'vitest';
import type { Membership } from '../../functions/domain/membership.js';
import { addPeriods } from '../../functions/domain/period.js';
import { duePeriod } from '../../functions/domain/round-schedule.js';
import { demoMemberships, demoPeople, demoUnits } from '../../functions/runtime/seed/demo-organisation.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

function personWhere(test: (ms: Membership[]) => boolean): string {
  const person = demoPeople.find((p) => test(demoMemberships.filter((m) => m.personId === p.id)));
  if (!person) throw new Error('The demo organisation has no such person');
  return person.id;
}
const only = (role: Membership['role']) => (ms: Membership[]) => ms.length > 0 && ms.every((m) => m.role === role);
const admin = personWhere(only('admin'));
const supervisor = personWhere((ms) => only('supervisor')(ms) && ms.length === 1 && demoPeople.find((p) => p.id === ms[0]!.personId)?.locale === 'fi');
const unit = (demoMemberships.find((m) => m.personId === supervisor) as Extract<Membership, { role: 'supervisor' }>).unitId;
const areaId = demoUnits.find((u) => u.id === unit)!.areaId;
const coach = demoMemberships.find((m) => m.role === 'coach' && m.unitId === unit)!.personId;
const leader = demoMemberships.find((m) => m.role === 'leader' && m.areaId === areaId)!.personId;
const otherLeader = demoMemberships.find((m) => m.role === 'leader' && m.areaId !== areaId)!.personId;
const otherUnit = demoUnits.find((u) => u.areaId === areaId && u.id !== unit)!.id;

const week = duePeriod('weekly', new Date());
const month = duePeriod('monthly', new Date());
const base = `/api/units/${unit}`;

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe('measurements through the API', () => {
  let t: TestApp;
  const send = (path: string, as: string, method: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.request(path, { as, method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const csv = (path: string, as: string, text: string) => t.request(path, { as, method: 'POST', headers: { 'content-type': 'text/csv' }, body: text });

  beforeAll(async () => {
    t = await createTestApp();
    expect((await send(`${base}/measures`, supervisor, 'POST', { source: 'catalogue', key: 'firstContact', target: { value: 80 }, validFrom: addPeriods(week, -30) })).status).toBe(201);
    const omaolo = await send(`${base}/measures`, coach, 'POST', { source: 'catalogue', key: 'omaolo', validFrom: addPeriods(week, -12) });
    expect(omaolo.status, await omaolo.clone().text()).toBe(201);
  });

  it('lets supervisors and coaches choose measures, leaders only read them, and hides other units', async () => {
    const list = await json(await t.request(`${base}/measures`, { as: leader }));
    expect(list.items.map((m: any) => m.key)).toEqual(expect.arrayContaining(['firstContact', 'omaolo']));
    expect((await send(`${base}/measures`, leader, 'POST', { source: 'catalogue', key: 'carePlans' })).status).toBe(403);
    expect((await t.request(`${base}/measures`, { as: otherLeader })).status).toBe(404);
    expect((await send(`/api/units/${otherUnit}/measures/firstContact/periods/${week}`, supervisor, 'PUT', { numerator: 1, denominator: 2 })).status).toBe(404);
    const custom = await send(`${base}/measures`, supervisor, 'POST', { source: 'catalogue', key: 'noSuchMeasure' });
    expect(custom.status).toBe(400);
    expect((await json(custom)).errors[0].field).toBe('body.key');
  });

  it('writes a figure once, treats the same figure as a no-op, and keeps a changed one in the audit trail', async () => {
    const path = `${base}/measures/firstContact/periods/${week}`;
    const writtenBefore = t.counted.get('FiguresWritten') ?? 0;
    const created = await send(path, supervisor, 'PUT', { numerator: 30, denominator: 40 });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const again = await send(path, supervisor, 'PUT', { numerator: 30, denominator: 40 });
    expect(again.status).toBe(200);
    expect((await json(again)).version).toBe(1);
    expect((await send(path, supervisor, 'PUT', { numerator: 32, denominator: 40 })).status).toBe(428);
    expect((await send(path, supervisor, 'PUT', { numerator: 32, denominator: 40 }, { 'if-match': '"7"' })).status).toBe(412);
    const changed = await send(path, coach, 'PUT', { numerator: 32, denominator: 40 }, { 'if-match': '"1"' });
    expect(changed.status).toBe(200);
    expect(await json(changed)).toMatchObject({ version: 2, value: 0.8, enteredBy: { personId: coach } });
    const trail = await t.deps.audit.listByUnit(unit, { entityId: `firstContact/${week}` });
    expect(trail.items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(trail.items[0]?.changes).toEqual([
      { field: 'numerator', from: 30, to: 32 },
      { field: 'value', from: 0.75, to: 0.8 },
    ]);
    expect((await send(path, leader, 'PUT', { numerator: 1, denominator: 2 })).status).toBe(403);
    // Created and changed count for operators; the same figure again and the refusals do not.
    expect((t.counted.get('FiguresWritten') ?? 0) - writtenBefore).toBe(2);
  });

  it('answers invalid figures with the failing fields in the person’s language', async () => {
    const path = `${base}/measures/firstContact/periods/${addPeriods(week, -1)}`;
    const fi = await json(await send(path, supervisor, 'PUT', { numerator: 50, denominator: 40 }));
    expect(fi.errors).toEqual([{ field: 'body.numerator', label: 'Osoittaja', message: 'Osoittaja (50) ei voi olla suurempi kuin nimittäjä (40).' }]);
    const sv = await json(await send(path, supervisor, 'PUT', { numerator: 5, denominator: 0 }, { 'accept-language': 'sv-FI,sv;q=0.9' }));
    expect(sv.errors).toEqual([{ field: 'body.denominator', label: 'Nämnare', message: 'Nämnaren ska vara ett heltal större än 0.' }]);
    const future = await send(`${base}/measures/firstContact/periods/${addPeriods(week, 3)}`, supervisor, 'PUT', { numerator: 1, denominator: 2 }, { 'accept-language': 'en' });
    expect((await json(future)).errors[0]).toMatchObject({ field: 'body.period' });
  });

  it('offers the period form with the last figures, and saves the valid rows of a submit while reporting the others', async () => {
    const form = await json(await t.request(`${base}/entry`, { as: supervisor }));
    const row = form.rows.find((r: any) => r.measureKey === 'firstContact');
    expect(row).toMatchObject({ period: week, current: { numerator: 32 }, target: 80 });
    const submit = await json(
      await send(`${base}/entry`, supervisor, 'POST', {
        rows: [
          { measureKey: 'firstContact', period: addPeriods(week, -1), numerator: 20, denominator: 30 },
          { measureKey: 'omaolo', period: week, value: -3 },
          { measureKey: 'firstContact', period: week, numerator: 32, denominator: 40, note: '' },
          { measureKey: 'carePlans', period: month, numerator: 1, denominator: 2 },
        ],
      }),
    );
    expect(submit.results.map((r: any) => r.status)).toEqual(['created', 'invalid', 'unchanged', 'invalid']);
    expect(submit.results[1].errors).toEqual([{ field: 'value', message: 'Arvon pitää olla kokonaisluku väliltä 0–100000.' }]);
    expect(submit.results[3].errors[0].field).toBe('measureKey');
  });

  it('previews a CSV file row by row, imports all or nothing, and exports the same format back', async () => {
    const good = `\uFEFFmittari;jakso;arvo;osoittaja;nimittäjä;huomio\r\nfirstContact;${addPeriods(week, -2)};;25;40;\r\nomaolo;${addPeriods(week, -1)};310;;;\r\n`;
    const bad = `${good}firstContact;${addPeriods(week, -3)};;41;40;\r\nt9;${week};3;;;\r\n`;
    const preview = await json(await csv(`${base}/import?dryRun=true`, supervisor, bad));
    expect(preview).toMatchObject({ dryRun: true, valid: false, written: false, counts: { create: 2, invalid: 2 } });
    expect(preview.rows.map((r: any) => [r.line, r.status])).toEqual([[2, 'create'], [3, 'create'], [4, 'invalid'], [5, 'invalid']]);
    expect(preview.rows[2].errors[0]).toMatchObject({ field: 'osoittaja' });

    const refused = await csv(`${base}/import`, supervisor, bad);
    expect(refused.status).toBe(400);
    expect((await json(refused)).errors.map((e: any) => e.field)).toEqual(['line 4: osoittaja', 'line 5: mittari']);
    expect(await t.deps.measurements.getMeasurement(unit, 'omaolo', addPeriods(week, -1))).toBeUndefined();

    const imported = await json(await csv(`${base}/import`, supervisor, good));
    expect(imported).toMatchObject({ valid: true, written: true, counts: { create: 2 } });
    expect(await t.deps.measurements.getMeasurement(unit, 'omaolo', addPeriods(week, -1))).toMatchObject({ value: 310 });

    const exported = await t.request(`${base}/export.csv`, { as: leader });
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await exported.text();
    expect(text).toMatch(new RegExp(`\r\nfirstContact;[^;]+;${week};vk \\d+/\\d{4};;32;40;\r\n`));
    const roundTrip = await json(await csv(`${base}/import?dryRun=true`, supervisor, text));
    expect(roundTrip.valid).toBe(true);
    expect(roundTrip.rows.every((r: any) => r.status === 'unchanged')).toBe(true);
  });

  it("serves a chart's data with phases, and the projection brings the snapshot and the area's status item up to date", async () => {
    // A phase needs six figures before it (the minimum baseline): six earlier weeks first.
    for (let n = 9; n >= 4; n--) expect((await send(`${base}/measures/firstContact/periods/${addPeriods(week, -n)}`, supervisor, 'PUT', { numerator: 30, denominator: 40 })).status).toBe(201);
    const phase = await send(`${base}/measures/firstContact/phases`, coach, 'POST', { startPeriod: addPeriods(week, -1), reason: 'Adopted: the nurse calls back the same day' });
    expect(phase.status).toBe(201);
    await t.projection.settled();
    const series = await json(await t.request(`${base}/measures/firstContact/series`, { as: leader }));
    expect(series.analysis.chart).toBe('p');
    expect(series.analysis.phases).toEqual([expect.objectContaining({ startPeriod: addPeriods(week, -1), kind: 'decided' })]);
    expect(series.analysis.points.at(-1)).toMatchObject({ period: week, y: 80 });
    expect(await t.deps.measurements.latestSnapshot(unit, 'firstContact')).toMatchObject({ period: week, value: 80, target: 80 });
    const overview = await json(await t.request(`/api/areas/${areaId}/overview`, { as: leader }));
    const mine = overview.units.find((s: any) => s.unitId === unit);
    expect(mine.measures.find((m: any) => m.measureKey === 'firstContact')).toMatchObject({ latestPeriod: week, latestValue: 80, target: 80 });
    expect((await t.request(`/api/areas/${areaId}/overview`, { as: otherLeader })).status).toBe(404);
  });

  it('lets only admins run a round now', async () => {
    expect((await send('/api/rounds', supervisor, 'POST', { frequency: 'weekly' })).status).toBe(403);
  });

  it('changes a target with If-Match', async () => {
    const path = `${base}/measures/firstContact`;
    const current = await json(await t.request(`${base}/measures`, { as: supervisor }));
    const version = current.items.find((m: any) => m.key === 'firstContact').version;
    expect((await send(path, supervisor, 'PATCH', { target: { value: 85 } })).status).toBe(428);
    const changed = await send(path, supervisor, 'PATCH', { target: { value: 85 } }, { 'if-match': `"${version}"` });
    expect(changed.status).toBe(200);
    expect((await json(changed)).target).toEqual({ value: 85, by: null });
    expect((await send(path, admin, 'PATCH', { frequency: 'monthly' }, { 'if-match': `"${version + 1}"` })).status).toBe(409);
  });

  it('stops tracking a measure and takes it back: the figures and chart stay, the entry form, new figures and the status leave it meanwhile, and both are audited', async () => {
    const path = `${base}/measures/omaolo`;
    const figure = `${path}/periods/${addPeriods(week, -2)}`;
    expect((await send(figure, supervisor, 'PUT', { value: 300 })).status).toBe(201);
    const version = (await json(await t.request(`${base}/measures`, { as: supervisor }))).items.find((m: any) => m.key === 'omaolo').version;
    expect((await send(path, leader, 'PATCH', { tracked: false }, { 'if-match': `"${version}"` })).status).toBe(403);
    const stopped = await send(path, coach, 'PATCH', { tracked: false }, { 'if-match': `"${version}"` });
    expect(stopped.status).toBe(200);
    expect((await json(stopped)).stoppedAt).toEqual(expect.any(String));
    // Kept: listed as stopped, its chart and figures readable.
    const listed = (await json(await t.request(`${base}/measures`, { as: leader }))).items.find((m: any) => m.key === 'omaolo');
    expect(listed.stoppedAt).toEqual(expect.any(String));
    const chart = await json(await t.request(`${path}/series`, { as: leader }));
    expect(chart.analysis.points.find((p: any) => p.period === addPeriods(week, -2))).toMatchObject({ y: 300 });
    // Left: the entry form, new figures (with a sentence), the unit's status in the overview.
    const form = await json(await t.request(`${base}/entry`, { as: supervisor }));
    expect(form.rows.map((r: any) => r.measureKey)).not.toContain('omaolo');
    const refused = await send(`${path}/periods/${week}`, supervisor, 'PUT', { value: 310 });
    expect(refused.status).toBe(409);
    expect((await json(refused)).detail).toContain('lopettanut tämän mittarin seurannan');
    const entry = await json(await send(`${base}/entry`, supervisor, 'POST', { rows: [{ measureKey: 'omaolo', period: week, value: 310 }] }));
    expect(entry.results[0].status).toBe('invalid');
    await t.projection.settled();
    const overview = await json(await t.request(`/api/areas/${areaId}/overview`, { as: leader }));
    expect(overview.units.find((s: any) => s.unitId === unit).measures.map((m: any) => m.measureKey)).not.toContain('omaolo');
    // Taking it back continues the same series.
    const again = await send(path, coach, 'PATCH', { tracked: true }, { 'if-match': `"${version + 1}"` });
    expect(again.status).toBe(200);
    expect((await json(again)).stoppedAt).toBeUndefined();
    expect((await send(`${path}/periods/${week}`, supervisor, 'PUT', { value: 310 })).status).toBe(201);
    await t.projection.settled();
    const back = await json(await t.request(`/api/areas/${areaId}/overview`, { as: leader }));
    expect(back.units.find((s: any) => s.unitId === unit).measures.map((m: any) => m.measureKey)).toContain('omaolo');
    const trail = await t.deps.audit.listByUnit(unit, { entityId: 'omaolo' });
    expect(trail.items.map((e: any) => e.action)).toEqual(expect.arrayContaining(['stopTracking', 'resumeTracking']));
  });
});
