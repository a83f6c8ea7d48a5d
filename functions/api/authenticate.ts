import { createMiddleware } from 'hono/factory';
import type { Application } from '../app/application.js';
import { InvalidTokenError, type TokenVerifier } from './auth/token-verifier.js';
import type { ApiEnv } from './router.js';

/** Turns the bearer token into the signed-in person and their memberships, or answers 401. */
export function authenticate(deps: { verifyToken: TokenVerifier; app: Pick<Application, 'people'> }, publicPaths: ReadonlySet<string>) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (publicPaths.has(c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match?.[1]) throw new InvalidTokenError('Sign in: the request has no bearer token.');
    const identity = await deps.verifyToken(match[1]);
    const caller = await deps.app.people.signedIn(identity.email);
    if (!caller) throw new InvalidTokenError('No Sykli user has the e-mail address of this token.');
    c.set('caller', caller);
    await next();
  });
}
