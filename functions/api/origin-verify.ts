import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { problemJson } from './problem.js';

/** The header CloudFront adds to every request it sends the API (infra/constructs/web.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-sykli-origin-verify';

const same = (given: string, secret: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Refuses requests that did not come through CloudFront, whose firewall rules they would otherwise
 * skip: API Gateway's own address is public, and an HTTP API cannot have a web ACL of its own.
 */
export function requireOriginVerify(secret: string): MiddlewareHandler {
  return async (c, next) => {
    if (!same(c.req.header(ORIGIN_VERIFY_HEADER) ?? '', secret)) return problemJson(c, 403, 'Use the web address: the API answers requests that come through it only.');
    await next();
  };
}
