import { createRoute, z } from '@hono/zod-openapi';
import { can, seesWholeArea, type Principal } from '../../domain/access-policy.js';
import { AreaOverviewSchema, buildAreaOverview, serialiseOverviewCsv } from '../../domain/area-overview.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { IdSchema } from '../../domain/ids.js';
import { LOCALES } from '../../domain/localized-text.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';
import { userLocale } from './measurement-access.js';

const Params = z.object({ areaId: IdSchema.meta({ param: { name: 'areaId', in: 'path' }, example: 'keski-suomi' }) });
const errors = {
  400: problemResponse('Invalid area id or language'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such area, or not one the person may see'),
};

/**
 * Leadership's view of an area: every unit against the measures it tracks, with scores, cycles,
 * completeness and what needs attention. Reads the area's status items with one Query, never
 * a Query per unit.
 */
export function areaOverviewRoutes(deps: ApiDeps) {
  async function overviewFor(principal: Principal, areaId: string) {
    if (!can(principal, { type: 'area:read', areaId })) throw new ProblemError(404, `No area ${areaId} that you can see.`);
    const items = await deps.measurements.listAreaStatus(areaId);
    // Leaders and admins see every unit; a coach or supervisor only the units they work in.
    const visible = seesWholeArea(principal, areaId) ? items : items.filter((item) => can(principal, { type: 'measurement:read', unit: { id: item.unitId, areaId } }));
    return buildAreaOverview(areaId, visible, new Date());
  }

  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/api/areas/{areaId}/overview', tags: ['Leadership'], security: bearerSecurity,
        summary: "The area's units against their measures: latest value, target, variation and assurance, progress score, cycles, completeness, attention",
        request: { params: Params },
        responses: { 200: { description: 'The overview', content: { 'application/json': { schema: AreaOverviewSchema } } }, ...errors },
      }),
      async (c) => c.json(await overviewFor(c.get('principal'), c.req.valid('param').areaId), 200),
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/areas/{areaId}/overview.csv', tags: ['Leadership'], security: bearerSecurity,
        summary: 'The overview matrix as CSV for Excel, in the asked language (else Accept-Language, else the person’s own)',
        request: { params: Params, query: z.object({ lang: z.enum(LOCALES).optional() }) },
        responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } }, ...errors },
      }),
      async (c) => {
        const { areaId } = c.req.valid('param');
        const locale = c.req.valid('query').lang ?? userLocale(c);
        const overview = await overviewFor(c.get('principal'), areaId);
        return c.body(serialiseOverviewCsv(overview, locale), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="sykli-${areaId}-${helsinkiDate(new Date())}.csv"`,
        });
      },
    );
}
