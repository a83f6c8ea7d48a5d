import { createMiddleware } from 'hono/factory';
import { signedInPeople } from './auth/signed-in-people.js';
import { InvalidTokenError } from './auth/token-verifier.js';
import type { ApiDeps } from './deps.js';
import type { ApiEnv } from './router.js';

/** Turns the bearer token into the signed-in person and their memberships, or answers 401. */
export function authenticate(deps: Pick<ApiDeps, 'verifyToken' | 'people'>, publicPaths: ReadonlySet<string>) {
  const findByEmail = signedInPeople(deps.people);
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (publicPaths.has(c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match?.[1]) throw new InvalidTokenError('Sign in: the request has no bearer token.');
    const identity = await deps.verifyToken(match[1]);
    const found = await findByEmail(identity.email);
    if (!found) throw new InvalidTokenError('No Sykli user has the e-mail address of this token.');
    c.set('person', found.person);
    c.set('principal', { personId: found.person.id, memberships: found.memberships });
    await next();
  });
}
