import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../domain/access-policy.js';
import { OutboxMessageSchema, type OutboxReader } from '../../notify/outbox-notifier.js';
import { ProblemError, problemResponse } from '../problem.js';
import { bearerSecurity, newRouter, type ApiEnv } from '../router.js';
import type { Context } from 'hono';

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
const common = { 401: problemResponse('Not signed in'), 403: problemResponse('No role anywhere'), 404: problemResponse('No such message') };

function allow(c: Context<ApiEnv>) {
  if (!can(c.get('principal'), { type: 'outbox:read' })) throw new ProblemError(403, 'You have no role in any unit yet; ask an admin to add you.');
}

/** The local outbox: what Sykli would have e-mailed, with the invitations' .ics. Mounted locally only. */
export function outboxRoutes(outbox: OutboxReader) {
  async function messageOf(id: string) {
    const message = await outbox.get(id);
    if (!message) throw new ProblemError(404, `The outbox has no message ${id}.`);
    return message;
  }
  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: '/api/outbox', tags: ['Outbox (local)'], security: bearerSecurity,
        summary: 'Messages sent, newest first',
        request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(2000).optional() }) },
        responses: {
          200: { description: 'A page of messages', content: { 'application/json': { schema: z.object({ items: z.array(OutboxMessageSchema), nextCursor: z.string().nullable() }) } } },
          400: problemResponse('Invalid query'),
          ...common,
        },
      }),
      async (c) => {
        allow(c);
        return c.json(await outbox.list(c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/outbox/{id}', tags: ['Outbox (local)'], security: bearerSecurity,
        summary: 'One message with its attachments',
        request: { params: IdParam },
        responses: { 200: { description: 'The message', content: { 'application/json': { schema: OutboxMessageSchema } } }, ...common },
      }),
      async (c) => {
        allow(c);
        return c.json(await messageOf(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get', path: '/api/outbox/{id}/attachments/{n}', tags: ['Outbox (local)'], security: bearerSecurity,
        summary: "One attachment as it was sent, e.g. an invitation's text/calendar",
        request: { params: IdParam.extend({ n: z.coerce.number().int().min(0).max(10).openapi({ param: { name: 'n', in: 'path' } }) }) },
        responses: { 200: { description: 'The attachment', content: { 'text/calendar': { schema: z.string() } } }, ...common },
      }),
      async (c) => {
        allow(c);
        const { id, n } = c.req.valid('param');
        const attachment = (await messageOf(id)).attachments[n];
        if (!attachment) throw new ProblemError(404, `Message ${id} has no attachment ${n}.`);
        return c.body(attachment.content, 200, {
          'Content-Type': `${attachment.contentType}; charset=utf-8`,
          'Content-Disposition': `attachment; filename="${attachment.filename}"`,
        });
      },
    );
}
