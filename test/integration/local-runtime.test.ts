import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalRuntime } from '../../functions/runtime/local.js';
import { startDynamoDbLocal } from '../../functions/runtime/local/dynamodb-local.js';
import { freePort } from '../../functions/runtime/local/free-port.js';
import { scratchRoot } from '../support/scratch-dir.js';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(scratchRoot(), 'sykli-runtime-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function webDir() {
  const dir = tempDir();
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sykli</title>');
  return dir;
}

async function tokenFor(url: string, personId: string) {
  const response = await fetch(`${url}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'urn:sykli:demo-person', person_id: personId }),
  });
  return ((await response.json()) as { id_token: string }).id_token;
}

describe('the local runtime (npm start)', () => {
  it('seeds the first time only and keeps changes and sign-in keys across a restart', async () => {
    const dataDir = tempDir();
    const web = webDir();
    const lines: string[] = [];
    const first = await startLocalRuntime({ dataDir, port: await freePort(), webDir: web, log: (l) => lines.push(l) });
    const token = await tokenFor(first.url, 'tiina-koskinen');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const changed = await fetch(`${first.url}/api/units/palokka`, {
      method: 'PATCH',
      headers: { ...auth, 'if-match': '"1"' },
      body: JSON.stringify({ municipality: 'Jyväskylä, Palokka' }),
    });
    expect(changed.status).toBe(200);
    expect(await (await fetch(`${first.url}/units/palokka`)).text()).toContain('<title>Sykli</title>');
    await first.stop();

    const second = await startLocalRuntime({ dataDir, port: await freePort(), webDir: web, log: (l) => lines.push(l) });
    const unit = await fetch(`${second.url}/api/units/palokka`, { headers: auth });
    expect(unit.status).toBe(200);
    expect(await unit.json()).toMatchObject({ municipality: 'Jyväskylä, Palokka', version: 2 });
    await second.stop();
    // Only the store's lines: workflow, outbox and round lines depend on the demo data and the clock.
    expect(lines.filter((line) => /^(Table|Demo data)/.test(line))).toEqual([
      'Table sykli: created.',
      'Demo data: seeded.',
      'Table sykli: unchanged.',
      'Demo data: already seeded.',
    ]);
    // Two real start-ups, the first seeding a file-backed DynamoDB Local: a minute on a busy two-core machine.
  }, 180_000);

  it('says in one sentence when the port is taken', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port);
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      await expect(startLocalRuntime({ dataDir: tempDir(), port, webDir: webDir() })).rejects.toThrow(
        `Port ${port} is already in use: stop the program using it or start with another port, e.g. PORT=3001 npm start.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('says the data folder is broken, and what to do, when DynamoDB Local cannot read it', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'dynamodb', 'shared-local-instance.db');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.alloc(20_000, 7));
    await expect(startLocalRuntime({ dataDir, port: await freePort(), webDir: webDir() })).rejects.toThrow(
      /cannot read its data folder .* move or delete it to start afresh\.$/,
    );
  }, 60_000);

  it('says Java is missing instead of failing with a stack trace', async () => {
    const path = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      await expect(startDynamoDbLocal()).rejects.toThrow(/^Java was not found: DynamoDB Local needs Java 17 or newer/);
    } finally {
      process.env.PATH = path;
    }
  });
});
