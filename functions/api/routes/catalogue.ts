import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { CatalogueMoveSchema } from '../../app/measurements/catalogue-move.js';
import { CatalogueEntrySchema, NewCatalogueMeasureSchema, NewCatalogueVersionSchema } from '../../domain/catalogue-version.js';
import { MeasureKeySchema } from '../../domain/measure.js';
import { UnitMeasureSchema } from '../../domain/unit-measure.js';
import type { ApiDeps } from '../deps.js';
import { parseIfMatch } from '../if-match.js';
import { IfMatchHeader, UnitIdParam, json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const KeyParam = MeasureKeySchema.meta({ param: { name: 'key', in: 'path' }, example: 't3' });
const CatalogueListSchema = z.object({ items: z.array(CatalogueEntrySchema) }).meta({ id: 'CatalogueList' });
const adminErrors = { 400: problemResponse('Invalid definition; the errors name each field'), 401: problemResponse('Not signed in'), 403: problemResponse('Only admins') };

/** The admin's measure catalogue with its versions, and a unit's move to a newer catalogue definition. */
export function catalogueRoutes(deps: ApiDeps) {
  const { catalogue } = deps.app;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/admin/catalogue', tags: ['Admin'], security: bearerSecurity,
        summary: 'Every catalogue measure with all its definition versions, oldest first (admin)',
        responses: { 200: json('The catalogue, by key', CatalogueListSchema), 401: problemResponse('Not signed in'), 403: problemResponse('Only admins') },
      }),
      async (c) => c.json({ items: await catalogue.admin.list(c.get('caller')) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/admin/catalogue', tags: ['Admin'], security: bearerSecurity,
        summary: 'Add a catalogue measure with its definition in Finnish, Swedish and English (admin)',
        request: { body: { required: true, content: { 'application/json': { schema: NewCatalogueMeasureSchema } } } },
        responses: { 201: json('Added, at version 1', CatalogueEntrySchema), ...adminErrors, 409: problemResponse('The catalogue has a measure with this key already') },
      }),
      async (c) => c.json(await catalogue.admin.addMeasure(c.get('caller'), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/admin/catalogue/{key}/versions', tags: ['Admin'], security: bearerSecurity,
        summary: 'Publish a new definition version of a catalogue measure: the changed fields, what changed and its first period (admin); units move when they choose',
        request: { params: z.object({ key: KeyParam }), body: { required: true, content: { 'application/json': { schema: NewCatalogueVersionSchema } } } },
        responses: {
          201: json('Published; the measure with every version', CatalogueEntrySchema),
          ...adminErrors,
          404: problemResponse('No such catalogue measure'),
          409: problemResponse('Another admin published this version number first'),
        },
      }),
      async (c) => c.json(await catalogue.admin.publishVersion(c.get('caller'), c.req.valid('param').key, c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'post', path: '/api/units/{unitId}/measures/{key}/catalogue-version', tags: ['Measurements'], security: bearerSecurity,
        summary: "Move a unit's catalogue measure to a newer catalogue definition from a period on (now or ahead); its chart starts a new phase there with what changed; needs If-Match",
        request: {
          params: z.object({ unitId: UnitIdParam, key: KeyParam }),
          headers: IfMatchHeader,
          body: { required: true, content: { 'application/json': { schema: CatalogueMoveSchema } } },
        },
        responses: {
          201: json('The measure with its new definition version', UnitMeasureSchema),
          400: problemResponse('Invalid version or period; the errors say why'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a supervisor or coach of the unit (or an admin)'),
          404: problemResponse('No such unit or measure, or not one the person may see'),
          409: problemResponse("The unit's own measure, or a version the unit follows already"),
          412: problemResponse('Someone else changed the measure first'),
          428: problemResponse('If-Match is missing'),
        },
      }),
      async (c) => {
        const { unitId, key } = c.req.valid('param');
        const measure = await catalogue.move(c.get('caller'), unitId, key, c.req.valid('json'), parseIfMatch(c.req.valid('header')['if-match']));
        c.header('ETag', `"${measure.version}"`);
        return c.json(measure, 201);
      },
    );
}
