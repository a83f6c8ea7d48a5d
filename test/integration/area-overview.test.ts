import { beforeAll, describe, expect, it } from 'vitest';
import type { Membership } from '../../functions/domain/membership.js';
import { helsinkiDate } from '../../functions/domain/helsinki-time.js';
import { demoMemberships, demoUnits } from '../../functions/runtime/seed/demo-organisation.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Keski-Suomi: Palokka has adopted a change in the demo data; its leader sees all six stations.
const areaId = 'keski-suomi';
const leader = demoMemberships.find((m) => m.role === 'leader' && m.areaId === areaId)!.personId;
const coachOf = (unitId: string) => demoMemberships.find((m) => m.role === 'coach' && m.unitId === unitId)!.personId;
const supervisorOf = (unitId: string) =>
  (demoMemberships.find((m) => m.role === 'supervisor' && m.unitId === unitId) as Extract<Membership, { role: 'supervisor' }>).personId;

async function json(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/json/);
  return (await response.json()) as Record<string, any>;
}

describe("leadership's area overview and the progress score", () => {
  let t: TestApp;
  const commands: string[] = [];
  const send = (path: string, as: string, method: string, body: unknown) =>
    t.request(path, { as, method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await createTestApp();
    t.db.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Key?: { PK?: string }; ExpressionAttributeValues?: Record<string, unknown> };
        const partition = input.Key?.PK ?? Object.values(input.ExpressionAttributeValues ?? {}).find((v) => typeof v === 'string' && v.includes('#'));
        // The document client's commands only (the low-level ones it sends carry marshalled values).
        if (typeof partition === 'string') commands.push(`${context.commandName} ${partition}`);
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
  });

  it('shows every unit of the area from one Query, with scores, cycles, completeness and attention', async () => {
    commands.length = 0;
    const overview = await json(await t.request(`/api/areas/${areaId}/overview`, { as: leader }));
    // Besides signing the leader in (their profile and memberships): one Query of the area's status items.
    const reads = commands.filter((c) => !/ (USER|EMAIL)#/.test(c));
    expect(reads, JSON.stringify(commands)).toEqual([`QueryCommand AREA#${areaId}`]);
    const unitsOfArea = demoUnits.filter((u) => u.areaId === areaId).map((u) => u.id).sort();
    expect(overview.units.map((u: any) => u.unitId).sort()).toEqual(unitsOfArea);
    const palokka = overview.units.find((u: any) => u.unitId === 'palokka');
    expect(palokka.pdsa.adoptedChanges.length).toBeGreaterThan(0);
    expect(palokka.progress.suggested).toBeGreaterThanOrEqual(3);
    expect(palokka.measures.length).toBeGreaterThan(0);
    for (const unit of overview.units) expect(unit.measures.every((m: any) => m.completeness.expected === 12)).toBe(true);
    expect(overview.measures.map((m: any) => m.measureKey)).toContain('t3');
  });

  it("warns when a unit's confirmed score is old: the demo has one stale and one current", async () => {
    const overview = await json(await t.request(`/api/areas/${areaId}/overview`, { as: leader }));
    const unit = (id: string) => overview.units.find((u: any) => u.unitId === id);
    expect(unit('hankasalmi')).toMatchObject({ progressStale: true, progress: { confirmed: { score: 2 } } });
    expect(unit('uurainen')).toMatchObject({ progressStale: false, progress: { confirmed: { score: 1.5 } } });
  });

  it('shows a coach or supervisor only their own units of the area', async () => {
    const supervisor = supervisorOf('palokka');
    const overview = await json(await t.request(`/api/areas/${areaId}/overview`, { as: supervisor }));
    const own = demoMemberships.filter((m) => m.personId === supervisor && m.role === 'supervisor').map((m) => (m as { unitId: string }).unitId);
    expect(overview.units.map((u: any) => u.unitId).sort()).toEqual(own.filter((u) => demoUnits.find((d) => d.id === u)?.areaId === areaId).sort());
  });

  it('exports the matrix as CSV in the asked language', async () => {
    const response = await t.request(`/api/areas/${areaId}/overview.csv?lang=sv`, { as: leader });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="sykli-keski-suomi-\d{4}-\d\d-\d\d\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^Enhet;Framstegsbedömning;/);
    expect(text).toContain(demoUnits.find((u) => u.id === 'palokka')!.name.sv);
    expect((await t.request(`/api/areas/${areaId}/overview.csv?lang=de`, { as: leader })).status).toBe(400);
  });

  it("lets the unit's coach confirm the suggestion, or override it only with a reason", async () => {
    const unitId = 'palokka';
    const coach = coachOf(unitId);
    const before = (await json(await t.request(`/api/areas/${areaId}/overview`, { as: leader }))).units.find((u: any) => u.unitId === unitId);
    const suggested = before.progress.suggested as number;
    const other = suggested === 5 ? 4.5 : suggested + 0.5;

    expect((await send(`/api/units/${unitId}/progress`, supervisorOf(unitId), 'PUT', { score: suggested })).status).toBe(403);
    expect((await send(`/api/units/${unitId}/progress`, leader, 'PUT', { score: suggested })).status).toBe(403);
    expect((await send(`/api/units/${unitId}/progress`, coach, 'PUT', { score: 3.3 })).status).toBe(400);
    const noReason = await send(`/api/units/${unitId}/progress`, coach, 'PUT', { score: other });
    expect(noReason.status).toBe(400);
    expect((await json(noReason)).errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);

    const confirmed = await send(`/api/units/${unitId}/progress`, coach, 'PUT', { score: other, reason: 'Muutos on levinnyt koko vastaanotolle.' });
    expect(confirmed.status).toBe(200);
    expect(await json(confirmed)).toMatchObject({ suggested, confirmed: { score: other, reason: 'Muutos on levinnyt koko vastaanotolle.' } });
    const after = (await json(await t.request(`/api/areas/${areaId}/overview`, { as: leader }))).units.find((u: any) => u.unitId === unitId);
    expect(after).toMatchObject({ progressStale: false, progress: { confirmed: { score: other } } });
    const audit = await json(await t.request(`/api/units/${unitId}/audit`, { as: coach }));
    expect(audit.items.some((e: any) => e.entity.type === 'progress')).toBe(true);
  });

  it('counts a newly started cycle once the projection has followed the change, whoever started it', async () => {
    const unitId = 'palokka';
    const coach = coachOf(unitId);
    const inProgress = async () => (await json(await t.request(`/api/areas/${areaId}/overview`, { as: leader }))).units.find((u: any) => u.unitId === unitId).pdsa.inProgress as number;
    const before = await inProgress();
    const created = await json(await send(`/api/units/${unitId}/cycles`, coach, 'POST', { title: 'Takaisinsoitot samana päivänä', objective: 'Kokeillaan, ehtiikö hoitaja soittaa takaisin samana päivänä.', plan: { doStart: '2026-11-01', doEnd: '2026-11-30' } }));
    const moved = await t.request(`/api/units/${unitId}/cycles/${created.id}/transitions`, {
      as: coach, method: 'POST', headers: { 'content-type': 'application/json', 'if-match': `"${created.version}"` }, body: JSON.stringify({ to: 'doing' }),
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    await t.projection.settled();
    expect(await inProgress()).toBe(before + 1);
  });

  it('starts the briefing where the last presented one ended, and marks one presented only as the area\'s leadership', async () => {
    const today = helsinkiDate(new Date());
    const fourWeeksAgo = helsinkiDate(new Date(Date.now() - 28 * 86_400_000));
    const first = await json(await t.request(`/api/areas/${areaId}/briefing`, { as: leader }));
    expect(first).toMatchObject({ from: fourWeeksAgo, to: today, lastPresented: null, can: { markPresented: true } });
    expect((await t.request(`/api/areas/${areaId}/briefing`, { as: supervisorOf('palokka') }).then((r) => r.json())).can).toEqual({ markPresented: false });

    const window = { from: first.from, to: first.to };
    expect((await send(`/api/areas/${areaId}/briefing/presented`, supervisorOf('palokka'), 'POST', window)).status).toBe(403);
    expect((await send(`/api/areas/${areaId}/briefing/presented`, leader, 'POST', { from: today, to: fourWeeksAgo })).status).toBe(400);
    const marked = await send(`/api/areas/${areaId}/briefing/presented`, leader, 'POST', window);
    expect(marked.status).toBe(201);

    const next = await json(await t.request(`/api/areas/${areaId}/briefing`, { as: leader }));
    expect(next).toMatchObject({ from: today, to: today, lastPresented: { from: fourWeeksAgo, to: today, by: { personId: leader } } });
    // Asked dates still win over the default.
    expect((await json(await t.request(`/api/areas/${areaId}/briefing?from=${fourWeeksAgo}`, { as: leader }))).from).toBe(fourWeeksAgo);
    const trail = await json(await t.request(`/api/admin/audit?areaId=${areaId}`, { as: 'tiina-koskinen' }));
    expect(trail.items.find((e: any) => e.action === 'briefingPresented')).toMatchObject({ actor: { personId: leader }, areaId });
  });

  it('gives each new signal of the briefing the chart it appeared in, for its thumbnail', async () => {
    const from = helsinkiDate(new Date(Date.now() - 364 * 86_400_000));
    const briefing = await json(await t.request(`/api/areas/${areaId}/briefing?from=${from}`, { as: leader }));
    const signals = briefing.units.flatMap((u: any) => u.newSignals);
    expect(signals.length).toBeGreaterThan(0);
    for (const signal of signals) {
      expect(signal.trend.values.length).toBeGreaterThan(0);
      expect(signal.trend.values.length).toBeLessThanOrEqual(26);
      expect(signal.unitLabel.fi).toBeTruthy();
    }
  });
});
