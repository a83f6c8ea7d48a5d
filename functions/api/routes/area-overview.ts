import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { AreaOverviewViewSchema } from '../../app/leadership/area-overview.js';
import { AreaBriefingViewSchema, MarkPresentedSchema } from '../../app/leadership/area-briefing.js';
import { BriefingMarkerSchema } from '../../domain/area-briefing.js';
import { IsoDateSchema } from '../../domain/helsinki-time.js';
import { IdSchema } from '../../domain/ids.js';
import { LOCALES } from '../../domain/localized-text.js';
import type { ApiDeps } from '../deps.js';
import { userLocale } from '../locale.js';
import { json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const Params = z.object({ areaId: IdSchema.meta({ param: { name: 'areaId', in: 'path' }, example: 'keski-suomi' }) });
const errors = {
  400: problemResponse('Invalid area id or language'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such area, or not one the person may see'),
};

/** Leadership's view of an area: every unit against the measures it tracks, and the status-meeting briefing. */
export function areaOverviewRoutes(deps: ApiDeps) {
  const { leadership } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/areas/{areaId}/overview', tags: ['Leadership'], security: bearerSecurity,
        summary: "The area's units against their measures: latest value, target, variation and assurance, progress score, cycles, completeness, attention",
        request: { params: Params },
        responses: { 200: json('The overview', AreaOverviewViewSchema), ...errors },
      }),
      async (c) => c.json(await leadership.overview(c.get('caller'), c.req.valid('param').areaId), 200),
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/areas/{areaId}/briefing', tags: ['Leadership'], security: bearerSecurity,
        summary: 'The status-meeting briefing between two dates (default: since the day it was last presented, else the last four weeks): new signals, each with its chart thumbnail, cycles started, studied and decided with their verdicts, adopted changes, missing figures, confirmed progress scores',
        request: { params: Params, query: z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() }) },
        responses: { 200: json('The briefing', AreaBriefingViewSchema), ...errors },
      }),
      async (c) => c.json(await leadership.briefing(c.get('caller'), c.req.valid('param').areaId, c.req.valid('query')), 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/areas/{areaId}/briefing/presented', tags: ['Leadership'], security: bearerSecurity,
        summary: "Mark the briefing of a window presented at a status meeting (the area's leadership): the next briefing starts from today; audited",
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: MarkPresentedSchema } } } },
        responses: { 201: json('The marker', BriefingMarkerSchema), ...errors, 403: problemResponse("Not the area's leadership") },
      }),
      async (c) => c.json(await leadership.markBriefingPresented(c.get('caller'), c.req.valid('param').areaId, c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/areas/{areaId}/overview.csv', tags: ['Leadership'], security: bearerSecurity,
        summary: 'The overview matrix as CSV for Excel, in the asked language (else Accept-Language, else the person’s own)',
        request: { params: Params, query: z.object({ lang: z.enum(LOCALES).optional() }) },
        responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } }, ...errors },
      }),
      async (c) => {
        const file = await leadership.csv(c.get('caller'), c.req.valid('param').areaId, c.req.valid('query').lang ?? userLocale(c));
        return c.body(file.text, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file.filename}"` });
      },
    );
}
