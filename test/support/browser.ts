import { addDays, format, parseISO } from 'date-fns';
import { helsinkiDate } from '../../functions/domain/helsinki-time.js';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium, headless; the flags keep it quiet and small on a CI machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Fails on any serious or critical WCAG 2.1 A/AA violation, listing each in the test output. */
export async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
      .join('\n');
    console.error(`axe on ${what}:\n${report}`);
  }
  expect(serious.map((v) => v.id), `serious or critical axe violations on ${what}`).toEqual([]);
}

/** Signs a demo person in on the local sign-in page, in Finnish, and waits for their home. */
export async function signInAs(browser: Browser, appUrl: string, person: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fi-FI', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.waitForURL((url) => url.pathname === '/auth/authorize');
  await page.getByRole('listitem').filter({ hasText: person }).getByRole('button', { name: 'Kirjaudu' }).click();
  await page.waitForURL(`${appUrl}/`);
  await page.getByRole('banner').getByText(person).waitFor();
  return { context, page };
}

/** A calendar day relative to today in Helsinki, as the pages' date inputs take it. */
export function helsinkiDay(offset: number): string {
  return format(addDays(parseISO(helsinkiDate(new Date())), offset), 'yyyy-MM-dd');
}
