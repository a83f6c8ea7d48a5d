import { swaggerUI } from '@hono/swagger-ui';
import { authenticate } from './authenticate.js';
import { DOC_PATHS } from './doc-paths.js';
import type { ApiDeps } from './deps.js';
import { requireOriginVerify } from './origin-verify.js';
import { handleError, problemJson } from './problem.js';
import { agendaRoutes } from './routes/agenda.js';
import { aimRoutes } from './routes/aims.js';
import { areaOverviewRoutes } from './routes/area-overview.js';
import { areaRoutes } from './routes/areas.js';
import { auditRoutes } from './routes/audit.js';
import { changeIdeaRoutes } from './routes/change-ideas.js';
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
import { unitMeasureRoutes } from './routes/unit-measures.js';
import { newRouter } from './router.js';


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
    .route('/', cycleRoutes(deps))
    .route('/', reviewRoutes(deps))
    .route('/', agendaRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', unitMeasureRoutes(deps))
    .route('/', areaOverviewRoutes(deps))
    .route('/', progressRoutes(deps))
    .route('/', measurementRoutes(deps))
    .route('/', measurementCsvRoutes(deps))
    .route('/', roundRoutes(deps));
}

/** The typed client (`hc<AppType>`) is built from this, so the web app and the API cannot drift. */
export type AppType = ReturnType<typeof apiRoutes>;

export function createApp(deps: ApiDeps) {
  const app = newRouter();
  app.onError((error, c) => handleError(error, c, deps.log));
  if (deps.originVerifySecret) app.use('/api/*', requireOriginVerify(deps.originVerifySecret));
  app.route('/', apiRoutes(deps));
  if (deps.local) app.route('/', localSignInRoutes(deps.local));
  if (deps.outbox) app.route('/', outboxRoutes(deps.outbox));
  app.get(DOC_PATHS[1], swaggerUI({ url: DOC_PATHS[0], title: 'Sykli API' }));
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? problemJson(c, 404, `No such resource: ${c.req.path}`) : c.text('Not found', 404),
  );
  return app;
}
export type SykliApp = ReturnType<typeof createApp>;
