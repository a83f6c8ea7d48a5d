import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID } from '../../functions/api/auth/local-issuer.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { sharedApp } from '../support/local-app.js';

/**
 * The built web app under the Content-Security-Policy that both the local server and CloudFront
 * send: no page — nor the sign-in page or the API docs — may need anything the policy refuses.
 * It only reads, so it shares the app with the other browser tests without touching their data.
 */
const UNIT = 'palokka';
const PAGES = [
  '/',
  '/areas/keski-suomi',
  `/units/${UNIT}`,
  `/units/${UNIT}/measures`,
  `/units/${UNIT}/entry`,
  `/units/${UNIT}/measures/t3`,
  '/agenda',
  '/outbox',
  '/saavutettavuus',
  '/admin',
  '/admin/people',
  '/admin/audit',
  '/admin/catalogue',
];

/** Every violation the browser reports, from the page's own event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('the Content-Security-Policy', () => {
  const app = sharedApp();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is sent with every page, and no page of the web app, the sign-in or the API docs violates it', async () => {
    const { context, page } = await signInAs(browser, app.url, 'Tiina Koskinen');
    try {
      const violations = await watchViolations(page);
      const response = await page.goto(`${app.url}/`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      for (const path of PAGES) {
        await page.goto(`${app.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
      }
      // A cycle's page: the first cycle on the unit's board.
      await page.goto(`${app.url}/units/${UNIT}`);
      await page.locator(`a[href^="/units/${UNIT}/cycles/"]`).first().click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');

      await page.goto(`${app.url}/api/docs`);
      await page.locator('.swagger-ui .info .title').waitFor();
      await page.waitForLoadState('networkidle');

      const signIn = await context.newPage();
      const signInViolations = await watchViolations(signIn);
      await signIn.goto(`${app.url}/auth/authorize?${new URLSearchParams({
        response_type: 'code', client_id: LOCAL_CLIENT_ID, redirect_uri: `${app.url}/auth/callback`, state: 'csp',
        code_challenge: 'a'.repeat(43), code_challenge_method: 'S256',
      })}`);
      await signIn.getByRole('heading', { level: 1 }).waitFor();
      await signIn.waitForLoadState('networkidle');
      expect(await signIn.evaluate(() => getComputedStyle(document.querySelector('button')!).backgroundColor)).toBe('rgb(11, 92, 173)');

      expect([...violations, ...signInViolations]).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
