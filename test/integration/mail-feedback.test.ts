import { beforeAll, describe, expect, it } from 'vitest';
import { recordMailFeedback } from '../../functions/app/people/record-mail-feedback.js';
import type { BusinessMetric } from '../../functions/metrics/business-metrics.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Palokka in the demo organisation: Aino Virtanen coaches it, Minna Hakala supervises it. */
const UNIT = 'palokka';
const COACH = 'aino-virtanen';
const SUPERVISOR = 'minna-hakala';

describe('an e-mail address that SES reports undeliverable', () => {
  let t: TestApp;
  const counted: [BusinessMetric, number][] = [];
  const logged: string[] = [];
  let record: ReturnType<typeof recordMailFeedback>;

  beforeAll(async () => {
    t = await createTestApp();
    record = recordMailFeedback({ people: t.deps.people, metrics: { count: (metric, value = 1) => counted.push([metric, value]) }, log: (message) => logged.push(message) });
  });

  const peopleAs = async (personId: string) => {
    const response = await t.request(`/api/units/${UNIT}/people`, { as: personId });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { id: string; name: string; roles: string[]; undeliverable?: { reason: string; detail: string } }[] }).items;
  };

  it("lists a unit's coaches and supervisors by name, every address deliverable at first", async () => {
    const people = await peopleAs(COACH);
    expect(people).toContainEqual({ id: COACH, name: 'Aino Virtanen', roles: ['coach'] });
    expect(people).toContainEqual({ id: SUPERVISOR, name: 'Minna Hakala', roles: ['supervisor'] });
    expect(people.every((p) => p.undeliverable === undefined)).toBe(true);
  });

  it('is marked on the person, whatever the case of the address, and counted as bounced', async () => {
    const at = '2026-11-30T06:15:00.000Z';
    const { marked } = await record({ reason: 'bounce', at, detail: 'General; smtp; 550 5.1.1 user unknown', addresses: ['Minna.Hakala@sykli.example'] });
    expect(marked).toEqual([SUPERVISOR]);
    expect(counted).toContainEqual(['EmailsBounced', 1]);
    expect((await t.deps.people.getWithMemberships(SUPERVISOR))?.person.undeliverable).toEqual({ reason: 'bounce', at, detail: 'General; smtp; 550 5.1.1 user unknown' });
  });

  it("is shown to the unit's coach and to an admin, with SES's reason", async () => {
    for (const reader of [COACH, 'tiina-koskinen']) {
      const minna = (await peopleAs(reader)).find((p) => p.id === SUPERVISOR);
      expect(minna?.undeliverable).toMatchObject({ reason: 'bounce', detail: expect.stringContaining('550 5.1.1') });
    }
  });

  it('is not shown to the supervisors, who do not invite anyone', async () => {
    expect((await peopleAs(SUPERVISOR)).every((p) => p.undeliverable === undefined)).toBe(true);
  });

  it('is left alone, and logged, when the address is no one’s in Sykli', async () => {
    counted.length = 0;
    const { marked } = await record({ reason: 'complaint', at: '2026-11-30T07:00:00.000Z', detail: 'abuse', addresses: ['someone.else@example.org'] });
    expect(marked).toEqual([]);
    expect(counted).toEqual([['EmailsBounced', 0]]);
    expect(logged.at(-1)).toContain('no one');
  });

  it("answers 404 for a unit the person may not see, as every unit's route does", async () => {
    expect((await t.request('/api/units/vaasa/people', { as: SUPERVISOR })).status).toBe(404);
  });
});
