import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { EntryFormSchema, SeriesViewSchema } from '../../app/measurements/series-view.js';
import { EntryResultSchema, EntrySubmitSchema } from '../../app/measurements/submit-entry.js';
import { MeasureKeySchema } from '../../domain/measure.js';
import { MeasurementInputSchema, MeasurementSchema } from '../../domain/measurement.js';
import { PeriodSchema } from '../../domain/period.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { userLocale } from '../locale.js';
import { IfMatchHeader, UnitIdParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const Params = z.object({ unitId: UnitIdParam });
const MeasureParams = z.object({ unitId: UnitIdParam, key: MeasureKeySchema.meta({ param: { name: 'key', in: 'path' }, example: 't3' }) });
const PeriodParams = MeasureParams.extend({ period: PeriodSchema.meta({ param: { name: 'period', in: 'path' }, example: '2026-W47' }) });
const common = {
  400: problemResponse('Invalid request; the errors name each field and say what is allowed'),
  401: problemResponse('Not signed in'),
  404: problemResponse('No such unit or measure, or not one the person may see'),
};

/** A unit's figures: the chart's data, one figure at a time, and this period's form. */
export function measurementRoutes(deps: ApiDeps) {
  const { figures } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/measures/{key}/series', tags: ['Measurements'], security: bearerSecurity,
        summary: "A chart's data: figures with the SPC analysis, its explained signals, snapshots, phases and PDSA cycle markers",
        request: { params: MeasureParams, query: z.object({ from: PeriodSchema.optional(), to: PeriodSchema.optional() }) },
        responses: { 200: json('The series', SeriesViewSchema), ...common },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        return c.json(await figures.series(c.get('caller'), unitId, key, c.req.valid('query')), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put', path: '/api/units/{unitId}/measures/{key}/periods/{period}', tags: ['Measurements'], security: bearerSecurity,
        summary: 'Write one figure; the same figure again is a no-op; changing a stored figure needs If-Match',
        request: { params: PeriodParams, headers: IfMatchHeader, body: { required: true, content: { 'application/json': { schema: MeasurementInputSchema } } } },
        responses: {
          200: json('Changed, or the same figure again (nothing written)', MeasurementSchema),
          201: json('Created', MeasurementSchema),
          ...common,
          403: problemResponse('Not a supervisor or coach of the unit'),
          412: problemResponse('Someone else changed the figure first'),
          428: problemResponse('If-Match is missing for a change of a stored figure'),
        },
      }),
      async (c) => {
        const written = await figures.write(c.get('caller'), c.req.valid('param'), c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']), userLocale(c));
        c.header('ETag', `"${written.measurement.version}"`);
        return written.status === 'created' ? c.json(written.measurement, 201) : c.json(written.measurement, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/units/{unitId}/entry', tags: ['Measurements'], security: bearerSecurity,
        summary: "The period form: the unit's due measures with their last figures; without a period, each measure's due period",
        request: { params: Params, query: z.object({ period: PeriodSchema.optional() }) },
        responses: { 200: json('The form', EntryFormSchema), ...common },
      }),
      async (c) => c.json(await figures.entryForm(c.get('caller'), c.req.valid('param').unitId, c.req.valid('query').period), 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/entry', tags: ['Measurements'], security: bearerSecurity,
        summary: 'Submit the period form: every valid row is saved, every invalid one reported with its fields',
        request: { params: Params, body: { required: true, content: { 'application/json': { schema: EntrySubmitSchema } } } },
        responses: { 200: json('One result per row, in order', EntryResultSchema), ...common, 403: problemResponse('Not a supervisor or coach of the unit') },
      }),
      async (c) => c.json(await figures.submitEntry(c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'), userLocale(c)), 200),
    );
}
