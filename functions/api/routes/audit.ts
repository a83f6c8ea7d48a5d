import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { AuditEntrySchema } from '../../domain/audit.js';
import type { ApiDeps } from '../deps.js';
import { UnitIdParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }).meta({ id: 'AuditPage' });

export function auditRoutes(deps: ApiDeps) {
  return newRouter().openapi(
    defineRoute({
      method: 'get', path: '/api/units/{unitId}/audit', tags: ['PDSA'], security: bearerSecurity,
      summary: "The unit's audit trail, newest first: who changed what and when; `entityId` gives one cycle's (or aim's, review's) timeline",
      request: {
        params: z.object({ unitId: UnitIdParam }),
        query: z.object({
          entityId: z.string().min(1).max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: z.string().max(2000).optional(),
        }),
      },
      responses: {
        200: json('A page of entries', AuditPageSchema),
        400: problemResponse('Invalid query'),
        401: problemResponse('Not signed in'),
        404: problemResponse('No such unit, or not one the person may see'),
      },
    }),
    async (c) => c.json(await deps.app.audit.trail(c.get('caller'), c.req.valid('param').unitId, c.req.valid('query')), 200),
  );
}
