import { beforeAll, describe, expect, it } from 'vitest';
import { digestWeek } from '../../functions/domain/weekly-digest.js';
import type { OutboxMessage } from '../../functions/store/outbox-repository.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// In the demo seed: a coach who turns the digest off, a leader whom the admin deactivates, an admin.
const COACH = 'eero-salminen';
const OPTED_OUT = 'aino-virtanen';
const DEACTIVATED = 'riitta-makela';
const LEADER = 'jukka-heikkinen';
const ADMIN = 'tiina-koskinen';
const SUPERVISOR = 'kaisa-nieminen';

describe("the weekly digest: one per coach and area leader per week, in their language, unless they've turned it off", () => {
  let t: TestApp;
  const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function digests(): Promise<OutboxMessage[]> {
    const all: OutboxMessage[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.pdsa.outbox.list({ cursor, limit: 100 });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all.filter((m) => m.kind === 'weekly-digest');
  }

  async function sendNow(): Promise<void> {
    const response = await t.request('/api/digests', { method: 'POST', as: ADMIN, ...json({ week: digestWeek(new Date()) }) });
    expect(response.status).toBe(202);
    const started = (await response.json()) as { executionName: string; week: string; result: string };
    expect(started).toMatchObject({ week: digestWeek(new Date()), result: 'started' });
    const done = await t.pdsa.engine.waitFor(started.executionName);
    expect(done.error).toBeUndefined();
    expect(done.status).toBe('SUCCEEDED');
  }

  beforeAll(async () => {
    t = await createTestApp();
  });

  it("refuses to send any week's digest but this one", async () => {
    const response = await t.request('/api/digests', { method: 'POST', as: ADMIN, ...json({ week: '2020-W01' }) });
    expect(response.status).toBe(400);
    expect((await digests()).length).toBe(0);
  });

  it('lets a person turn their digest off in their own settings, recorded in the audit trail', async () => {
    const off = await t.request('/api/me/settings', { method: 'PATCH', as: OPTED_OUT, ...json({ digest: false }) });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { person: { digest?: boolean } }).person.digest).toBe(false);
    const me = (await (await t.request('/api/me', { as: OPTED_OUT })).json()) as { person: { digest?: boolean } };
    expect(me.person.digest).toBe(false);
    const trail = await t.deps.audit.listAdmin({ personId: OPTED_OUT, kind: 'person' });
    expect(trail.items.at(-1)).toMatchObject({ actor: { type: 'person', personId: OPTED_OUT }, changes: [{ field: 'digest', to: false }] });

    expect((await t.request('/api/me/settings', { method: 'PATCH', as: OPTED_OUT, ...json({ digest: 'no' }) })).status).toBe(400);
  });

  it('sends one digest to each eligible person; a second run of the week sends none', async () => {
    const deactivated = await t.request(`/api/admin/people/${DEACTIVATED}/deactivate`, {
      method: 'POST', as: ADMIN, headers: { 'if-match': `"${(await t.deps.people.getWithMemberships(DEACTIVATED))!.person.version}"` },
    });
    expect(deactivated.status).toBe(200);

    // Whom the week's digest is for: the active coaches and leaders who have not turned it off.
    const everyone = await Promise.all((await t.deps.people.listPeople()).map((p) => t.deps.people.getWithMemberships(p.id)));
    const eligible = everyone
      .filter((f) => f && !f.person.deactivatedAt && f.person.digest !== false && f.memberships.some((m) => m.role === 'coach' || m.role === 'leader'))
      .map((f) => f!.person);
    expect(eligible.map((p) => p.id)).toEqual(expect.arrayContaining([COACH, LEADER]));
    expect(eligible.map((p) => p.id)).not.toContain(OPTED_OUT);

    await sendNow();
    const sent = await digests();
    expect(sent.map((m) => m.to[0]).sort()).toEqual(eligible.map((p) => p.email).sort());
    // Turned off, deactivated, or neither coach nor leader: nothing.
    for (const id of [OPTED_OUT, DEACTIVATED, SUPERVISOR]) {
      const { email } = (await t.deps.people.getWithMemberships(id))!.person;
      expect(sent.filter((m) => m.to.includes(email)), id).toEqual([]);
    }

    const coachMail = sent.find((m) => m.about.personId === COACH)!;
    expect(coachMail.subject).toMatch(/^Sykli: viikkokooste \(vk \d+\/\d{4}\)$/);
    expect(coachMail.text).toContain('Agendasi Syklissä');
    expect(coachMail.text).toContain('/settings');
    expect(coachMail.html).toContain('<html lang="fi">');
    const leaderMail = sent.find((m) => m.about.personId === LEADER)!;
    expect(leaderMail.text).toMatch(/Keski-Suomen hyvinvointialue: tilannekatsaus/);
    expect(leaderMail.text).toMatch(/\/areas\/keski-suomi\/briefing\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);

    await sendNow();
    expect((await digests()).length).toBe(sent.length);
  });
});
