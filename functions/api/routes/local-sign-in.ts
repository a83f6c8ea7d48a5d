import * as z from 'zod';
import { defineRoute } from '../openapi-router.js';
import type { Context } from 'hono';
import { html } from 'hono/html';
import { IdSchema } from '../../domain/ids.js';
import { LocaleSchema, type Locale } from '../../domain/localized-text.js';
import type { LocalSignIn } from '../../app/people/local-sign-in.js';
import type { LocalIssuer } from '../auth/local-issuer.js';
import { newRouter } from '../router.js';
import { SIGN_IN_CSS, SIGN_IN_STYLESHEET, signInPage } from './local-sign-in-page.js';

const TAG = 'Local sign-in (local runtime only)';

const AuthorizeQuery = z.object({
  response_type: z.literal('code'),
  client_id: z.string().max(100),
  redirect_uri: z.string().max(500),
  state: z.string().max(500),
  code_challenge: z.string().min(43).max(128),
  code_challenge_method: z.literal('S256'),
  ui_locales: z.string().max(20).optional(),
});
const AuthorizeForm = AuthorizeQuery.extend({ person_id: IdSchema });

const TokenForm = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: z.string().max(200),
    code_verifier: z.string().min(43).max(128),
    redirect_uri: z.string().max(500),
    client_id: z.string().max(100),
  }),
  z.object({
    grant_type: z.literal('urn:sykli:demo-person'),
    person_id: IdSchema.meta({ description: 'A demo person, e.g. aino-virtanen (see the README)' }),
  }),
]);
const TokenResponse = z
  .object({ id_token: z.string(), access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number().int() })
  .meta({ id: 'TokenResponse' });
const OAuthError = z.object({ error: z.string(), error_description: z.string() }).meta({ id: 'OAuthError' });

/**
 * The authorization code goes only to a page of this app: the URI resolved against the request
 * must keep its origin, which `//host`, `/\host`, `user@host` and other schemes do not.
 */
function sameOrigin(c: Context, redirectUri: string): boolean {
  const here = new URL(c.req.url).origin;
  try {
    return new URL(redirectUri, here).origin === here;
  } catch {
    return false;
  }
}

function localeOf(uiLocales: string | undefined): Locale {
  const first = uiLocales?.split(' ')[0];
  const parsed = LocaleSchema.safeParse(first);
  return parsed.success ? parsed.data : 'fi';
}

/**
 * The local stand-in for Cognito's hosted UI: pick a demo person, get an ID token.
 * Only the local runtime mounts these routes.
 */
export function localSignInRoutes({ issuer, signIn }: { issuer: LocalIssuer; signIn: LocalSignIn }) {
  function checkClient(c: Context, clientId: string, redirectUri: string): string | undefined {
    if (clientId !== issuer.clientId) return `Unknown client_id; the local web app is ${issuer.clientId}.`;
    if (!sameOrigin(c, redirectUri)) return 'redirect_uri must be a page of this app.';
    return undefined;
  }

  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/auth/authorize',
        tags: [TAG],
        summary: 'The demo sign-in page: lists the demo people with their roles (OAuth 2.0 authorize, PKCE S256)',
        request: { query: AuthorizeQuery },
        responses: {
          200: { description: 'The sign-in page', content: { 'text/html': { schema: z.string() } } },
          400: { description: 'Bad request', content: { 'text/html': { schema: z.string() } } },
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const problem = checkClient(c, query.client_id, query.redirect_uri);
        if (problem) return c.html(html`<!doctype html><p>${problem}</p>`, 400);
        return c.html(signInPage({ locale: localeOf(query.ui_locales), query, choices: await signIn.choices() }), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/auth/authorize',
        tags: [TAG],
        summary: 'Sign in as the chosen demo person; redirects back with an authorization code',
        request: {
          body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: AuthorizeForm } } },
        },
        responses: {
          302: { description: 'Back to redirect_uri with code and state' },
          400: { description: 'Bad request', content: { 'text/html': { schema: z.string() } } },
        },
      }),
      async (c) => {
        const form = c.req.valid('form');
        const problem = checkClient(c, form.client_id, form.redirect_uri);
        const person = problem ? undefined : await signIn.person(form.person_id);
        if (!person) return c.html(html`<!doctype html><p>${problem ?? 'No such person.'}</p>`, 400);
        const code = issuer.createCode({
          personId: person.id,
          email: person.email,
          codeChallenge: form.code_challenge,
          redirectUri: form.redirect_uri,
        });
        const back = new URL(form.redirect_uri, c.req.url);
        back.searchParams.set('code', code);
        back.searchParams.set('state', form.state);
        return c.redirect(back.href, 302);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/auth/token',
        tags: [TAG],
        summary:
          'Exchange an authorization code for an ID token, or (for scripts and tests) get one directly for a demo person with grant_type=urn:sykli:demo-person',
        request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: TokenForm } } } },
        responses: {
          200: { description: 'Tokens; send id_token as the bearer token', content: { 'application/json': { schema: TokenResponse } } },
          400: { description: 'OAuth 2.0 error', content: { 'application/json': { schema: OAuthError } } },
        },
      }),
      async (c) => {
        const form = c.req.valid('form');
        let personId: string | undefined;
        if (form.grant_type === 'authorization_code') {
          const clientProblem = checkClient(c, form.client_id, form.redirect_uri);
          personId = clientProblem ? undefined : issuer.redeemCode(form.code, form.code_verifier, form.redirect_uri)?.personId;
        } else {
          personId = form.person_id;
        }
        const person = personId ? await signIn.person(personId) : undefined;
        if (!person) {
          return c.json(
            { error: 'invalid_grant', error_description: 'The code or person is not valid (codes work once, for 5 minutes).' },
            400,
          );
        }
        const { token, expiresIn } = await issuer.issueIdToken(person);
        c.header('Cache-Control', 'no-store');
        return c.json({ id_token: token, access_token: token, token_type: 'Bearer' as const, expires_in: expiresIn }, 200);
      },
      (result, c) => {
        if (!result.success) {
          const fields = result.error.issues.map((i) => i.path.join('.') || 'grant_type').join(', ');
          return c.json({ error: 'invalid_request', error_description: `Missing or invalid: ${fields}.` }, 400);
        }
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/auth/jwks.json',
        tags: [TAG],
        summary: "The local issuer's public keys (JWKS)",
        responses: { 200: { description: 'JWKS', content: { 'application/json': { schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) } } } },
      }),
      (c) => c.json({ keys: issuer.jwks.keys as Record<string, unknown>[] }, 200),
    )
    .get(SIGN_IN_STYLESHEET, (c) => c.body(SIGN_IN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
}
