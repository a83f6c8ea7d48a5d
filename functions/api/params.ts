import * as z from 'zod';
import { IdSchema } from '../domain/ids.js';

// .meta, not .openapi: a schema made before @hono/zod-openapi was loaded lacks .openapi.
export const UnitIdParam = IdSchema.meta({ param: { name: 'unitId', in: 'path' }, example: 'palokka' });
export const idParam = (name: string) => IdSchema.meta({ param: { name, in: 'path' } });
export const IfMatchHeader = z.object({ 'if-match': z.string().max(100).optional() });

/** A JSON response of `schema`, for a route's declaration. */
export const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
