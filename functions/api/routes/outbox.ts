import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import { OutboxMessageSchema, OutboxPageSchema, type Outbox } from '../../app/outbox.js';
import { json } from '../params.js';
import { problemResponse } from '../problem.js';
import { bearerSecurity, newRouter } from '../router.js';

const IdParam = z.object({ id: z.string().min(1).max(64).meta({ param: { name: 'id', in: 'path' } }) });
const common = { 401: problemResponse('Not signed in'), 403: problemResponse('No role anywhere'), 404: problemResponse('No such message') };

/** The local outbox: what Sykli would have e-mailed, with the invitations' .ics. Mounted locally only. */
export function outboxRoutes(outbox: Outbox) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get', path: '/api/outbox', tags: ['Outbox (local)'], security: bearerSecurity,
        summary: 'Messages sent, newest first',
        request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(2000).optional() }) },
        responses: { 200: json('A page of messages', OutboxPageSchema), 400: problemResponse('Invalid query'), ...common },
      }),
      async (c) => c.json(await outbox.list(c.get('caller'), c.req.valid('query')), 200),
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/outbox/{id}', tags: ['Outbox (local)'], security: bearerSecurity,
        summary: 'One message with its attachments',
        request: { params: IdParam },
        responses: { 200: json('The message', OutboxMessageSchema), ...common },
      }),
      async (c) => c.json(await outbox.message(c.get('caller'), c.req.valid('param').id), 200),
    )
    .openapi(
      defineRoute({
        method: 'get', path: '/api/outbox/{id}/attachments/{n}', tags: ['Outbox (local)'], security: bearerSecurity,
        summary: "One attachment as it was sent, e.g. an invitation's text/calendar",
        request: { params: IdParam.extend({ n: z.coerce.number().int().min(0).max(10).meta({ param: { name: 'n', in: 'path' } }) }) },
        responses: { 200: { description: 'The attachment', content: { 'text/calendar': { schema: z.string() } } }, ...common },
      }),
      async (c) => {
        const { id, n } = c.req.valid('param');
        const attachment = await outbox.attachment(c.get('caller'), id, n);
        return c.body(attachment.content, 200, {
          'Content-Type': `${attachment.contentType}; charset=utf-8`,
          'Content-Disposition': `attachment; filename="${attachment.filename}"`,
        });
      },
    );
}
