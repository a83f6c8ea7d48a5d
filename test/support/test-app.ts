import { createLocalIssuer, generateIssuerKeys } from '../../functions/api/auth/local-issuer.js';
import { noIdentityDirectory } from '../../functions/app/people/identity-directory.js';
import { createTokenVerifier } from '../../functions/api/auth/token-verifier.js';
import { createApp } from '../../functions/api/app.js';
import { serveOpenApiDocument } from '../../functions/api/openapi-document.js';
import { createApplication } from '../../functions/app/application.js';
import { outbox } from '../../functions/app/outbox.js';
import { localSignIn } from '../../functions/app/people/local-sign-in.js';
import { startLocalProjection } from '../../functions/runtime/local-projection.js';
import type { BusinessMetric } from '../../functions/metrics/business-metrics.js';
import { createRepositories } from '../../functions/runtime/repositories.js';
import { createPdsaRuntime } from './pdsa-runtime.js';
import { afterAll, inject } from 'vitest';
import { createSeededTestTable, testDb } from './test-table.js';

/** The projections of this file's apps, stopped when the file ends (an app made inside a test too). */
const projections: { stop: () => Promise<void> }[] = [];
afterAll(() => Promise.all(projections.splice(0).map((projection) => projection.stop())));

/** The real API over a real (seeded) table, with a local issuer whose tokens it accepts. */
export async function createTestApp(pdsaOptions: Parameters<typeof createPdsaRuntime>[1] = {}) {
  const db = await createSeededTestTable();
  // Derived items follow writes through the table's stream, as in AWS; the seed built its own. The
  // projection has a client of its own, as its function has in AWS, so that a test watching the
  // requests' writes sees only theirs.
  const projection = await startLocalProjection(testDb(db.tableName), {
    endpoint: inject('dynamoEndpoint'),
    startAtEnd: true,
    intervalMs: 50,
  });
  projections.push(projection);
  const keys = await generateIssuerKeys();
  const issuer = await createLocalIssuer(keys);
  const errors: unknown[] = [];
  const pdsa = createPdsaRuntime(db, pdsaOptions);
  const log = (_message: string, detail?: unknown) => errors.push(detail);
  /** What the use cases counted, by metric. */
  const counted = new Map<BusinessMetric, number>();
  const metrics = { count: (metric: BusinessMetric, value = 1) => void counted.set(metric, (counted.get(metric) ?? 0) + value) };
  /** The repositories over the test's table, for tests that look behind the API. */
  const deps = createRepositories(db);
  const app = createApp({
    app: createApplication({ ...deps, workflows: pdsa.engine, cycleMail: pdsa.cycleMail, metrics, identities: noIdentityDirectory }),
    outbox: outbox({ outbox: pdsa.outbox }),
    verifyToken: createTokenVerifier({ keySet: issuer.keySet, issuer: issuer.issuer, audience: issuer.clientId }),
    authConfig: { authorizeUrl: '/auth/authorize', tokenUrl: '/auth/token', clientId: issuer.clientId, logoutUrl: null },
    log,
    local: { issuer, signIn: localSignIn(deps) },
  });
  serveOpenApiDocument(app);

  async function tokenFor(personId: string): Promise<string> {
    const found = await deps.people.getWithMemberships(personId);
    if (!found) throw new Error(`No demo person ${personId}`);
    return (await issuer.issueIdToken(found.person)).token;
  }

  async function request(path: string, init: RequestInit & { as?: string } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.as) headers.set('authorization', `Bearer ${await tokenFor(init.as)}`);
    return app.request(path, { ...init, headers });
  }

  return { app, db, deps, issuer, keys, tokenFor, request, errors, counted, pdsa, projection };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
