import { readFile } from 'node:fs/promises';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, helsinkiDay, launchChromium, signInAs } from '../support/browser.js';
import { sharedApp } from '../support/local-app.js';

// Demo people (functions/runtime/seed/demo-organisation.ts): Jukka Heikkinen leads Keski-Suomi and
// its six stations; Aino Virtanen coaches four of them; Minna Hakala supervises Sampoharju and
// Palokka; Eero Salminen coaches two units and supervises two others.
const LEADER = 'Jukka Heikkinen';
const COACH = 'Aino Virtanen';
const SUPERVISOR = 'Minna Hakala';
const COACH_AND_SUPERVISOR = 'Eero Salminen';
const AREA = { id: 'keski-suomi', name: 'Keski-Suomen hyvinvointialue' };
const UNITS = ['Hankasalmen terveysasema', 'Kyllön terveysasema', 'Novan terveysasema', 'Palokan terveysasema', 'Sampoharjun terveysasema', 'Uuraisten terveysasema'];

/** The unit names of the matrix's rows, top to bottom. */
const rowNames = (table: Locator) => table.locator('tbody th[scope="row"] a').allInnerTexts();

/** "12 vrk" → 12, "68,6 %" → 68.6; NaN for a cell without a figure. */
const figure = (text: string) => {
  const number = /^-?\d+(,\d+)?/.exec(text.replace(/\s/g, ''))?.[0];
  return number ? Number(number.replace(',', '.')) : Number.NaN;
};

describe('leadership, coach and supervisor homes and the area overview', () => {
  const app = sharedApp();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const signIn = (person: string) => signInAs(browser, app.url, person);

  it('the leader lands on their home, opens the area overview, sorts, filters, downloads the CSV, prints and drills into a unit', async () => {
    const { context, page } = await signIn(LEADER);
    try {
      await page.getByRole('heading', { level: 1, name: 'Johdon etusivu' }).waitFor();
      const area = page.getByRole('article', { name: AREA.name });
      await area.getByText('Huomiota kaipaavia').waitFor();
      await expectNoSeriousAxeViolations(page, "the leader's home");

      await area.getByRole('link', { name: `Avaa tilannekuva: ${AREA.name}` }).click();
      await page.waitForURL(`${app.url}/areas/${AREA.id}`);
      await page.getByRole('heading', { level: 1, name: `Tilannekuva: ${AREA.name}` }).waitFor();
      const table = page.getByRole('table', { name: /Alueen yksiköt riveinä/ });
      await table.locator('tbody tr').nth(UNITS.length - 1).waitFor();

      // Every unit, each with a score, its completeness and the icons of every measure it tracks.
      expect((await rowNames(table)).sort()).toEqual(UNITS);
      for (const name of UNITS) {
        const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
        await row.getByText(/Ehdotettu arvio \d,\d/).waitFor();
        await row.getByText(/^\d+\s%$/).first().waitFor();
        expect(await row.getByRole('img', { name: /vaihtelua|Erityissyy/ }).count()).toBe(4);
        expect(await row.getByRole('img', { name: /[Tt]avoit/ }).count()).toBe(4);
      }
      // The legend is one line until it is opened.
      const legend = page.getByRole('region', { name: 'Merkkien selitykset' });
      expect(await legend.isVisible()).toBe(false);
      await page.locator('summary').filter({ hasText: 'Merkkien selitykset' }).click();
      await legend.getByText('T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika:').waitFor();
      await legend.getByText('pienempi on parempi').waitFor();
      await page.getByRole('region', { name: 'Yksi mittari kaikissa yksiköissä' }).getByRole('img').first().waitFor();
      await page.getByRole('region', { name: 'Hyvät käytännöt' }).getByRole('article').first().waitFor();
      await expectNoSeriousAxeViolations(page, 'the area overview');

      // Sort by name, then by T3 with the best (lowest) first.
      const sort = page.getByLabel('Järjestä');
      await sort.selectOption({ label: 'Nimen mukaan' });
      expect(await rowNames(table)).toEqual(UNITS);
      await sort.selectOption({ label: 'T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika: paras ensin' });
      const t3Column = (await table.getByRole('columnheader').allInnerTexts()).findIndex((text) => text.startsWith('T3'));
      const t3 = (await table.locator(`tbody tr > :nth-child(${t3Column + 1}) .matrix__value`).allInnerTexts()).map(figure);
      expect(t3.every((value, i) => i === 0 || value >= t3[i - 1]!)).toBe(true);

      // Filter by a measure (one measure column left) and by a signal (only rows that show it).
      await page.getByLabel('Mittari', { exact: true }).selectOption({ label: 'T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika' });
      expect(await table.getByRole('columnheader').count()).toBe(5);
      await page.getByLabel('Signaali').selectOption({ label: 'Tavallista vaihtelua' });
      const shown = await table.locator('tbody tr').count();
      expect(shown).toBeGreaterThan(0);
      expect(await table.getByRole('img', { name: 'Tavanomaista vaihtelua' }).count()).toBe(shown);
      await page.getByRole('status').filter({ hasText: `Näytetään ${shown} / 6 yksikköä` }).waitFor();
      await page.getByLabel('Vain huomiota kaipaavat yksiköt').check();
      await page.getByLabel('Signaali').selectOption({ label: 'Kaikki' });
      await page.getByLabel('Mittari', { exact: true }).selectOption({ label: 'Kaikki mittarit' });
      await sort.selectOption({ label: 'Huomiota kaipaavat ensin' });
      for (const row of await table.locator('tbody tr').all()) await row.getByText('Huomioitavaa:').waitFor();
      await page.getByLabel('Vain huomiota kaipaavat yksiköt').uncheck();

      // The CSV in the UI's language: Finnish headings, ';' between fields, every unit.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lataa taulukko (CSV)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^sykli-keski-suomi-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(header).toContain('Yksikkö;Edistymisarvio;Ehdotettu arvio');
      expect(header).toContain('T3 – kolmanneksi seuraava vapaa kiireetön vastaanottoaika: viimeisin');
      expect(rows.map((row) => row.split(';')[0]).sort()).toEqual(UNITS);

      // Print: the button asks the browser to print; in print media the report stands alone.
      await page.evaluate(() => {
        window.print = () => document.body.setAttribute('data-printed', 'yes');
      });
      await page.getByRole('button', { name: 'Tulosta raportti' }).click();
      expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
      await page.emulateMedia({ media: 'print' });
      await page.getByText(new RegExp(`^${AREA.name} · tulostettu \\d{1,2}\\.\\d{1,2}\\.\\d{4}$`)).waitFor();
      expect(await page.getByRole('banner').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Lataa taulukko (CSV)' }).isVisible()).toBe(false);
      expect(await page.getByLabel('Järjestä').isVisible()).toBe(false);
      expect(await table.locator('tbody tr').count()).toBe(UNITS.length);
      expect(await page.getByRole('region', { name: 'Merkkien selitykset' }).isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await expectNoSeriousAxeViolations(page, 'the area report in print media');
      await page.emulateMedia({ media: 'screen' });

      // Through to a unit's chart from its figure, and to the unit from its name.
      await table.getByRole('link', { name: /^\d+(,\d)? vrk \(kuvaaja: T3 – .*, Palokan terveysasema\)$/ }).click();
      await page.waitForURL(`${app.url}/units/palokka/measures/t3`);
      await page.getByRole('heading', { level: 1, name: /T3/ }).waitFor();
      await expectNoSeriousAxeViolations(page, "a unit's chart from the overview");
      await page.goBack();
      await table.getByRole('link', { name: 'Palokan terveysasema', exact: true }).click();
      await page.waitForURL(`${app.url}/units/palokka`);
      await page.getByRole('heading', { level: 1, name: 'Palokan terveysasema' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'a unit from the overview');
    } finally {
      await context.close();
    }
  });

  it("the coach's home in Swedish: the agenda, their units, and confirming a progress score", async () => {
    const { context, page } = await signIn(COACH);
    try {
      await page.getByRole('group', { name: 'Kieli' }).getByRole('button', { name: 'Svenska' }).click();
      await page.getByRole('heading', { level: 1, name: 'Coachens startsida' }).waitFor();
      const agenda = page.getByRole('region', { name: 'Arbetslista' });
      await agenda.getByText('Inplanerade genomgångar').waitFor();
      await agenda.getByRole('link', { name: 'Öppna hela arbetslistan' }).waitFor();
      const units = page.getByRole('region', { name: 'Dina enheter' });
      await units.getByRole('article', { name: 'Nova hälsostation' }).waitFor();
      expect(await units.getByRole('article').count()).toBe(4);
      await units.getByRole('article').first().getByRole('img').first().waitFor();
      await expectNoSeriousAxeViolations(page, "the coach's home in Swedish");

      // Another score than Sykli's suggestion needs a reason.
      const nova = units.getByRole('article', { name: 'Nova hälsostation' });
      await nova.getByRole('button', { name: /^Bekräfta poängen\W+Nova hälsostation$/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Framstegsbedömning: Nova hälsostation' });
      await dialog.getByText('Den föreslagna bedömningen är 2,0.').waitFor();
      await expectNoSeriousAxeViolations(page, 'the progress dialog');
      await dialog.getByRole('radio', { name: /3,0 Måttlig förbättring/ }).check();
      await dialog.getByRole('button', { name: 'Spara poängen' }).click();
      await dialog.getByText('Skriv en motivering när bedömningen avviker från förslaget.').waitFor();
      await dialog.getByLabel(/^Motivering/).fill('Första kontakten löser fler ärenden; vi väntar ännu på att diagrammet visar det.');
      await dialog.getByRole('button', { name: 'Spara poängen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: 'Nova hälsostation: poängen 3,0 har bekräftats.' }).waitFor();
      await nova.getByText(`bekräftad av ${COACH}`, { exact: false }).waitFor();
      expect(await nova.locator('.progress-summary__value').innerText()).toBe('3,0');

      // The area's good practices, in Swedish, on the area overview too.
      await page.getByRole('link', { name: 'Mellersta Finlands välfärdsområde' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lägesbild: Mellersta Finlands välfärdsområde' }).waitFor();
      await page.getByRole('region', { name: 'Goda praxis' }).getByRole('article').first().getByRole('button', { name: 'Starta en egen cykel utifrån detta' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the area overview as the coach sees it');
    } finally {
      await context.close();
    }
  });

  it("a coach sees another unit's good practice from their unit's page and starts their own cycle from it", async () => {
    // Eero Salminen coaches Hankasalmi, not Palokka, whose callback ramp is the area's adopted change.
    const { context, page } = await signIn(COACH_AND_SUPERVISOR);
    try {
      await page.goto(`${app.url}/units/hankasalmi`);
      await page.getByRole('heading', { level: 1, name: 'Hankasalmen terveysasema' }).waitFor();
      await page.getByRole('link', { name: 'Alueen hyvät käytännöt' }).click();
      await page.getByRole('heading', { level: 1, name: `Alueen hyvät käytännöt: ${AREA.name}` }).waitFor();
      const practice = page.getByRole('article').filter({ hasText: 'Palokan terveysasema' }).first();
      const title = await practice.getByRole('heading', { level: 3 }).innerText();
      // Palokka's cycle is not his to open, so its measures are named without links.
      await practice.getByText(/^Mittarit: T3/).waitFor();
      await expectNoSeriousAxeViolations(page, "the area's good practices");
      await practice.getByLabel('Yksikkö, johon sykli aloitetaan').selectOption({ label: 'Hankasalmen terveysasema' });
      await practice.getByRole('button', { name: 'Aloita oma sykli tästä' }).click();
      await practice.getByRole('status').filter({ hasText: 'Sykli aloitettiin suunnitteluvaiheeseen yksikössä Hankasalmen terveysasema.' }).waitFor();
      await practice.getByText('Omia syklejä aloitettu tästä:').waitFor();
      await practice.getByRole('link', { name: `Avaa sykli: ${title}` }).click();
      await page.waitForURL(/\/units\/hankasalmi\/cycles\/[a-z0-9-]+$/);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('link', { name: `${title} (Palokan terveysasema)` }).waitFor();
      await expectNoSeriousAxeViolations(page, 'a cycle started from a good practice');
    } finally {
      await context.close();
    }
  });

  it("the leader's briefing shows each new signal's chart, prints every column on A4, and is marked presented", async () => {
    const { context, page } = await signIn(LEADER);
    try {
      await page.goto(`${app.url}/areas/${AREA.id}/briefing`);
      await page.getByRole('heading', { level: 1, name: `Tilannekatsaus – ${AREA.name}` }).waitFor();
      // A year back, so that the seed's signals are new in the window.
      await page.getByLabel('Alkaen').fill(helsinkiDay(-364));
      await page.getByRole('button', { name: 'Näytä', exact: true }).click();
      const thumbnail = page.locator('.briefing-unit__signal').first().getByRole('img');
      await thumbnail.waitFor();
      expect(await thumbnail.getAttribute('aria-label')).toMatch(/: viimeisin /);
      await expectNoSeriousAxeViolations(page, 'the area briefing with thumbnails');

      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      for (const header of await page.locator('.briefing-unit__cycles th[scope="col"]').all()) {
        const box = (await header.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(794);
      }
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('button', { name: 'Merkitse esitetyksi' }).click();
      await page.getByRole('status').filter({ hasText: 'Katsaus merkittiin esitetyksi.' }).waitFor();
      await page.getByText(new RegExp(`^Edellinen katsaus esitettiin \\d{1,2}\\.\\d{1,2}\\.\\d{4} \\(${LEADER}\\)`)).waitFor();
    } finally {
      await context.close();
    }
  });

  it("a bilingual area's briefing is given in Finnish and then Swedish, each part starting a printed page of its own", async () => {
    // Carina Nyberg leads Pohjanmaa, whose area the seed makes bilingual; her own UI is Swedish.
    const { context, page } = await signIn('Carina Nyberg');
    try {
      await page.goto(`${app.url}/areas/pohjanmaa/briefing`);
      await page.getByRole('heading', { level: 1, name: 'Lägesrapport – Österbottens välfärdsområde' }).waitFor();
      await page.getByText('Området är tvåspråkigt (finska och svenska)').waitFor();
      const finnish = page.locator('section.briefing-language[lang="fi"]');
      const swedish = page.locator('section.briefing-language[lang="sv"]');
      await finnish.getByRole('heading', { level: 2, name: 'Tilannekatsaus suomeksi – Pohjanmaan hyvinvointialue' }).waitFor();
      await swedish.getByRole('heading', { level: 2, name: 'Lägesrapport på svenska – Österbottens välfärdsområde' }).waitFor();
      await finnish.getByRole('heading', { level: 3, name: 'Vaasan terveysasema' }).waitFor();
      await swedish.getByRole('heading', { level: 3, name: 'Vasa hälsostation' }).waitFor();
      expect(await finnish.locator('.lede').innerText()).toMatch(/^Mitä tapahtui mittareiden valossa /);
      expect(await swedish.locator('.lede').innerText()).toMatch(/^Vad som hände i ljuset av måtten /);
      expect(await page.locator('section.briefing-language').evaluateAll((sections) => sections.map((s) => s.getAttribute('lang')))).toEqual(['fi', 'sv']);
      await expectNoSeriousAxeViolations(page, 'a bilingual area briefing');

      await page.emulateMedia({ media: 'print' });
      expect(await swedish.evaluate((section) => getComputedStyle(section).breakBefore)).toBe('page');
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await context.close();
    }
  });

  it("the supervisor's home in English shows this period's figures, the signals and the next review", async () => {
    const { context, page } = await signIn(SUPERVISOR);
    try {
      await page.getByRole('group', { name: 'Kieli' }).getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: "Supervisor's home" }).waitFor();
      const sampoharju = page.getByRole('region', { name: 'Sampoharju Health Station' });
      const entry = sampoharju.getByRole('group', { name: "This period's figures" });
      await entry.getByText(/^\d of 4 figures entered\.$/).waitFor();
      await entry.getByText(/T3 – third next available non-urgent appointment \(week \d+, \d{4}\)/).waitFor();
      await entry.getByRole('link', { name: "Enter this period's figures" }).waitFor();
      await sampoharju.getByRole('group', { name: 'Next review' }).waitFor();
      const signals = sampoharju.getByRole('group', { name: 'What the charts say' });
      await signals.getByRole('link', { name: 'T3 – third next available non-urgent appointment' }).waitFor();
      await signals.getByText(/Common cause variation|Special cause/).first().waitFor();
      await sampoharju.getByRole('link', { name: 'Open the cycle board: Sampoharju Health Station' }).waitFor();
      await page.getByRole('region', { name: 'Palokka Health Station' }).waitFor();
      await expectNoSeriousAxeViolations(page, "the supervisor's home in English");
    } finally {
      await context.close();
    }
  });

  it('someone with two roles switches homes, and the choice is remembered', async () => {
    const { context, page } = await signIn(COACH_AND_SUPERVISOR);
    try {
      await page.getByRole('heading', { level: 1, name: 'Valmentajan etusivu' }).waitFor();
      await page.getByRole('group', { name: 'Näkymä' }).getByRole('button', { name: 'Esihenkilö' }).click();
      await page.getByRole('heading', { level: 1, name: 'Esihenkilön etusivu' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Esihenkilön etusivu' }).waitFor();
      expect(await page.getByRole('button', { name: 'Esihenkilö' }).getAttribute('aria-pressed')).toBe('true');
    } finally {
      await context.close();
    }
  });

  it('speaks one language per page in fi, sv and en, and fits the overview of seven measures to a laptop and to paper', async () => {
    // Uurainen, coached by Eero Salminen, takes three more catalogue measures: the area has seven.
    const coach = await signIn(COACH_AND_SUPERVISOR);
    try {
      const statuses = await coach.page.evaluate(async (keys) => {
        const token = (JSON.parse(localStorage.getItem('sykli.session') ?? '{}') as { idToken?: string }).idToken;
        const results: number[] = [];
        for (const key of keys) {
          const response = await fetch('/api/units/uurainen/measures', {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ source: 'catalogue', key }),
          });
          results.push(response.status);
        }
        return results;
      }, ['continuity', 'carePlans', 'emergencyVisits']);
      // Tracked now, or already (409 when the app has run this before).
      for (const status of statuses) expect([201, 409]).toContain(status);
    } finally {
      await coach.context.close();
    }

    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(app.url);
      await page.waitForURL((url) => url.pathname === '/auth/authorize');
      await page.getByRole('listitem').filter({ hasText: LEADER }).getByRole('button', { name: 'Kirjaudu' }).click();
      await page.waitForURL(`${app.url}/`);

      // The status items follow the change stream: the overview has seven measure columns once they have.
      const table = page.getByRole('table', { name: /Alueen yksiköt riveinä/ });
      for (let attempt = 0; ; attempt++) {
        await page.goto(`${app.url}/areas/${AREA.id}`);
        await table.locator('tbody tr').nth(UNITS.length - 1).waitFor();
        if ((await table.getByRole('columnheader').count()) === 4 + 7 || attempt === 20) break;
        await page.waitForTimeout(500);
      }
      expect(await table.getByRole('columnheader').count()).toBe(4 + 7);
      const measureNames = (await table.locator('.matrix__measure-name').allInnerTexts()).map((name) => name.trim());

      // No sideways scrolling, of the page or of the matrix, and the matrix starts on the first screen.
      const fit = await page.evaluate(() => {
        const box = document.querySelector('.matrix__scroll')!;
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          matrix: box.scrollWidth - box.clientWidth,
          tableTop: document.querySelector('.matrix__table tbody')!.getBoundingClientRect().top,
        };
      });
      expect(fit).toMatchObject({ page: 0, matrix: 0 });
      expect(fit.tableTop).toBeLessThan(800);

      // On paper every column is there, with the area and the print date.
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      await page.emulateMedia({ media: 'screen' });
      const { extractText, getDocumentProxy } = await import('unpdf');
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      expect(text.replace(/\s+/g, ' ')).toContain(`${AREA.name} · tulostettu`);
      // A long name breaks across lines in its narrow column, even inside a word: compare without spaces.
      const compact = text.replace(/\s+/g, '');
      for (const name of measureNames) expect(compact, name).toContain(name.replace(/\s+/g, ''));
      for (const unit of UNITS) expect(compact, unit).toContain(unit.replace(/\s+/g, ''));

      // The main pages in each language: no raw ISO week anywhere, and in fi and sv no English.
      const english = /\b(the|and|with|of|week|weeks|target|measure|measures|cycle|cycles|review|unit|latest|missing|loading|error|figures?|not)\b/i;
      const pages = [`/`, `/areas/${AREA.id}`, '/units/palokka', '/units/palokka/measures', '/units/palokka/measures/t3', '/units/palokka/entry'];
      for (const [language, button] of [['fi', 'Suomi'], ['sv', 'Svenska'], ['en', 'English']] as const) {
        await page.goto(`${app.url}/`);
        await page.getByRole('group', { name: /Kieli|Språk|Language/ }).getByRole('button', { name: button }).click();
        await page.locator(`html[lang="${language}"]`).waitFor();
        for (const path of pages) {
          await page.goto(`${app.url}${path}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          const shown = await page.locator('body').innerText();
          expect(shown, `${language} ${path}`).not.toMatch(/\d{4}-W\d{2}/);
          if (language !== 'en') expect(shown, `${language} ${path}`).not.toMatch(english);
        }
      }
    } finally {
      await context.close();
    }
  });

  it('the accessibility statement is public and linked from every page', async () => {
    const context = await browser.newContext({ locale: 'fi-FI' });
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/saavutettavuus`);
      await page.getByRole('heading', { level: 1, name: 'Saavutettavuusseloste' }).waitFor();
      await page.getByText('Täyttää saavutettavuusvaatimukset osittain.').waitFor();
      await page.getByText('laadittu 30.11.2026', { exact: false }).waitFor();
      await page.getByRole('link', { name: 'saavutettavuus@sykli.example' }).waitFor();
      const authority = await page.getByRole('region', { name: 'Valvontaviranomainen' }).locator('address').innerText();
      expect(authority).toContain('Liikenne- ja viestintävirasto Traficom');
      expect(authority).toContain('Saavutettavuusvaatimusten valvonta');
      await page.getByRole('link', { name: 'saavutettavuus@traficom.fi' }).waitFor();
      await page.getByRole('link', { name: '029 534 5000' }).waitFor();
      await page.getByRole('link', { name: 'www.saavutettavuusvaatimukset.fi' }).waitFor();
      await page.getByRole('contentinfo').getByRole('link', { name: 'Saavutettavuusseloste' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the accessibility statement');
    } finally {
      await context.close();
    }
  });
});
