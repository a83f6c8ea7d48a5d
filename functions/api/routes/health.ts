import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import type { ApiDeps } from '../deps.js';
import { newRouter } from '../router.js';

const HealthSchema = z.object({ status: z.enum(['ok', 'degraded']), store: z.enum(['ok', 'unavailable']) }).meta({ id: 'Health' });
const AuthConfigSchema = z
  .object({ authorizeUrl: z.string(), tokenUrl: z.string(), clientId: z.string(), logoutUrl: z.string().nullable() })
  .meta({ id: 'AuthConfig' });

export const PUBLIC_PATHS = ['/api/health', '/api/auth-config'] as const;

export function healthRoutes(deps: ApiDeps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/api/health',
        tags: ['System'],
        summary: 'Is the API up and can it reach its store?',
        responses: {
          200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
          503: { description: 'The store cannot be reached', content: { 'application/json': { schema: HealthSchema } } },
        },
      }),
      async (c) => {
        try {
          await deps.app.health.checkStore();
          return c.json({ status: 'ok' as const, store: 'ok' as const }, 200);
        } catch (error) {
          deps.log('Health check: store unavailable', error);
          return c.json({ status: 'degraded' as const, store: 'unavailable' as const }, 503);
        }
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/api/auth-config',
        tags: ['System'],
        summary: 'Where the web app signs people in (OAuth 2.0 authorization code with PKCE)',
        responses: { 200: { description: 'Sign-in endpoints', content: { 'application/json': { schema: AuthConfigSchema } } } },
      }),
      (c) => c.json(deps.authConfig, 200),
    );
}
