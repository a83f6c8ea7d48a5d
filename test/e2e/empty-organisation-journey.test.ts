import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, helsinkiDay, launchChromium, signInAs } from '../support/browser.js';
import { periodOf } from '../../functions/domain/period.js';
import { startApp, type LocalApp } from '../support/local-app.js';

// A county's Sykli as a deploy leaves it: no demo data, the built-in measure catalogue and one
// first admin. Everything else here is made through the UI.
const ADMIN = 'Anna Ylläpitäjä';
const AREA = 'Järvimaan hyvinvointialue';
const UNITS = [
  { name: 'Rantalan terveysasema', id: 'rantalan-terveysasema', municipality: 'Rantala' },
  { name: 'Kukkulan sote-keskus', id: 'kukkulan-sote-keskus', municipality: 'Kukkula' },
];
const COACH = { name: 'Leena Järvinen', email: 'leena.jarvinen@jarvimaa.example' };
const SUPERVISOR = { name: 'Oskari Lind', email: 'oskari.lind@jarvimaa.example' };
const LEADER = { name: 'Helmi Saari', email: 'helmi.saari@jarvimaa.example' };
const T3 = 'T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika';
const NEW_DEFINITION = 'Yli 120 vuorokauden ajat kirjataan 120 vuorokautena.';


describe('a county sets itself up from an empty organisation: the first admin, then a new coach', () => {
  let app: LocalApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ timeoutMs: 180_000, env: { SYKLI_FIRST_ADMIN_EMAIL: 'anna.admin@jarvimaa.example', SYKLI_FIRST_ADMIN_NAME: ADMIN } }),
      launchChromium(),
    ]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Waits for the page's status message to say `text`. */
  const said = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('creates an area, two units and three people with roles; the new coach tracks T3, adds an aim, plans a cycle and invites by name', async () => {
    // Nothing but the admin: the sign-in page lists no demo people.
    const visitor = await browser.newContext({ locale: 'fi-FI' });
    const signInPage = await visitor.newPage();
    await signInPage.goto(app.url);
    await signInPage.waitForURL((url) => url.pathname === '/auth/authorize');
    await signInPage.getByRole('listitem').filter({ hasText: ADMIN }).waitFor();
    expect(await signInPage.getByRole('button', { name: 'Kirjaudu' }).count()).toBe(1);
    await visitor.close();

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
      // The aim names the tracked measure and shows its target, the one the chart has.
      await aim.getByLabel('Mittari 1').selectOption({ label: 'T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika' });
      await aim.getByRole('button', { name: 'Tallenna kehittämistavoite' }).click();
      await page.getByText('Hoitajien T3 on enintään 7 vuorokautta kesäkuuhun 2027 mennessä.').waitFor();
      await page.getByText('T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika (tulosmittari), tavoitetaso 7 vrk').waitFor();

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
      await said(page, 'Katselmointi sovittiin');
      await page.getByRole('region', { name: 'Katselmoinnit' }).getByText(SUPERVISOR.name, { exact: false }).waitFor();
    } finally {
      await coach.context.close();
    }
  });

  it("publishes a new T3 definition version; the coach moves the unit to it, and the unit's chart starts a new phase with the reason", async () => {
    // The version applies from this week, and the unit (tracking T3 since last week) may move now.
    const thisWeek = periodOf('weekly', new Date());
    const admin = await signInAs(browser, app.url, ADMIN);
    try {
      const page = admin.page;
      await page.goto(`${app.url}/admin`);
      await page.getByRole('navigation', { name: 'Ylläpidon sivut' }).getByRole('link', { name: 'Mittaristo' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ylläpito: mittaristo' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the admin catalogue page');
      const t3 = page.getByRole('article', { name: new RegExp(T3) });
      await t3.getByRole('button', { name: /Julkaise uusi versio/ }).click();
      const dialog = page.getByRole('dialog', { name: `Uusi määritelmän versio: ${T3}` });
      await dialog.getByLabel('Mikä muuttui ja miksi').fill(NEW_DEFINITION);
      await dialog.getByLabel('Ensimmäinen jakso, jota uusi versio koskee').selectOption(thisWeek);
      await dialog.getByLabel('Suurin sallittu arvo').fill('120');
      await dialog.getByRole('button', { name: 'Julkaise versio' }).click();
      await said(page, `Mittarin ${T3} versio 2 julkaistu.`);
      await t3.getByText(NEW_DEFINITION, { exact: false }).waitFor();
    } finally {
      await admin.context.close();
    }

    const coach = await signInAs(browser, app.url, COACH.name);
    try {
      const page = coach.page;
      const unit = UNITS[0]!;
      await page.goto(`${app.url}/units/${unit.id}/measures`);
      const notice = page.getByRole('region', { name: 'Mittariston määritelmä on muuttunut' });
      await notice.getByText(NEW_DEFINITION, { exact: false }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the measures page with a new catalogue version');
      await notice.getByLabel('Siirry uuteen määritelmään jaksosta').selectOption(thisWeek);
      await notice.getByRole('button', { name: 'Siirry versioon 2' }).click();
      await said(page, /noudattaa nyt määritelmän versiota 2/);
      await page.goto(`${app.url}/units/${unit.id}/measures/t3`);
      await page.getByRole('listitem').filter({ hasText: NEW_DEFINITION }).waitFor();
    } finally {
      await coach.context.close();
    }
  });
});
