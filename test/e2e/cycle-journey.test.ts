import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../functions/domain/helsinki-time.js';
import { addPeriods, periodOf, periodStart } from '../../functions/domain/period.js';
import { expectNoSeriousAxeViolations, helsinkiDay, launchChromium, signInAs } from '../support/browser.js';
import { sharedApp } from '../support/local-app.js';
import { startScheduledReviews } from '../support/review-clock.js';

// Demo people (functions/runtime/seed/demo-organisation.ts): Minna Hakala supervises Sampoharju,
// Aino Virtanen coaches it.
const SUPERVISOR = 'Minna Hakala';
const COACH = 'Aino Virtanen';
const UNIT = { id: 'sampoharju', name: 'Sampoharjun terveysasema' };
const TITLE = 'Iltapäivän soittopyynnöt hoitajalle';


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
      await form.getByLabel('Toteutus alkaa').fill(helsinkiDay(-3));
      await form.getByLabel('Toteutus päättyy').fill(helsinkiDay(-1));
      await form.getByLabel('Tiedonkeruu').fill('Takaisinsoitot tukkimiehen kirjanpidolla.');
      await form.getByRole('button', { name: 'Luo sykli' }).click();
      await page.waitForURL(/\/units\/sampoharju\/cycles\/[a-z0-9-]+$/);
      const cyclePath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('heading', { name: 'Työlomake' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the cycle page (planning)');

      // Starting Do asks for confirmation: it cannot be undone, and this Do period has already ended.
      await page.getByRole('button', { name: 'Aloita toteutus' }).click();
      const confirm = page.getByRole('dialog', { name: 'Aloitetaanko toteutus?' });
      await confirm.waitFor();
      await confirm.getByText('Toteutusjakso päättyi jo', { exact: false }).waitFor();
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
      await dialog.getByLabel('Päivämäärä').fill(helsinkiDay(1));
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
      // schedule the review; the invitation went to the supervisor and to the coach who organises it.
      const invitationName = `Tulosten katselmointi: ${TITLE} (${UNIT.name})`;
      await page.getByRole('navigation').getByRole('link', { name: 'Lähteneet viestit' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lähteneet viestit' }).waitFor();
      const request = page.getByRole('article', { name: `Sovi tulosten katselmointi: ${TITLE} (${UNIT.name})`, exact: true });
      await request.waitFor();
      await page.getByRole('article', { name: invitationName, exact: true }).waitFor();

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

      // Back on the cycle: the review is tomorrow, so it has no outcome form yet, only when it does.
      await request.getByRole('link', { name: 'Avaa sykli' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByText(/^Tuloksen voi kirjata, kun katselmointi alkaa \(/).waitFor();
      expect(await page.getByRole('button', { name: /^Kirjaa tulos/ }).count()).toBe(0);
      // The meeting is held: the coach records the study review's outcome, adapt.
      await startScheduledReviews(app, cyclePath.split('/').at(-1)!);
      await page.reload();
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

  it('judges the prediction against the Do weeks’ figures at Study, refuses adopt without a written study, lists the verdict in the area briefing and the aim’s driver diagram, and the coach gets the weekly digest', async () => {
    // Uurainen (demo): Kaisa Nieminen supervises it, Eero Salminen coaches it, Jukka Heikkinen leads Keski-Suomi.
    // Its aim's driver diagram has the change idea "Hoitajan puhelinaika aamuisin" under a driver.
    const unit = { id: 'uurainen', name: 'Uuraisten terveysasema' };
    const title = 'Hoitajan puhelinaika aamuisin';
    const t3 = 'T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika';
    // Do ran in the weeks four, three and two weeks ago, Monday to Sunday.
    const week = periodOf('weekly', new Date());
    const doWeeks = [-4, -3, -2].map((n) => addPeriods(week, n));
    const doStart = helsinkiDate(periodStart(doWeeks[0]!));
    const doEnd = helsinkiDate(new Date(periodStart(addPeriods(week, -1)).getTime() - 3_600_000));
    const supervisor = await signIn('Kaisa Nieminen');
    const coach = await signIn('Eero Salminen');
    const leader = await signIn('Jukka Heikkinen');
    try {
      // The supervisor plans the cycle with a prediction on T3: it falls to 10 days.
      let page = supervisor.page;
      await page.goto(`${app.url}/units/${unit.id}`);
      await page.getByRole('button', { name: 'Uusi sykli' }).click();
      const form = page.getByRole('form', { name: 'Uusi PDSA-sykli' });
      await form.getByLabel('Syklin nimi').fill(title);
      await form.getByLabel('Muutosidea').selectOption({ label: 'Hoitajan puhelinaika aamuisin' });
      await form.getByLabel('Kehittämistavoite').selectOption({ label: 'Hoitajien T3 on enintään 10 vuorokautta maaliskuuhun 2027 mennessä.' });
      await form.getByLabel('Syklin tarkoitus').fill('Hoitaja vastaa puhelimeen aamuisin, jotta kiireettömät ajat riittävät.');
      await form.getByLabel('Toteutus alkaa').fill(doStart);
      await form.getByLabel('Toteutus päättyy').fill(doEnd);
      await form.getByRole('button', { name: 'Luo sykli' }).click();
      await page.waitForURL(/\/units\/uurainen\/cycles\/[a-z0-9-]+$/);
      const cyclePath = new URL(page.url()).pathname;
      await page.getByRole('button', { name: 'Lisää kysymys' }).click();
      const question = page.getByRole('group', { name: 'Kysymys 1' });
      await question.getByLabel(/^Kysymys/).fill('Lyheneekö T3, kun hoitaja vastaa puhelimeen aamuisin?');
      await question.getByLabel('Ennuste', { exact: true }).fill('T3 laskee 10 vuorokauteen.');
      await question.getByLabel('Mittari').selectOption({ label: t3 });
      await question.getByLabel('Odotettu suunta').selectOption('decrease');
      await question.getByLabel('Odotettu arvo').fill('10');
      await page.getByRole('button', { name: 'Tallenna kysymykset' }).click();
      await page.getByText('Tallennettu', { exact: false }).first().waitFor();
      await page.getByRole('button', { name: 'Aloita toteutus' }).click();
      const confirm = page.getByRole('dialog', { name: 'Aloitetaanko toteutus?' });
      await confirm.getByRole('button', { name: 'Aloita toteutus' }).click();
      await confirm.waitFor({ state: 'detached' });

      // The figures of the Do weeks: T3 one day each week.
      await page.goto(`${app.url}/units/${unit.id}/entry`);
      for (const period of doWeeks) {
        await page.getByLabel('Kirjattava jakso').selectOption(period);
        const row = page.getByRole('group', { name: new RegExp(`^${t3} – vk ${Number(period.slice(6))}/`) });
        await row.getByLabel('Arvo (vrk)').fill('1');
        await page.getByRole('button', { name: 'Tallenna luvut' }).click();
        await row.getByText('Tallennettu').waitFor();
      }

      // The coach opens the cycle: Study has opened, and it shows the verdict and the small chart.
      page = coach.page;
      await page.goto(`${app.url}${cyclePath}`);
      await page.getByText('Tutki-vaihe on käynnissä', { exact: false }).waitFor({ timeout: 30_000 });
      const verdicts = page.getByRole('region', { name: 'Ennusteet mittausten valossa' });
      await verdicts.getByText(new RegExp(`Ennuste toteutui: T3 laski [\\d,]+ → [\\d,]+ vrk; signaali alkoi vk ${Number(doWeeks[0]!.slice(6))}\\.`)).waitFor();
      await verdicts.getByRole('img', { name: new RegExp(`^T3 .*Ennuste 10 vrk\\.$`) }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the cycle page with its Study verdict');

      // A study review, and adopting before the Study is written is refused.
      await page.getByRole('button', { name: 'Sovi katselmointi' }).click();
      const schedule = page.getByRole('dialog', { name: 'Sovi katselmointi' });
      await schedule.getByLabel('Päivämäärä').fill(helsinkiDay(1));
      await schedule.getByLabel('Alkamisaika').fill('10:00');
      await schedule.getByLabel('Paikka', { exact: true }).fill('Neuvotteluhuone');
      await schedule.getByRole('checkbox', { name: 'Kaisa Nieminen' }).check();
      await schedule.getByRole('button', { name: 'Sovi ja lähetä kutsut' }).click();
      await schedule.waitFor({ state: 'detached' });
      await startScheduledReviews(app, cyclePath.split('/').at(-1)!);
      await page.reload();
      await page.getByRole('button', { name: /^Kirjaa tulos/ }).click();
      let outcome = page.getByRole('dialog', { name: 'Kirjaa tulosten katselmointi' });
      await outcome.getByText('Ennuste toteutui: T3 laski', { exact: false }).waitFor();
      await outcome.getByRole('radio', { name: /Muutos otetaan käyttöön/ }).check();
      await outcome.getByLabel('Perustelu').fill('T3 lyheni selvästi.');
      await outcome.getByRole('button', { name: 'Tallenna' }).click();
      await outcome.getByRole('alert').filter({ hasText: 'Muutos voidaan ottaa käyttöön vasta, kun tulosten tutkiminen on kirjattu' }).waitFor();
      await outcome.getByRole('button', { name: 'Peruuta' }).click();

      // The Study is written; then the change is adopted.
      await page.getByLabel('Tulokset verrattuna ennusteisiin').fill('T3 laski yhteen vuorokauteen kaikkina toteutusviikkoina.');
      await page.getByLabel('Mitä opimme').fill('Aamun puhelinaika vapauttaa kiireettömiä aikoja.');
      await page.getByRole('button', { name: 'Tallenna tulokset' }).click();
      await page.getByRole('region', { name: /Tulosten tutkiminen/ }).getByText('Tallennettu', { exact: false }).waitFor();
      await page.getByRole('button', { name: /^Kirjaa tulos/ }).click();
      outcome = page.getByRole('dialog', { name: 'Kirjaa tulosten katselmointi' });
      await outcome.getByRole('radio', { name: /Muutos otetaan käyttöön/ }).check();
      await outcome.getByLabel('Perustelu').fill('T3 lyheni selvästi.');
      await outcome.getByRole('button', { name: 'Tallenna' }).click();
      await outcome.waitFor({ state: 'detached' });

      // The leader's briefing of the area lists the cycle with its verdict.
      page = leader.page;
      await page.goto(`${app.url}/areas/keski-suomi/briefing`);
      const section = page.getByRole('region', { name: unit.name });
      const row = section.getByRole('row', { name: new RegExp(`^${title} Päätös: Muutos otetaan käyttöön`) });
      await row.getByText('Ennuste toteutui: T3 laski', { exact: false }).waitFor({ timeout: 15_000 });
      await expectNoSeriousAxeViolations(page, 'the area briefing');

      // The aim's driver diagram shows the cycle under its driver and change idea, with its verdict.
      page = coach.page;
      await page.goto(`${app.url}/units/${unit.id}`);
      await page.getByRole('link', { name: /^Ajuripuu: Hoitajien T3 on enintään 10/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Ajuripuu: Hoitajien T3 on enintään 10/ }).waitFor();
      const driver = page.locator('#driver-uurainen-phone');
      const cycleItem = driver.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) }).last();
      await cycleItem.getByText('Ennuste toteutui: T3 laski', { exact: false }).waitFor();
      await page.getByRole('group', { name: 'Ajuripuu kuviona' }).getByRole('link', { name: new RegExp(`^Sykli: ${title}, vaihe `) }).waitFor();
    } finally {
      await supervisor.context.close();
      await coach.context.close();
      await leader.context.close();
    }

    // The weekly digest: the admin sends this week's now, and the coach finds his in his outbox.
    const admin = await signIn('Tiina Koskinen');
    try {
      await admin.page.getByRole('navigation').getByRole('link', { name: 'Ylläpito' }).click();
      await admin.page.getByRole('region', { name: 'Lähetä viikkokooste nyt' }).getByRole('button', { name: 'Lähetä viikkokooste nyt' }).click();
      await admin.page.getByRole('status').filter({ hasText: /koosteen lähetys käynnistyi/ }).first().waitFor();
    } finally {
      await admin.context.close();
    }
    const coachAgain = await signIn('Eero Salminen');
    try {
      const page = coachAgain.page;
      await page.goto(`${app.url}/outbox`);
      const digest = page.getByRole('heading', { name: /^Sykli: viikkokooste \(vk \d+\/\d{4}\)$/ });
      for (let attempt = 0; (await digest.count()) === 0 && attempt < 20; attempt++) {
        await page.waitForTimeout(1000);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Lähteneet viestit' }).waitFor();
      }
      expect(await digest.count()).toBe(1);
    } finally {
      await coachAgain.context.close();
    }
  });

  it("shows the ramp's cycles under their driver in the aim's driver diagram, which the keyboard moves through", async () => {
    // Palokka (demo): Aino Virtanen coaches it; its aim's change idea "Takaisinsoitto samana päivänä" sits under a secondary driver.
    const coach = await signIn(COACH);
    try {
      const page = coach.page;
      await page.goto(`${app.url}/units/palokka`);
      await page.getByRole('link', { name: /^Ajuripuu: Hoitajien T3/ }).click();
      await page.waitForURL(`${app.url}/units/palokka/aims/palokka-t3/drivers`);
      await page.getByRole('heading', { level: 1, name: /^Ajuripuu: Hoitajien T3/ }).waitFor();

      // The text outline: the cycle under its driver and change idea, with its phase.
      const driver = page.locator('#driver-palokka-first-contact');
      await driver.getByText('Toissijainen ajuri: Hoitaja hoitaa asian jo ensimmäisellä yhteydenotolla', { exact: true }).waitFor();
      // The innermost list item with the cycle's link is the cycle's own (its change idea's holds it too).
      const cycle = driver.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Takaisinsoitto samana päivänä – kaikki hoitajat' }) }).last();
      await cycle.getByText('Juurrutus').waitFor();

      // The figure: from the aim, right along the tree to the ramp's first cycle, then down to its last one.
      const figure = page.getByRole('group', { name: 'Ajuripuu kuviona' });
      await figure.getByRole('link', { name: /^Tavoite: Hoitajien T3/ }).focus();
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe('Ensisijainen ajuri: Kiireettömiä vastaanottoaikoja on riittävästi');
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe('Toissijainen ajuri: Hoitaja hoitaa asian jo ensimmäisellä yhteydenotolla');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toMatch(/^Sykli: Takaisinsoitto samana päivänä – aamupäivät, vaihe Muokattu/);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toMatch(/^Sykli: Takaisinsoitto samana päivänä – kaikki hoitajat, vaihe Juurrutus/);
      await page.keyboard.press('ArrowLeft');
      expect(await focused()).toBe('Muutosidea: Takaisinsoitto samana päivänä');
      await expectNoSeriousAxeViolations(page, 'the driver diagram');

      // Enter on a cycle opens its page, which names the driver.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${app.url}/units/palokka/cycles/palokka-ramp-1`);
      await page.getByRole('link', { name: 'Hoitaja hoitaa asian jo ensimmäisellä yhteydenotolla' }).waitFor();
    } finally {
      await coach.context.close();
    }
  });
});
