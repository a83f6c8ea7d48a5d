/**
 * The Content-Security-Policy of every page Sykli serves: the web app (from the local server, and
 * from CloudFront, whose response headers policy carries the same one — infra/constructs/web.ts),
 * the local sign-in page and the API docs. Everything comes from the app's own origin; the only
 * other place the browser talks to is the sign-in service's token endpoint (Cognito in AWS).
 * Nothing inline: the web build, the sign-in page and the docs load their scripts and styles
 * from files.
 */
export function contentSecurityPolicy(signInOrigins: readonly string[] = []) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    // The favicon is a data: URI in index.html, and Swagger UI draws its icons as data: URIs.
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...signInOrigins],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}
export type ContentSecurityPolicy = ReturnType<typeof contentSecurityPolicy>;

/** The policy as the header's value, e.g. for CloudFront: `default-src 'self'; …`. */
export function contentSecurityPolicyHeader(policy: ContentSecurityPolicy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${sources.join(' ')}`)
    .join('; ');
}

/** The other security headers, here and in CloudFront alike. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
export const FRAME_OPTIONS = 'DENY';
export const HSTS_SECONDS = 63_072_000;

/** The origin of an absolute URL, none for a path on this origin (the local issuer's `/auth/token`). */
export function originOf(url: string): string[] {
  return /^https?:\/\//.test(url) ? [new URL(url).origin] : [];
}
