import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchChromium, signInAs } from '../support/browser.js';
import { sharedApp } from '../support/local-app.js';

// Tiina Koskinen is the demo organisation's admin; Sanna Järvinen and Eero Salminen coach units
// (functions/runtime/seed/demo-organisation.ts).
const ADMIN = 'Tiina Koskinen';

describe('the weekly digest', () => {
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

  it("lets a coach turn the weekly digest off in their settings, and the admin send this week's digest now to the others", async () => {
    const sanna = await signInAs(browser, app.url, 'Sanna Järvinen');
    try {
      const page = sanna.page;
      await page.getByRole('navigation').getByRole('link', { name: 'Omat asetukset' }).click();
      await page.getByRole('heading', { level: 1, name: 'Omat asetukset' }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the settings page');
      expect(await page.getByRole('radio', { name: 'Kyllä, lähetä viikkokooste' }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: 'Ei, en halua viikkokoostetta' }).check();
      await page.getByRole('button', { name: 'Tallenna' }).click();
      await said(page, 'Tallennettu. Viikkokoostetta ei enää lähetetä sinulle.');
    } finally {
      await sanna.context.close();
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
