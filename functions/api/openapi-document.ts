import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { apiRoutes } from './app.js';
import { DOC_PATHS } from './doc-paths.js';
import { routeDefinitions } from './openapi-router.js';
import type { ApiEnv } from './router.js';

export const OPENAPI_INFO = {
  title: 'Sykli API',
  version: '0.1.0',
  description:
    'Plan–Do–Study–Act improvement cycles for Finnish primary care. Errors are RFC 9457 problem details ' +
    '(application/problem+json) naming the failing fields; updates need If-Match with the ETag.',
};

/**
 * The OpenAPI 3.1 document of the declared routes, made by @hono/zod-openapi's own generator. Not
 * part of any Lambda: `npm run build` writes it as a file (scripts/openapi-document.ts), which
 * CloudFront serves; the local runtime makes it at start.
 */
export function openApiDocument(routes: readonly RouteConfig[]) {
  const generator = new OpenAPIHono();
  for (const route of routes) generator.openapi(route, (c) => c.body(null));
  generator.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An ID token from Cognito (AWS) or from the local issuer (`POST /auth/token`).',
  });
  return generator.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO });
}

/**
 * The document of the API as AWS serves it (no local sign-in, no outbox): the file `npm run build`
 * writes. Its routes are only declared here; nothing they were given is ever called.
 */
export function deployedApiDocument() {
  return openApiDocument(routeDefinitions(declaredApiRoutes()));
}

/** The deployed API's router, for its declarations only: its handlers fail if ever called. */
export function declaredApiRoutes() {
  const notServing = (): never => {
    throw new Error('These routes are declared for the OpenAPI document only.');
  };
  const unusable = new Proxy({}, { get: notServing });
  const useCases = new Proxy({}, { get: () => unusable }) as never;
  return apiRoutes({ app: useCases, authConfig: unusable as never, verifyToken: notServing, log: notServing });
}

/** The local runtime serves the document of what it serves (local sign-in and outbox included), made at first request. */
export function serveOpenApiDocument(app: Hono<ApiEnv>): void {
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get(DOC_PATHS[0], (c) => c.json((document ??= openApiDocument(routeDefinitions(app)))));
}
