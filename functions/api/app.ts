import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { apiDocsPage } from './api-docs.js';
import { authenticate } from './authenticate.js';
import { DOC_PATHS } from './doc-paths.js';
import type { ApiDeps } from './deps.js';
import { requireOriginVerify } from './origin-verify.js';
import { handleError, problemJson } from './problem.js';
import { adminRoutes } from './routes/admin.js';
import { agendaRoutes } from './routes/agenda.js';
import { aimRoutes } from './routes/aims.js';
import { areaOverviewRoutes } from './routes/area-overview.js';
import { practiceRoutes } from './routes/practices.js';
import { areaRoutes } from './routes/areas.js';
import { auditRoutes } from './routes/audit.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { changeIdeaRoutes } from './routes/change-ideas.js';
import { driverRoutes } from './routes/drivers.js';
import { cycleRoutes } from './routes/cycles.js';
import { PUBLIC_PATHS, healthRoutes } from './routes/health.js';
import { localSignInRoutes } from './routes/local-sign-in.js';
import { measureRoutes } from './routes/measures.js';
import { meRoutes } from './routes/me.js';
import { outboxRoutes } from './routes/outbox.js';
import { progressRoutes } from './routes/progress.js';
import { reviewRoutes } from './routes/reviews.js';
import { unitRoutes } from './routes/units.js';
import { measurementCsvRoutes } from './routes/measurement-csv.js';
import { measurementRoutes } from './routes/measurements.js';
import { roundRoutes } from './routes/rounds.js';
import { digestRoutes } from './routes/digests.js';
import { unitMeasureRoutes } from './routes/unit-measures.js';
import { newRouter } from './router.js';
import { FRAME_OPTIONS, HSTS_SECONDS, REFERRER_POLICY, contentSecurityPolicy, originOf } from './security-headers.js';

/**
 * No request body is read beyond this: the largest a person sends is a CSV file (its own limit,
 * 1 MB, answers first with a sentence about splitting it); the rest are small JSON documents.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The API as AWS serves it: every route but the local runtime's own. */
export function apiRoutes(deps: Pick<ApiDeps, 'app' | 'verifyToken' | 'authConfig' | 'log'>) {
  return newRouter()
    .use('/api/*', authenticate({ verifyToken: deps.verifyToken, app: deps.app }, new Set<string>([...PUBLIC_PATHS, ...DOC_PATHS])))
    .route('/', healthRoutes(deps))
    .route('/', meRoutes(deps))
    .route('/', areaRoutes(deps))
    .route('/', unitRoutes(deps))
    .route('/', measureRoutes(deps))
    .route('/', aimRoutes(deps))
    .route('/', changeIdeaRoutes(deps))
    .route('/', driverRoutes(deps))
    .route('/', cycleRoutes(deps))
    .route('/', reviewRoutes(deps))
    .route('/', agendaRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', unitMeasureRoutes(deps))
    .route('/', areaOverviewRoutes(deps))
    .route('/', practiceRoutes(deps))
    .route('/', progressRoutes(deps))
    .route('/', measurementRoutes(deps))
    .route('/', measurementCsvRoutes(deps))
    .route('/', roundRoutes(deps))
    .route('/', digestRoutes(deps))
    .route('/', adminRoutes(deps))
    .route('/', catalogueRoutes(deps));
}

/** The typed client (`hc<AppType>`) is built from this, so the web app and the API cannot drift. */
export type AppType = ReturnType<typeof apiRoutes>;

export function createApp(deps: ApiDeps) {
  const app = newRouter();
  app.onError((error, c) => handleError(error, c, deps.log));
  app.use(
    secureHeaders({
      contentSecurityPolicy: contentSecurityPolicy(originOf(deps.authConfig.tokenUrl)),
      xFrameOptions: FRAME_OPTIONS,
      referrerPolicy: REFERRER_POLICY,
      strictTransportSecurity: `max-age=${HSTS_SECONDS}; includeSubDomains`,
    }),
  );
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        problemJson(c, 413, `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, { type: 'urn:sykli:problem:body.tooLarge' }),
    }),
  );
  // What the API answers is the person's own data: no cache, shared or private, keeps it.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  if (deps.originVerifySecret) app.use('/api/*', requireOriginVerify(deps.originVerifySecret));
  app.route('/', apiRoutes(deps));
  if (deps.local) app.route('/', localSignInRoutes(deps.local));
  if (deps.outbox) app.route('/', outboxRoutes(deps.outbox));

  app.get(DOC_PATHS[1], (c) => c.html(apiDocsPage()));
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? problemJson(c, 404, `No such resource: ${c.req.path}`) : c.text('Not found', 404),
  );
  return app;
}
export type SykliApp = ReturnType<typeof createApp>;
