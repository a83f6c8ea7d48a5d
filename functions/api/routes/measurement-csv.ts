import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { createMiddleware } from 'hono/factory';
import { ImportReportSchema } from '../../app/measurements/import-csv.js';
import { MeasureKeySchema } from '../../domain/measure.js';
import { PeriodSchema } from '../../domain/period.js';
import type { ApiDeps } from '../deps.js';
import { userLocale } from '../locale.js';
import { UnitIdParam, json } from '../params.js';
import { problemJson, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const Params = z.object({ unitId: UnitIdParam });

const csvBody = {
  required: true,
  description:
    'The file as saved: UTF-8 with or without BOM, or Windows-1252 (Excel\'s plain "CSV"); `;` or `,` separated, decimal comma or point; headers mittari;jakso;arvo;osoittaja;nimittäjä;huomio (or Swedish/English). Sent as text/csv (text/plain and Excel\'s application/vnd.ms-excel are taken too).',
  content: { 'text/csv': { schema: z.string() } },
};

/** What browsers and tools call a CSV file; anything else (JSON, a form) is not one. */
const CSV_MEDIA_TYPES = new Set(['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel']);

const csvOnly = createMiddleware(async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!CSV_MEDIA_TYPES.has(mediaType)) {
    return problemJson(c, 415, `Send the file as text/csv, not ${mediaType || 'without a Content-Type'}.`, { type: 'urn:sykli:problem:csv.mediaType' });
  }
  await next();
});

/** CSV import (preview, then all or nothing) and export in the same format. */
export function measurementCsvRoutes(deps: ApiDeps) {
  const { figures } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/import', tags: ['Measurements'], security: bearerSecurity,
        summary: "Import figures from a CSV file: dryRun=true previews every row's result; otherwise all rows are written or none",
        middleware: [csvOnly] as const,
        request: { params: Params, query: z.object({ dryRun: z.enum(['true', 'false']).optional() }), body: csvBody },
        responses: {
          200: json('The report: every row with its result', ImportReportSchema),
          400: problemResponse('Bad rows (each listed with its line and reason), a bad header, or a file too large; nothing written'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a supervisor or coach of the unit'),
          404: problemResponse('No such unit, or not one the person may see'),
          409: problemResponse('A figure changed meanwhile; nothing written'),
          415: problemResponse('The body is not a CSV file'),
        },
      }),
      async (c) => {
        const options = { dryRun: c.req.valid('query').dryRun === 'true', locale: userLocale(c) };
        const file = new Uint8Array(await c.req.arrayBuffer());
        return c.json(await figures.importCsv(c.get('caller'), c.req.valid('param').unitId, file, options), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/export.csv', tags: ['Measurements'], security: bearerSecurity,
        summary: "The unit's figures as CSV in the import format (Finnish Excel: BOM, `;`, decimal comma), headed in the reader's language with each measure's name and period as said",
        request: { params: Params, query: z.object({ measure: MeasureKeySchema.optional(), from: PeriodSchema.optional(), to: PeriodSchema.optional() }) },
        responses: {
          200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } },
          400: problemResponse('Invalid parameters'),
          401: problemResponse('Not signed in'),
          404: problemResponse('No such unit or measure, or not one the person may see'),
        },
      }),
      async (c) => {
        const file = await figures.exportCsv(c.get('caller'), c.req.valid('param').unitId, c.req.valid('query'), userLocale(c));
        return c.body(file.text, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file.filename}"` });
      },
    );
}
