import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, helsinkiDay, launchChromium, signInAs } from '../support/browser.js';
import { sharedApp } from '../support/local-app.js';

// Tiina Koskinen is the demo organisation's admin (functions/runtime/seed/demo-organisation.ts);
// everything else here the admin makes through the UI.
const ADMIN = 'Tiina Koskinen';
const AREA = 'Järvimaan hyvinvointialue';
const UNITS = [
  { name: 'Rantalan terveysasema', id: 'rantalan-terveysasema', municipality: 'Rantala' },
  { name: 'Kukkulan sote-keskus', id: 'kukkulan-sote-keskus', municipality: 'Kukkula' },
];
const COACH = { name: 'Leena Järvinen', email: 'leena.jarvinen@jarvimaa.example' };
const SUPERVISOR = { name: 'Oskari Lind', email: 'oskari.lind@jarvimaa.example' };
const LEADER = { name: 'Helmi Saari', email: 'helmi.saari@jarvimaa.example' };


describe('a county sets itself up: the admin, then a new coach', () => {
  const app = sharedApp();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Waits for the page's status message to say `text`. */
  const said = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('creates an area, two units and three people with roles; the new coach tracks T3, adds an aim, plans a cycle and invites by name', async () => {
    const admin = await signInAs(browser, app.url, ADMIN);
    try {
      let page = admin.page;
      await page.getByRole('navigation').getByRole('link', { name: 'Ylläpito' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ylläpito: alueet ja yksiköt' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the admin organisation page');

      const newArea = page.getByRole('form', { name: 'Uusi alue' });
      await newArea.getByLabel('Nimi suomeksi').fill(AREA);
      await newArea.getByLabel('Nimi ruotsiksi').fill('Sjölandets välfärdsområde');
      await newArea.getByRole('button', { name: 'Lisää alue' }).click();
      await said(page, `Alue ${AREA} lisätty.`);
      const area = page.getByRole('region', { name: AREA, exact: true });
      for (const unit of UNITS) {
        const form = area.getByRole('form', { name: `Uusi yksikkö alueelle ${AREA}` });
        await form.getByLabel('Nimi suomeksi').fill(unit.name);
        await form.getByLabel('Kunta').fill(unit.municipality);
        await form.getByRole('button', { name: 'Lisää yksikkö' }).click();
        await said(page, `Yksikkö ${unit.name} lisätty.`);
        await area.getByRole('link', { name: unit.name }).waitFor();
      }

      await page.getByRole('link', { name: 'Henkilöt ja roolit' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ylläpito: henkilöt ja roolit' }).waitFor();
      const roles: [typeof COACH, string, string][] = [
        [COACH, 'Valmentaja', UNITS[0]!.name],
        [SUPERVISOR, 'Esihenkilö', UNITS[0]!.name],
        [LEADER, 'Johto', AREA],
      ];
      for (const [person, role, place] of roles) {
        const form = page.getByRole('form', { name: 'Lisää henkilö' });
        await form.getByLabel('Nimi').fill(person.name);
        await form.getByLabel('Työsähköposti').fill(person.email);
        await form.getByRole('button', { name: 'Lisää henkilö' }).click();
        await said(page, `${person.name} lisätty.`);
        await page.getByRole('button', { name: `Anna rooli ${person.name}` }).click();
        const dialog = page.getByRole('dialog', { name: `Anna rooli henkilölle ${person.name}` });
        await dialog.getByLabel('Rooli').selectOption({ label: role });
        await dialog.getByLabel(role === 'Johto' ? 'Alue' : 'Yksikkö').selectOption({ label: place });
        await dialog.getByRole('button', { name: 'Anna rooli' }).click();
        await said(page, `Rooli ${role} annettu henkilölle ${person.name}.`);
      }
      await page.getByRole('row', { name: new RegExp(COACH.name) }).getByText(`Valmentaja: ${UNITS[0]!.name}`).waitFor();
      await expectNoSeriousAxeViolations(page, 'the admin people page');

      // The change history shows who gave which role.
      await page.getByRole('link', { name: 'Muutoshistoria' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ylläpito: muutoshistoria' }).waitFor();
      const filter = page.getByRole('form', { name: 'Rajaa muutoksia' });
      await filter.getByLabel('Henkilö').selectOption({ label: COACH.name });
      await filter.getByRole('button', { name: 'Näytä' }).click();
      await page.getByRole('row', { name: /Rooli: leena-jarvinen:coach/ }).getByText(`${ADMIN}`).waitFor();
      await expectNoSeriousAxeViolations(page, 'the admin change history');
    } finally {
      await admin.context.close();
    }

    // The new coach is on the local sign-in page; the unit is theirs.
    const coach = await signInAs(browser, app.url, COACH.name);
    try {
      const page = coach.page;
      const unit = UNITS[0]!;
      await page.goto(`${app.url}/units/${unit.id}/measures`);
      const track = page.getByRole('form', { name: 'Ala seurata mittaria' });
      await track.getByLabel('Mittari').selectOption({ label: 'T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika' });
      await track.getByLabel('Tavoitetaso').fill('7');
      await track.getByRole('button', { name: 'Ala seurata' }).click();
      await said(page, /Yksikkö seuraa nyt mittaria/);
      await page.getByRole('region', { name: 'Seurattavat mittarit' }).getByRole('link', { name: /T3/ }).waitFor();

      await page.goto(`${app.url}/units/${unit.id}`);
      await page.getByRole('button', { name: 'Lisää kehittämistavoite' }).click();
      const aim = page.getByRole('form', { name: 'Lisää kehittämistavoite' });
      await aim.getByLabel('Kehittämistavoite', { exact: false }).first().fill('Hoitajien T3 on enintään 7 vuorokautta kesäkuuhun 2027 mennessä.');
      await aim.getByLabel('Tavoitepäivä').fill(helsinkiDay(200));
      await aim.getByLabel('Mittari').selectOption({ label: 'T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika' });
      await aim.getByLabel('Tavoitetaso').fill('7');
      await aim.getByRole('button', { name: 'Tallenna kehittämistavoite' }).click();
      await page.getByText('Hoitajien T3 on enintään 7 vuorokautta kesäkuuhun 2027 mennessä.').waitFor();

      await page.getByRole('button', { name: 'Uusi sykli' }).click();
      const cycle = page.getByRole('form', { name: 'Uusi PDSA-sykli' });
      await cycle.getByLabel('Syklin nimi').fill('Soittoajat aamupäivään');
      await cycle.getByLabel('Syklin tarkoitus').fill('Kokeillaan, lyheneekö T3, kun puhelinaika siirretään aamupäivään.');
      await cycle.getByRole('button', { name: 'Luo sykli' }).click();
      await page.waitForURL(new RegExp(`/units/${unit.id}/cycles/[a-z0-9-]+$`));

      // The plan review: the participant is picked by name, no id is typed anywhere.
      await page.getByRole('button', { name: 'Sovi katselmointi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sovi katselmointi' });
      await dialog.getByLabel('Päivämäärä').fill(helsinkiDay(3));
      await dialog.getByLabel('Alkamisaika').fill('13:00');
      await dialog.getByLabel('Paikka', { exact: true }).fill('Rantalan neuvotteluhuone');
      expect(await dialog.getByRole('textbox', { name: /käyttäjätunnu/ }).count()).toBe(0);
      await dialog.getByRole('checkbox', { name: SUPERVISOR.name }).check();
      await dialog.getByRole('button', { name: 'Sovi ja lähetä kutsut' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Katselmointi sovittiin', { exact: false }).waitFor();
      await page.getByRole('region', { name: 'Katselmoinnit' }).getByText(SUPERVISOR.name, { exact: false }).waitFor();
    } finally {
      await coach.context.close();
    }
  });

  it("lets a coach turn the weekly digest off in their settings, and the admin send this week's digest now to the others", async () => {
    const aino = await signInAs(browser, app.url, 'Aino Virtanen');
    try {
      const page = aino.page;
      await page.getByRole('navigation').getByRole('link', { name: 'Omat asetukset' }).click();
      await page.getByRole('heading', { level: 1, name: 'Omat asetukset' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the settings page');
      expect(await page.getByRole('radio', { name: 'Kyllä, lähetä viikkokooste' }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: 'Ei, en halua viikkokoostetta' }).check();
      await page.getByRole('button', { name: 'Tallenna' }).click();
      await said(page, 'Tallennettu. Viikkokoostetta ei enää lähetetä sinulle.');
    } finally {
      await aino.context.close();
    }

    const admin = await signInAs(browser, app.url, ADMIN);
    try {
      const page = admin.page;
      await page.getByRole('navigation').getByRole('link', { name: 'Ylläpito' }).click();
      await page.getByRole('region', { name: 'Lähetä viikkokooste nyt' }).getByRole('button', { name: 'Lähetä viikkokooste nyt' }).click();
      await said(page, /Viikon vk \d+\/\d{4} koosteen lähetys käynnistyi\./);
    } finally {
      await admin.context.close();
    }

    // Eero Salminen coaches Hankasalmi: his digest arrives in his outbox once the workflow has reached him.
    const eero = await signInAs(browser, app.url, 'Eero Salminen');
    try {
      const page = eero.page;
      await page.getByRole('navigation').getByRole('link', { name: 'Lähteneet viestit' }).click();
      const digest = page.getByRole('heading', { name: /^Sykli: viikkokooste \(vk \d+\/\d{4}\)$/ });
      const deadline = Date.now() + 25_000;
      while ((await digest.count()) === 0 && Date.now() < deadline) {
        await page.waitForTimeout(1000);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Lähteneet viestit' }).waitFor();
      }
      expect(await digest.count()).toBe(1);
      await page.getByText('Et halua näitä viestejä? Voit lopettaa viikkokoosteen omista asetuksistasi:', { exact: false }).first().waitFor();
    } finally {
      await eero.context.close();
    }
  });
});
