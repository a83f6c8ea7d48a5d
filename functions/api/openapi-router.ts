import type { OpenAPIHono, RouteConfig, createRoute as CreateRoute } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import { Hono, type Context, type Env, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { mergePath } from 'hono/utils/url';
import type * as z from 'zod';

/**
 * The routes' runtime, without the OpenAPI generator: each route declared as @hono/zod-openapi
 * declares it (`defineRoute`, `.openapi(route, handler)`), validated the same way (zValidator per
 * request part, 415 for an undeclared body type), and collected so that the OpenAPI document is
 * generated from the same declarations at build time (openapi-document.ts). The generator and its
 * full zod stay out of the Lambda. The types are @hono/zod-openapi's own, so the web's typed
 * client (`hc<AppType>`) reads the routes as before.
 */

type Hook = (result: { success: boolean; data?: unknown; error?: z.ZodError; target: string }, c: Context) => Response | void | Promise<Response | void>;

/** A route's declaration, exactly as @hono/zod-openapi's createRoute takes and types it. */
export const defineRoute = ((config: RouteConfig) => config) as unknown as typeof CreateRoute;

const isJson = (type: string) => /^application\/([a-z-.]+\+)?json/i.test(type);
const isForm = (type: string) => /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
const isZod = (schema: unknown): schema is z.ZodType => typeof (schema as z.ZodType | undefined)?.safeParse === 'function';

function matchesMediaType(contentType: string, mediaType: string): boolean {
  if (mediaType === '*/*') return true;
  if (isJson(mediaType)) return /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i.test(contentType);
  if (isForm(mediaType)) return /^(multipart\/form-data(;\s?boundary=[a-zA-Z0-9'"()+_,\-./:=?]+)?|application\/x-www-form-urlencoded(;\s*[a-zA-Z0-9-]+=([^;]+))*)$/i.test(contentType);
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType.endsWith('/*') ? essence.startsWith(mediaType.slice(0, -1).toLowerCase()) : essence === mediaType.toLowerCase();
}

async function hasBody(c: Context): Promise<boolean> {
  const body = c.req.raw.clone().body;
  if (!body) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** The validators of one route: each request part against its schema, and the body's media type. */
function validatorsOf(route: RouteConfig, hook: Hook): MiddlewareHandler[] {
  const request = route.request;
  const validators: MiddlewareHandler[] = [];
  const part = (target: 'query' | 'param' | 'header' | 'cookie' | 'json' | 'form', schema: unknown) =>
    validators.push(zValidator(target, schema as z.ZodType, hook as never) as unknown as MiddlewareHandler);
  if (request?.query) part('query', request.query);
  if (request?.params) part('param', request.params);
  if (request?.headers) part('header', request.headers);
  if (request?.cookies) part('cookie', request.cookies);
  const content = (request?.body?.content ?? {}) as Record<string, { schema?: unknown }>;
  const declared = Object.keys(content);
  if (declared.some((type) => isZod(content[type]?.schema) && (isJson(type) || isForm(type)))) {
    validators.push(async (c, next) => {
      const contentType = c.req.header('content-type');
      if (contentType ? !declared.some((type) => matchesMediaType(contentType, type)) : await hasBody(c)) {
        throw new HTTPException(415, { message: 'Unsupported Media Type' });
      }
      await next();
    });
  }
  for (const type of declared) {
    const schema = content[type]?.schema;
    if (!isZod(schema) || !(isJson(type) || isForm(type))) continue;
    const target = isJson(type) ? 'json' : 'form';
    if (request?.body?.required) part(target, schema);
    else {
      const validator = zValidator(target, schema, hook as never) as unknown as MiddlewareHandler;
      validators.push(async (c, next) => {
        const given = c.req.header('content-type');
        if (given && (target === 'json' ? isJson(given) : isForm(given))) return validator(c, next);
        c.req.addValidatedData(target, {});
        await next();
      });
    }
  }
  return validators;
}

class LeanRouter extends Hono {
  /** Every route declared here and in the routers mounted on it, with its full path. */
  readonly definitions: RouteConfig[] = [];

  constructor(private readonly defaultHook: Hook) {
    super();
    const mount = this.route.bind(this);
    // Mounting a router also takes its declarations, under the mount path.
    this.route = ((path: string, app: Hono) => {
      mount(path, app);
      if (app instanceof LeanRouter) for (const def of app.definitions) this.definitions.push({ ...def, path: mergePath(path, def.path) });
      return this;
    }) as never;
  }

  openapi(route: RouteConfig, handler: MiddlewareHandler, hook?: Hook): this {
    this.definitions.push(route);
    const path = route.path.replaceAll(/\/{(.+?)}/g, '/:$1');
    const middleware = [route.middleware ?? []].flat() as MiddlewareHandler[];
    this.on([route.method], [path], ...middleware, ...validatorsOf(route, hook ?? this.defaultHook), handler);
    return this;
  }
}

/** A router of routes declared for OpenAPI, typed as @hono/zod-openapi's, validating with `defaultHook`. */
export function openApiRouter<E extends Env>(defaultHook: Hook): OpenAPIHono<E> {
  return new LeanRouter(defaultHook) as unknown as OpenAPIHono<E>;
}

/** The route declarations a router collected, for the OpenAPI document. */
export function routeDefinitions(router: unknown): RouteConfig[] {
  if (!(router instanceof LeanRouter)) throw new Error('Not a router made by openApiRouter.');
  return router.definitions;
}
