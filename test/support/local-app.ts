import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from '../../functions/runtime/local/free-port.js';
import { scratchRoot } from './scratch-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type LocalApp = { url: string; stop: () => Promise<void>; /** Its DynamoDB Local, for what a browser test cannot do through the UI (time passing). */ tableEndpoint: string };

/**
 * Starts Sykli as `npm start` does (scripts/start-local.ts: DynamoDB Local, the demo seed, the API and
 * the built web app) on a free port with a fresh data folder, and waits until /api/health answers 200.
 * `env` adds settings, such as SYKLI_FIRST_ADMIN_EMAIL for an empty organisation.
 */
export async function startApp({ timeoutMs = 90_000, env = {} as Record<string, string> } = {}): Promise<LocalApp> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(scratchRoot(), 'sykli-e2e-'));
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-local.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), SYKLI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  async function stop(): Promise<void> {
    if (exitCode === undefined) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exitCode !== undefined) throw new Error(`Sykli exited with code ${exitCode} before it was healthy.`);
      const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
        .then((response) => response.status === 200)
        .catch(() => false);
      const tableEndpoint = /DynamoDB Local: (http:\/\/\S+?)\.\n/.exec(output)?.[1];
      if (healthy && tableEndpoint) return { url, stop, tableEndpoint };
      if (Date.now() > deadline) throw new Error(`Sykli did not become healthy within ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- output of scripts/start-local.ts ---\n${output}`, { cause: error });
  }
}

/** The app the browser tests share (test/support/e2e-app.global.ts). */
export function sharedApp(): Pick<LocalApp, 'url' | 'tableEndpoint'> {
  return { url: inject('appUrl'), tableEndpoint: inject('appTableEndpoint') };
}
