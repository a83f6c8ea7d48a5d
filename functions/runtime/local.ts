import { existsSync } from 'node:fs';
import { noIdentityDirectory } from '../app/people/identity-directory.js';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createLocalIssuer, type LocalIssuer } from '../api/auth/local-issuer.js';
import { createTokenVerifier } from '../api/auth/token-verifier.js';
import { createApp } from '../api/app.js';
import { serveOpenApiDocument } from '../api/openapi-document.js';
import { createApplication, type ApplicationDeps } from '../app/application.js';
import { outbox } from '../app/outbox.js';
import { localSignIn } from '../app/people/local-sign-in.js';
import { resumeInFlightCycles } from '../app/workflow/resume-cycles.js';
import { resumeRunningRounds } from '../app/workflow/resume-rounds.js';
import { createOutboxNotifier } from '../notify/outbox-notifier.js';
import type { Db } from '../store/document-client.js';
import { noMetrics } from '../metrics/business-metrics.js';
import { createOutboxRepository } from '../store/outbox-repository.js';
import { createLocalWorkflows } from './local-workflows.js';
import { startLocalProjection } from './local-projection.js';
import { createRepositories } from './repositories.js';
import { startDynamoDbLocal } from './local/dynamodb-local.js';
import { loadOrCreateIssuerKeys } from './local/issuer-keys.js';
import { logLine } from './local/log-line.js';
import { createDigestScheduler } from './local/digest-scheduler.js';
import { createRoundScheduler } from './local/round-scheduler.js';
import { StartupError } from './local/startup-error.js';
import { ensureOrganisationTable, type LocalOrganisation } from './seed/organisation-table.js';

export const LOCAL_TABLE_NAME = 'sykli';

export type LocalRuntimeOptions = {
  dataDir: string;
  port: number;
  /** The built web app (web/dist); served at / with index.html for client-side routes. */
  webDir: string;
  /** The demo organisation unless told otherwise. */
  organisation?: LocalOrganisation;
  log?: (line: string) => void;
};

async function ensurePortFree(port: number): Promise<void> {
  await new Promise<void>((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use: stop the program using it or start with another port, e.g. PORT=3001 npm start.`)
          : error,
      ),
    );
    probe.listen(port, () => probe.close(() => resolvePort()));
  });
}

/**
 * The app the local runtime serves: the API over `db` with the local issuer's sign-in and the
 * outbox, and the built web app (when given) with index.html for its client-side routes. Also
 * what `npm run bench` measures.
 */
export function createLocalApp(db: Db, parts: Pick<ApplicationDeps, 'workflows' | 'cycleMail'> & { issuer: LocalIssuer; webDir?: string }) {
  const { issuer } = parts;
  const repositories = createRepositories(db);
  const log = (message: string, detail?: unknown) => console.error(logLine(message, detail));
  const app = createApp({
    app: createApplication({ ...repositories, workflows: parts.workflows, cycleMail: parts.cycleMail, metrics: noMetrics, identities: noIdentityDirectory }),
    outbox: outbox({ outbox: createOutboxRepository(db) }),
    verifyToken: createTokenVerifier({ keySet: issuer.keySet, issuer: issuer.issuer, audience: issuer.clientId }),
    authConfig: { authorizeUrl: '/auth/authorize', tokenUrl: '/auth/token', clientId: issuer.clientId, logoutUrl: null },
    log,
    local: { issuer, signIn: localSignIn(repositories) },
  });
  // In AWS the document is a file the build writes.
  serveOpenApiDocument(app);
  if (parts.webDir) {
    // Unknown /api paths stay 404 rather than getting index.html.
    const webRoot = resolve(parts.webDir);
    const assets = serveStatic({ root: webRoot });
    const spaFallback = serveStatic({ root: webRoot, path: 'index.html' });
    app.get('/*', (c, next) => (c.req.path.startsWith('/api/') ? next() : assets(c, next)));
    app.get('/*', (c, next) => (c.req.path.startsWith('/api/') ? next() : spaFallback(c, next)));
  }
  return app;
}

/**
 * Wiring for a developer's machine: DynamoDB Local persisted under dataDir, the local
 * issuer, and one Node server for the API, the sign-in page and the web app.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions) {
  const log = (line: string) => options.log?.(logLine(line));
  const dataDir = resolve(options.dataDir);
  await ensurePortFree(options.port);

  const dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  try {
    const db = dynamo.db(LOCAL_TABLE_NAME);
    const { table, contents, freshSeed } = await ensureOrganisationTable(db, options.organisation ?? { kind: 'demo' }).catch((error: unknown) => {
      throw new StartupError(
        `DynamoDB Local could not open the table (${error instanceof Error ? error.message : String(error)}): the data folder ${dataDir} may be broken — move or delete it to start afresh.`,
      );
    });
    log(`DynamoDB Local: ${dynamo.endpoint}.`);
    log(`Table ${LOCAL_TABLE_NAME}: ${table}.`);
    log(`${contents}.`);
    // Derived items follow the table's changes; a fresh seed has built its own already, and a data
    // folder from before the projection (no position kept) has them all built again once.
    const positionFile = join(dataDir, 'projection-position.json');
    const projection = await startLocalProjection(db, {
      endpoint: dynamo.endpoint,
      positionFile,
      startAtEnd: true,
      rebuildFirst: !freshSeed && !existsSync(positionFile),
      log,
    });

    const url = `http://localhost:${options.port}`;
    // E-mails go to the outbox (shown in the UI and the log) instead of SES.
    const { engine, cycleMail } = createLocalWorkflows(db, {
      notifier: createOutboxNotifier(createOutboxRepository(db), log),
      webUrl: url,
      machines: ['pdsaCycle', 'measurementRound', 'weeklyDigest'],
      log,
    });
    const issuer = await createLocalIssuer(await loadOrCreateIssuerKeys(join(dataDir, 'keys', 'local-issuer.json')));
    const app = createLocalApp(db, { workflows: engine, cycleMail, issuer, webDir: options.webDir });

    const server: ServerType = await new Promise((resolveServer, reject) => {
      const started = serve({ fetch: app.fetch, port: options.port }, () => resolveServer(started));
      started.once('error', reject);
    });
    // Executions live in memory: carry every cycle in Do, Study or Act on from its stored phase,
    // and every round still running from where its units' parts are.
    const repositories = createRepositories(db);
    const resumed = await resumeInFlightCycles({ ...repositories, workflows: engine, log });
    const resumedRounds = await resumeRunningRounds({ rounds: repositories.rounds, workflows: engine, log });
    log(`Workflows: ${resumed.length} cycle(s) and ${resumedRounds.length} measurement round(s) in progress resumed.`);
    // EventBridge Scheduler's part: open each weekly and monthly measurement round on time.
    const rounds = createRoundScheduler({ engine, log });
    rounds.start();
    // And the weekly digest's: Monday morning, on the same cron.
    const digests = createDigestScheduler({ engine, log });
    digests.start();
    return {
      url,
      app,
      engine,
      projection,
      stop: async () => {
        await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        await rounds.stop();
        await digests.stop();
        await engine.stop();
        await projection.stop();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
