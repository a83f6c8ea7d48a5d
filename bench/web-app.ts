import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium, signInAs } from '../test/support/browser.js';
import type { BenchArea } from './seed-organisation.js';

const RENDER_RUNS = 3;
const RENDER_TIMEOUT_MS = 30_000;

export type WebBuildResult = { dir: string; files: { path: string; gzipBytes: number }[]; gzipBytes: number };
export type RenderResult = { available: true; ms: number[]; medianMs: number } | { available: false; reason: string };

/**
 * Builds the web app as `npm run build` does into a folder of its own (web/dist belongs to whoever
 * runs the e2e tests in this checkout meanwhile) and sums the gzipped JavaScript that index.html
 * loads at once: the entry script and its modulepreloads, not the chunks loaded later.
 */
export async function measureWebBuild(): Promise<WebBuildResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sykli-bench-web-'));
  // Vite itself, as test/support/web-build.global.ts runs it: `npm run build` also writes the OpenAPI document into web/dist.
  await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], {
    cwd: join(import.meta.dirname, '..'),
    // React's production build, as in test/support/web-build.global.ts.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const paths = tags
    .filter((tag) => /type="module"/.test(tag) || /rel="modulepreload"/.test(tag))
    .map((tag) => /(?:src|href)="([^"]+)"/.exec(tag)?.[1])
    .filter((path): path is string => Boolean(path?.endsWith('.js')));
  const files = await Promise.all(
    paths.map(async (path) => ({ path, gzipBytes: gzipSync(await readFile(join(dir, path)), { level: 9 }).length })),
  );
  return { dir, files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/**
 * Signed in as the area's leader in headless Chromium, the time from starting the navigation to
 * /areas/{id} until the overview table has a row per unit; the median of a few page loads.
 * "Not available" if the page does not show them in time (e.g. before the page exists).
 */
export async function measureOverviewRender(appUrl: string, area: BenchArea): Promise<RenderResult> {
  const browser = await launchChromium();
  try {
    const { page } = await signInAs(browser, appUrl, area.leader.name);
    const ms: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      const started = performance.now();
      await page.goto(`${appUrl}/areas/${area.id}`);
      // Some table with a body row per unit: the matrix (other tables on the page have other row counts).
      const shown = await page
        .waitForFunction(
          (rows) => [...document.querySelectorAll('table')].some((table) => table.querySelectorAll(':scope > tbody > tr').length >= rows),
          area.units.length,
          { timeout: RENDER_TIMEOUT_MS },
        )
        .then(() => true, () => false);
      if (!shown) return { available: false, reason: `no table with ${area.units.length} rows at /areas/${area.id} within ${RENDER_TIMEOUT_MS / 1000} s` };
      ms.push(Math.round(performance.now() - started));
    }
    const sorted = [...ms].sort((a, b) => a - b);
    return { available: true, ms, medianMs: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    await browser.close();
  }
}
