import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchChromium, signInAs } from '../support/browser.js';
import { sharedApp } from '../support/local-app.js';

// A supervisor of one unit only (functions/runtime/seed/demo-organisation.ts).
const SUPERVISOR = 'Päivi Kangas';
const OWN_UNIT = { fi: 'Alajärven sote-keskus', sv: 'Alajärvi social- och hälsocentral' };
/** A unit in another area (Keski-Suomi), and one in her own area that she does not work in. */
const OTHER_AREA_UNIT = 'Palokan terveysasema';
const SAME_AREA_OTHER_UNIT = 'Vimpelin sivutoimipiste (Alajärven sote-keskus)';

describe('signing in as a unit supervisor', () => {
  const app = sharedApp();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, sees only their own unit, switches to Swedish, and passes axe', async () => {
    const context = await browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    try {
      // Opening the app sends the browser to the (local) sign-in page with PKCE.
      await page.goto(app.url);
      await page.waitForURL((url) => url.pathname === '/auth/authorize');
      const authorize = new URL(page.url());
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('redirect_uri')).toBe(`${app.url}/auth/callback`);
      await page.getByRole('heading', { level: 1, name: 'Kirjaudu Sykliin' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the sign-in page');

      await page.getByRole('listitem').filter({ hasText: SUPERVISOR }).getByRole('button', { name: 'Kirjaudu' }).click();

      // Back home, signed in: their unit in Finnish, nothing of other units.
      await page.waitForURL(`${app.url}/`);
      await page.getByRole('heading', { level: 1, name: 'Esihenkilön etusivu' }).waitFor();
      await page.getByRole('region', { name: 'Kaikki alueesi ja yksikkösi' }).getByRole('link', { name: OWN_UNIT.fi }).waitFor();
      await page.getByRole('banner').getByText(SUPERVISOR).waitFor();
      expect(await page.getByText('Esihenkilö').first().isVisible()).toBe(true);
      expect(await page.getByText(OTHER_AREA_UNIT).count()).toBe(0);
      expect(await page.getByText(SAME_AREA_OTHER_UNIT).count()).toBe(0);
      expect(await page.locator('html').getAttribute('lang')).toBe('fi');
      await expectNoSeriousAxeViolations(page, 'the home page (fi)');

      // Swedish: the unit's Swedish name and Swedish labels.
      await page.getByRole('button', { name: 'Svenska' }).click();
      await page.getByRole('heading', { level: 1, name: 'Förmannens startsida' }).waitFor();
      const allUnits = page.getByRole('region', { name: 'Alla dina områden och enheter' });
      await allUnits.getByRole('link', { name: OWN_UNIT.sv }).waitFor();
      expect(await page.getByText('Förman').first().isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Svenska' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      expect(await page.getByText(OWN_UNIT.fi).count()).toBe(0);
      await expectNoSeriousAxeViolations(page, 'the home page (sv)');

      // The choice and the session outlive a reload; the unit's own page opens from its card.
      await page.reload();
      await allUnits.getByRole('link', { name: OWN_UNIT.sv }).click();
      await page.waitForURL(`${app.url}/units/alajarvi`);
      await page.getByRole('heading', { level: 1, name: OWN_UNIT.sv }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Grunduppgifter' }).waitFor();
      await page.getByRole('table').waitFor();
      await expectNoSeriousAxeViolations(page, 'the unit page (sv)');

      // A link opened in a new tab is signed in already; signing out in one tab ends it in both.
      const second = await context.newPage();
      await second.goto(`${app.url}/units/alajarvi`);
      await second.getByRole('heading', { level: 1, name: OWN_UNIT.sv }).waitFor();
      expect(new URL(second.url()).pathname).toBe('/units/alajarvi');
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('heading', { level: 1, name: 'Du har loggat ut' }).waitFor();
      await second.getByRole('heading', { level: 1, name: 'Du har loggat ut' }).waitFor();
      await second.goto(`${app.url}/units/alajarvi`);
      await second.getByRole('heading', { level: 1, name: 'Du har loggat ut' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
