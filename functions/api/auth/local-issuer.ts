import { createHash, randomBytes } from 'node:crypto';
import {
  SignJWT,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';

export const LOCAL_ISSUER = 'urn:sykli:local-issuer';
export const LOCAL_CLIENT_ID = 'sykli-web-local';
const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
const CODE_LIFETIME_MS = 5 * 60 * 1000;

export type IssuerKeyMaterial = { privateJwk: JWK; publicJwk: JWK };

export async function generateIssuerKeys(): Promise<IssuerKeyMaterial> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateJwk, publicJwk };
}

type PendingCode = { personId: string; email: string; codeChallenge: string; redirectUri: string; expiresAt: number };

/**
 * The local stand-in for Cognito: signs ID tokens for demo people with a key kept under
 * .data/, publishes its JWKS, and runs the authorization-code flow with PKCE (S256) so the
 * web app signs in the same way in both runtimes.
 */
export async function createLocalIssuer(keys: IssuerKeyMaterial, now: () => Date = () => new Date()) {
  const privateKey = (await importJWK(keys.privateJwk, 'RS256')) as CryptoKey;
  const jwks: JSONWebKeySet = { keys: [keys.publicJwk] };
  const codes = new Map<string, PendingCode>();

  async function issueIdToken(person: { id: string; email: string; name: string }): Promise<{ token: string; expiresIn: number }> {
    const issuedAt = Math.floor(now().getTime() / 1000);
    const token = await new SignJWT({ email: person.email, name: person.name, token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid: keys.publicJwk.kid, typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_CLIENT_ID)
      .setSubject(person.id)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .sign(privateKey);
    return { token, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  function createCode(pending: Omit<PendingCode, 'expiresAt'>): string {
    for (const [code, entry] of codes) if (entry.expiresAt < now().getTime()) codes.delete(code);
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { ...pending, expiresAt: now().getTime() + CODE_LIFETIME_MS });
    return code;
  }

  /** A code is good once, before it expires, for the redirect URI and verifier it was made for. */
  function redeemCode(code: string, codeVerifier: string, redirectUri: string): PendingCode | undefined {
    const pending = codes.get(code);
    codes.delete(code);
    if (!pending || pending.expiresAt < now().getTime() || pending.redirectUri !== redirectUri) return undefined;
    const challenge = createHash('sha256').update(codeVerifier).digest('base64url');
    return challenge === pending.codeChallenge ? pending : undefined;
  }

  return {
    issuer: LOCAL_ISSUER,
    clientId: LOCAL_CLIENT_ID,
    jwks,
    keySet: createLocalJWKSet(jwks),
    issueIdToken,
    createCode,
    redeemCode,
  };
}
export type LocalIssuer = Awaited<ReturnType<typeof createLocalIssuer>>;
