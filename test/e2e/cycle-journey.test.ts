import { readFile } from 'node:fs/promises';
import { addDays, format, parseISO } from 'date-fns';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../functions/domain/helsinki-time.js';
import { expectNoSeriousAxeViolations, launchChromium, signInAs } from '../support/browser.js';
import { sharedApp } from '../support/local-app.js';

// Demo people (functions/runtime/seed/demo-organisation.ts): Minna Hakala supervises Sampoharju,
// Aino Virtanen coaches it.
const SUPERVISOR = 'Minna Hakala';
const COACH = 'Aino Virtanen';
const UNIT = { id: 'sampoharju', name: 'Sampoharjun terveysasema' };
const TITLE = 'Iltapäivän soittopyynnöt hoitajalle';

/** Calendar days relative to today in Helsinki, as the date inputs take them. */
const day = (offset: number) => format(addDays(parseISO(helsinkiDate(new Date())), offset), 'yyyy-MM-dd');

describe('a PDSA cycle from plan to the next cycle of its ramp', () => {
  const app = sharedApp();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const signIn = (person: string) => signInAs(browser, app.url, person);

  it('plans, starts Do, opens Study by itself, schedules the study review, records "adapt" and shows the next cycle', async () => {
    const supervisor = await signIn(SUPERVISOR);
    const coach = await signIn(COACH);
    try {
      // The supervisor plans a cycle whose Do period ended yesterday, on the unit's board.
      let page = supervisor.page;
      await page.getByRole('link', { name: `Avaa syklitaulu: ${UNIT.name}` }).click();
      await page.waitForURL(`${app.url}/units/${UNIT.id}`);
      await page.getByRole('heading', { level: 2, name: 'PDSA-syklit' }).waitFor();
      await page.getByRole('region', { name: /^Suunnittele/ }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the cycle board');

      await page.getByRole('button', { name: 'Uusi sykli' }).click();
      const form = page.getByRole('form', { name: 'Uusi PDSA-sykli' });
      await form.getByLabel('Syklin nimi').fill(TITLE);
      await form.getByLabel('Syklin tarkoitus').fill('Kokeillaan, ehtiikö iltapäivävuoron hoitaja soittaa kaikki soittopyynnöt takaisin samana päivänä.');
      await form.getByLabel('Kuka').fill('Iltapäivävuoron hoitaja');
      await form.getByLabel('Missä').fill('Sampoharjun vastaanotto');
      await form.getByLabel('Mitä tehdään').fill('Soittopyynnöt klo 12–16 ohjataan yhdelle hoitajalle.');
      await form.getByLabel('Toteutus alkaa').fill(day(-3));
      await form.getByLabel('Toteutus päättyy').fill(day(-1));
      await form.getByLabel('Tiedonkeruu').fill('Takaisinsoitot tukkimiehen kirjanpidolla.');
      await form.getByRole('button', { name: 'Luo sykli' }).click();
      await page.waitForURL(/\/units\/sampoharju\/cycles\/[a-z0-9-]+$/);
      const cyclePath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('heading', { name: 'Työlomake' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the cycle page (planning)');

      // Starting Do asks for confirmation: it cannot be undone.
      await page.getByRole('button', { name: 'Aloita toteutus' }).click();
      const confirm = page.getByRole('dialog', { name: 'Aloitetaanko toteutus?' });
      await confirm.waitFor();
      await confirm.getByRole('button', { name: 'Aloita toteutus' }).click();
      await confirm.waitFor({ state: 'detached' });

      // The coach opens the cycle: Study opens by itself at the Do end (the page keeps looking).
      page = coach.page;
      await page.goto(`${app.url}${cyclePath}`);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByText('Tutki-vaihe on käynnissä', { exact: false }).waitFor({ timeout: 30_000 });
      expect(await page.locator('[aria-current="step"]').innerText()).toContain('Tutki');

      // The study review, for tomorrow, with the supervisor.
      await page.getByRole('button', { name: 'Sovi katselmointi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sovi katselmointi' });
      await dialog.waitFor();
      expect(await dialog.getByRole('radio', { name: /Tulosten katselmointi/ }).isChecked()).toBe(true);
      await expectNoSeriousAxeViolations(page, 'the schedule-review dialog');
      await dialog.getByLabel('Päivämäärä').fill(day(1));
      await dialog.getByLabel('Alkamisaika').fill('13:30');
      await dialog.getByLabel('Kesto').selectOption('45');
      await dialog.getByLabel('Paikka', { exact: true }).fill('Neuvotteluhuone Kaarna');
      await dialog.getByRole('checkbox', { name: SUPERVISOR }).check();
      await dialog.getByRole('button', { name: 'Sovi ja lähetä kutsut' }).click();
      await dialog.waitFor({ state: 'detached' });
      // The confirmation, not the timeline's entry of the same event.
      await page.getByRole('status').filter({ hasText: 'Katselmointi sovittiin' }).waitFor();
      const reviews = page.getByRole('region', { name: 'Katselmoinnit' });
      await reviews.getByRole('heading', { name: 'Tulosten katselmointi' }).waitFor();
      await reviews.getByText('Sovittu', { exact: true }).waitFor();

      // The coach's agenda has it among the reviews coming up.
      await page.getByRole('navigation').getByRole('link', { name: 'Työlista' }).click();
      await page.getByRole('heading', { level: 1, name: 'Työlista' }).waitFor();
      await page.getByRole('region', { name: /^Tulevat katselmoinnit/ }).getByRole('link', { name: TITLE }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the agenda');

      // The outbox shows each person what was sent to them: Study opening asked the coach to
      // schedule the review; the invitation went to the supervisor, and the coach has a copy.
      const invitationName = `Tulosten katselmointi: ${TITLE} (${UNIT.name})`;
      await page.getByRole('navigation').getByRole('link', { name: 'Lähteneet viestit' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lähteneet viestit' }).waitFor();
      const request = page.getByRole('article', { name: `Sovi tulosten katselmointi: ${TITLE} (${UNIT.name})`, exact: true });
      await request.waitFor();
      expect(await page.getByRole('article', { name: invitationName, exact: true }).count()).toBe(1);

      const inbox = supervisor.page;
      await inbox.goto(`${app.url}/outbox`);
      await inbox.getByRole('heading', { level: 1, name: 'Lähteneet viestit' }).waitFor();
      const invitation = inbox.getByRole('article', { name: invitationName, exact: true });
      await invitation.waitFor();
      await invitation.getByText('minna.hakala@sykli.example', { exact: true }).waitFor();
      const [download] = await Promise.all([inbox.waitForEvent('download'), invitation.getByRole('link', { name: 'Lataa invite.ics' }).click()]);
      const ics = await readFile(await download.path(), 'utf8');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('METHOD:REQUEST');
      await invitation.getByText('Näytä invite.ics').click();
      await invitation.getByText('BEGIN:VEVENT', { exact: false }).waitFor();
      await expectNoSeriousAxeViolations(inbox, 'the outbox');

      // Back on the cycle, the coach records the study review's outcome: adapt.
      await request.getByRole('link', { name: 'Avaa sykli' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('button', { name: /^Kirjaa tulos/ }).click();
      const outcome = page.getByRole('dialog', { name: 'Kirjaa tulosten katselmointi' });
      await outcome.getByRole('radio', { name: /Muutosta muokataan ja testataan uudelleen/ }).check();
      await outcome.getByLabel('Perustelu').fill('Soittopyynnöt hoituivat, mutta iltapäivän ruuhkahuippu vaatii toisen hoitajan.');
      await outcome.getByLabel('Seuraavat askeleet').fill('Toinen hoitaja mukaan klo 14–16.');
      await outcome.getByRole('button', { name: 'Tallenna' }).click();
      await outcome.waitFor({ state: 'detached' });

      // The workflow applies the decision: the cycle is adapted and links to the next one.
      await page.getByRole('navigation', { name: 'Saman muutoksen syklit' }).getByRole('link', { name: /Seuraava sykli/ }).waitFor({ timeout: 30_000 });
      await page.getByText('seuraava sykli on luotu', { exact: false }).waitFor();

      // On the board the next cycle of the ramp is in planning, the adapted one under "Muokattu".
      await page.getByRole('link', { name: `Takaisin: ${UNIT.name}` }).click();
      await page.getByRole('heading', { level: 2, name: 'PDSA-syklit' }).waitFor();
      await page.getByRole('region', { name: /^Suunnittele/ }).getByRole('link', { name: TITLE }).waitFor();
      await page.getByRole('region', { name: /^Muokattu/ }).getByRole('link', { name: TITLE }).waitFor();
    } finally {
      await supervisor.context.close();
      await coach.context.close();
    }
  });
});
