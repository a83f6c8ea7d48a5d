import { serve, type ServerType } from '@hono/node-server';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { createLocalIssuer, generateIssuerKeys } from '../functions/api/auth/local-issuer.js';
import { createOutboxNotifier } from '../functions/notify/outbox-notifier.js';
import { createOutboxRepository } from '../functions/store/outbox-repository.js';
import { createLocalWorkflows } from '../functions/runtime/local-workflows.js';
import { createLocalApp } from '../functions/runtime/local.js';
import { freePort } from '../functions/runtime/local/free-port.js';
import type { Db } from '../functions/store/document-client.js';
import { keys } from '../functions/store/keys.js';
import { createTable } from '../functions/store/table.js';
import type { DynamoRequestCounter } from './dynamo-requests.js';

/** Which benchmarked route a request is, for counting its DynamoDB calls. */
export function routeLabel(method: string, path: string): string {
  if (method === 'GET' && /^\/api\/areas\/[^/]+\/overview$/.test(path)) return 'overview';
  if (method === 'GET' && /^\/api\/units\/[^/]+\/measures\/[^/]+\/series$/.test(path)) return 'chart';
  if (method === 'PUT' && /^\/api\/units\/[^/]+\/measures\/[^/]+\/periods\/[^/]+$/.test(path)) return 'write';
  return 'other';
}

async function listen(fetch: (request: Request, env: unknown) => Response | Promise<Response>): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server: ServerType = await new Promise((resolveServer, reject) => {
    const started = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolveServer(started));
    started.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/**
 * The real API as the local runtime wires it (createLocalApp), over the bench table, with the
 * local issuer (so the browser can sign in and the load can carry tokens) and, when given, the
 * built web app. Each request's DynamoDB calls are counted under its route label.
 */
export async function startApiServer(db: Db, counter: DynamoRequestCounter, options: { webDir?: string } = {}) {
  const issuer = await createLocalIssuer(await generateIssuerKeys());
  const { engine, cycleMail } = createLocalWorkflows(db, {
    notifier: createOutboxNotifier(createOutboxRepository(db)),
    webUrl: 'http://127.0.0.1',
    machines: ['pdsaCycle', 'measurementRound'],
  });
  const app = createLocalApp(db, { workflows: engine, cycleMail, issuer, webDir: options.webDir });
  const server = await listen((request, env) => counter.count(routeLabel(request.method, new URL(request.url).pathname), async () => app.fetch(request, env as never)));
  return {
    url: server.url,
    /** A bearer token as the local sign-in issues it. */
    tokenFor: async (person: { id: string; email: string; name: string }) => (await issuer.issueIdToken(person)).token,
    stop: async () => {
      await server.close();
      await engine.stop();
    },
  };
}

/**
 * The baselines, over HTTP on the same kind of server, through the same document client: for the
 * overview, the same Query of an area's status items as the repository makes, answering only the
 * item count — no sign-in, no parsing, no overview, no large response; for a figure's write, one
 * conditional PutItem of a figure-sized item — no sign-in, no read, no audit entry.
 */
export async function startBareQueryServer(db: Db) {
  const table = createTable(db);
  const app = new Hono()
    .get('/status/:areaId', async (c) => {
      const items = await table.queryItems(keys.areaStatuses(c.req.param('areaId')));
      return c.json({ count: items.length });
    })
    .put('/put/:slot', async (c) => {
      const version = Date.now();
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { PK: `BENCH#${c.req.param('slot')}`, SK: 'P', value: 150, numerator: null, denominator: null, note: '', version },
          ConditionExpression: 'attribute_not_exists(PK) OR #version < :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': version },
        }),
      );
      return c.json({ version }, 201);
    });
  return listen((request) => app.fetch(request));
}
