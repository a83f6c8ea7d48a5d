import { beforeAll, describe, expect, it } from 'vitest';
import { addPeriods } from '../../functions/domain/period.js';
import { duePeriod } from '../../functions/domain/round-schedule.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Hankasalmi's supervisor and the area's leader in the demo seed; Palokka's coach for its T3 cycles.
const UNIT = 'hankasalmi';
const supervisor = 'kaisa-nieminen';
const leader = 'jukka-heikkinen';
const base = `/api/units/${UNIT}/measures/calls`;
const week = duePeriod('weekly', new Date());
const ago = (n: number) => addPeriods(week, -n);
/** Ten weeks of call-backs around 10 a day, with one far-off week (an entry error) five weeks ago. */
const FIGURES = [9, 11, 10, 12, 8, 60, 10, 11, 9, 10];

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe("a chart's phases, frozen baseline and figures left out, through the API", () => {
  let t: TestApp;
  const send = (path: string, method: string, body?: unknown, as = supervisor) =>
    t.request(path, { as, method, headers: { 'content-type': 'application/json', 'accept-language': 'fi' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const series = async () => json(await t.request(`${base}/series`, { as: leader }));

  beforeAll(async () => {
    t = await createTestApp();
    const tracked = await send(`/api/units/${UNIT}/measures`, 'POST', {
      source: 'custom', key: 'calls', frequency: 'weekly', validFrom: ago(30),
      fields: {
        name: { fi: 'Takaisinsoitot', sv: 'Återuppringningar', en: 'Call-backs' },
        definition: { fi: 'Päivän takaisinsoitot', sv: 'Dagens återuppringningar', en: "The day's call-backs" },
        type: 'process', valueKind: 'count', better: 'higher', unitLabel: { fi: 'kpl', sv: 'st', en: 'pcs' },
        validRange: { min: 0, max: 1000 }, chart: 'i', multiply: 1,
      },
    });
    expect(tracked.status, await tracked.clone().text()).toBe(201);
    for (const [i, value] of FIGURES.entries()) {
      expect((await send(`${base}/periods/${ago(10 - i)}`, 'PUT', { value })).status).toBe(201);
    }
  });

  it('refuses a phase that would leave fewer than six figures before it, saying why, and changes or removes one with the reason kept', async () => {
    const early = await send(`${base}/phases`, 'POST', { startPeriod: ago(7), reason: 'Uusi käytäntö' });
    expect(early.status).toBe(409);
    expect((await json(early)).detail).toMatch(/olisi vain 3 lukua\. Keskiviivan ja valvontarajojen laskemiseen tarvitaan vähintään 6 lukua/);

    expect((await send(`${base}/phases`, 'POST', { startPeriod: ago(3), reason: 'Takaisinsoitot aamupäivällä' })).status).toBe(201);
    // Moving it earlier would leave the phase before too short; a new reason is kept with why.
    const moved = await send(`${base}/phases/${ago(3)}`, 'PATCH', { startPeriod: ago(6), why: 'Väärä viikko' });
    expect(moved.status).toBe(409);
    expect((await json(moved)).detail).toMatch(/tarvitaan vähintään 6/);
    expect((await send(`${base}/phases/${ago(3)}`, 'PATCH', { reason: 'Takaisinsoitot koko päivän' })).status).toBe(400);
    const changed = await send(`${base}/phases/${ago(3)}`, 'PATCH', { startPeriod: ago(2), reason: 'Takaisinsoitot koko päivän', why: 'Käytäntö alkoi viikkoa myöhemmin' });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect((await json(await t.request(`${base}/phases`, { as: leader }))).items.map((p: any) => [p.startPeriod, p.reason])).toEqual([[ago(2), 'Takaisinsoitot koko päivän']]);
    expect((await send(`${base}/phases/${ago(2)}`, 'PATCH', { reason: 'x', why: 'y' }, leader)).status).toBe(403);

    expect((await send(`${base}/phases/${ago(2)}?why=${encodeURIComponent('Ei muutosta toimintaan sittenkään')}`, 'DELETE')).status).toBe(204);
    expect((await json(await t.request(`${base}/phases`, { as: leader }))).items).toEqual([]);
    const trail = await t.deps.audit.listByUnit(UNIT, { entityId: `calls/${ago(2)}` });
    expect(trail.items.map((e) => e.action)).toEqual(expect.arrayContaining(['remove']));
    expect(trail.items.find((e) => e.action === 'remove')!.changes).toEqual(
      expect.arrayContaining([{ field: 'why', from: null, to: 'Ei muutosta toimintaan sittenkään' }, { field: 'reason', from: 'Takaisinsoitot koko päivän', to: null }]),
    );
    expect((await send(`${base}/phases/${ago(2)}?why=uudelleen`, 'DELETE')).status).toBe(404);
  });

  it('leaves a figure out with its reason on the chart, and the projection rebuilds the snapshot without it', async () => {
    await t.projection.settled();
    const before = await t.deps.measurements.latestSnapshot(UNIT, 'calls');
    const excluded = await send(`${base}/excluded/${ago(5)}`, 'PUT', { reason: 'Kirjausvirhe: viikon summa päivän sijaan' });
    expect(excluded.status, await excluded.clone().text()).toBe(200);
    expect((await json(excluded)).chartSettings.excluded).toEqual([{ period: ago(5), reason: 'Kirjausvirhe: viikon summa päivän sijaan' }]);
    expect((await send(`${base}/excluded/${ago(11)}`, 'PUT', { reason: 'Ei lukua' })).status).toBe(400);

    const chart = await series();
    const point = chart.analysis.points.find((p: any) => p.period === ago(5));
    expect(point).toMatchObject({ y: 60, excluded: 'Kirjausvirhe: viikon summa päivän sijaan', sigmaSignal: false });
    // The centre line is the mean of the other nine.
    expect(chart.analysis.points.at(-1).cl).toBeCloseTo(90 / 9, 8);
    await t.projection.settled();
    const after = await t.deps.measurements.latestSnapshot(UNIT, 'calls');
    expect(before!.cl).toBeCloseTo(150 / 10, 8);
    expect(after!.cl).toBeCloseTo(90 / 9, 8);

    expect((await send(`${base}/excluded/${ago(5)}`, 'DELETE')).status).toBe(200);
    await t.projection.settled();
    expect((await t.deps.measurements.latestSnapshot(UNIT, 'calls'))!.cl).toBeCloseTo(15, 8);
    expect((await send(`${base}/excluded/${ago(5)}`, 'PUT', { reason: 'Kirjausvirhe' })).status).toBe(200);
    const trail = await t.deps.audit.listByUnit(UNIT, { entityId: 'calls' });
    expect(trail.items.map((e) => e.action)).toEqual(expect.arrayContaining(['excludePoint', 'includePoint']));
  });

  it('freezes the baseline only with six figures in it, and carries its limits on', async () => {
    const short = await send(`${base}/baseline`, 'PUT', { baselineEnd: ago(6) });
    expect(short.status).toBe(409);
    expect((await json(short)).detail).toMatch(/Perustasoa ei voi lukita tähän: siinä olisi vain 5 lukua/);
    expect((await send(`${base}/baseline`, 'PUT', { baselineEnd: ago(3) }, leader)).status).toBe(403);
    // Ten weeks back to three weeks ago holds eight figures, one of them left out: seven count.
    expect((await send(`${base}/baseline`, 'PUT', { baselineEnd: ago(3) })).status).toBe(200);
    const chart = await series();
    expect(chart.analysis.baselineEnd).toBe(ago(3));
    const baseline = [9, 11, 10, 12, 8, 10, 11];
    const mean = baseline.reduce((a, b) => a + b, 0) / baseline.length;
    expect(chart.analysis.points.at(-1).cl).toBeCloseTo(mean, 8);
    await t.projection.settled();
    expect((await t.deps.measurements.latestSnapshot(UNIT, 'calls'))!.cl).toBeCloseTo(mean, 8);
    expect((await send(`${base}/baseline`, 'PUT', { baselineEnd: null })).status).toBe(200);
    expect((await series()).analysis.baselineEnd).toBeNull();
  });

  it('shows moving ranges beside an I chart', async () => {
    const chart = await series();
    const ranges = chart.analysis.movingRanges;
    expect(ranges.map((r: any) => r.y).filter((y: number | null) => y !== null)).toEqual([2, 1, 2, 4, 52, 50, 1, 2, 1]);
    expect(ranges.at(-1).ucl).toBeCloseTo(3.267 * ranges.at(-1).cl, 8);
  });

  it("marks each cycle's prediction and verdict on its measure's chart", async () => {
    const palokka = await json(await t.request('/api/units/palokka/measures/t3/series', { as: leader }));
    const ramp = palokka.cycleMarkers.find((m: any) => m.cycleId === 'palokka-ramp-1');
    expect(ramp.prediction).toEqual({ questionIndex: 0, direction: 'decrease', value: 12 });
    expect(ramp.doEndPeriod).toMatch(/^\d{4}-W\d{2}$/);
    expect(ramp.verdict).toMatchObject({ outcome: expect.stringMatching(/^(met|notMet|tooEarly)$/), text: { fi: expect.stringMatching(/T3/) } });
  });
});
