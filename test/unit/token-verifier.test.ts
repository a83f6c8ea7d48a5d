import { SignJWT, UnsecuredJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER, createLocalIssuer, generateIssuerKeys } from '../../functions/api/auth/local-issuer.js';
import { InvalidTokenError, createTokenVerifier, type TokenVerifier } from '../../functions/api/auth/token-verifier.js';

const person = { id: 'aino', email: 'aino@sykli.example', name: 'Aino' };

describe('token verifier', () => {
  let issuer: Awaited<ReturnType<typeof createLocalIssuer>>;
  let verify: TokenVerifier;
  beforeAll(async () => {
    issuer = await createLocalIssuer(await generateIssuerKeys());
    verify = createTokenVerifier({ keySet: issuer.keySet, issuer: LOCAL_ISSUER, audience: LOCAL_CLIENT_ID });
  });

  async function signed(claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: number; key?: CryptoKey; kid?: string } = {}) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ email: person.email, token_use: 'id', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? issuer.jwks.keys[0]?.kid })
      .setIssuer(options.iss ?? LOCAL_ISSUER)
      .setAudience(options.aud ?? LOCAL_CLIENT_ID)
      .setSubject(person.id)
      .setIssuedAt(now - 60)
      .setExpirationTime(options.exp ?? now + 600)
      .sign(options.key ?? (await stolenKey()));
  }
  // A key pair of the attacker's own: same kid, different key.
  let attackerKey: CryptoKey | undefined;
  async function stolenKey() {
    attackerKey ??= (await generateKeyPair('RS256')).privateKey;
    return attackerKey;
  }

  it('accepts an ID token from the issuer and names the person by e-mail', async () => {
    const { token } = await issuer.issueIdToken(person);
    await expect(verify(token)).resolves.toEqual({ subject: 'aino', email: person.email });
  });

  it('rejects a token signed with another key', async () => {
    await expect(verify(await signed({}))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const token = new UnsecuredJWT({ email: person.email, token_use: 'id' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_CLIENT_ID)
      .setSubject(person.id)
      .setIssuedAt()
      .setExpirationTime('10m')
      .encode();
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('rejects an expired token, a wrong issuer and a wrong audience', async () => {
    const keys = await generateIssuerKeys();
    const own = await createLocalIssuer(keys);
    const ownVerify = createTokenVerifier({ keySet: own.keySet, issuer: LOCAL_ISSUER, audience: LOCAL_CLIENT_ID });
    const { importJWK } = await import('jose');
    const key = (await importJWK(keys.privateJwk, 'RS256')) as CryptoKey;
    const now = Math.floor(Date.now() / 1000);
    const kid = keys.publicJwk.kid;
    await expect(ownVerify(await signed({}, { key, kid }))).resolves.toMatchObject({ email: person.email });
    await expect(ownVerify(await signed({}, { key, kid, exp: now - 120 }))).rejects.toThrow(/expired/);
    await expect(ownVerify(await signed({}, { key, kid, iss: 'https://evil.example' }))).rejects.toThrow(/iss/);
    await expect(ownVerify(await signed({}, { key, kid, aud: 'other-client' }))).rejects.toThrow(/aud/);
  });

  it('rejects access tokens and tokens without an e-mail', async () => {
    const keys = await generateIssuerKeys();
    const own = await createLocalIssuer(keys);
    const ownVerify = createTokenVerifier({ keySet: own.keySet, issuer: LOCAL_ISSUER, audience: LOCAL_CLIENT_ID });
    const { importJWK } = await import('jose');
    const key = (await importJWK(keys.privateJwk, 'RS256')) as CryptoKey;
    const kid = keys.publicJwk.kid;
    await expect(ownVerify(await signed({ token_use: 'access' }, { key, kid }))).rejects.toThrow(/ID tokens/);
    await expect(ownVerify(await signed({ email: undefined }, { key, kid }))).rejects.toThrow(/e-mail/);
  });

  it('rejects a token with an HMAC algorithm even when keyed with the public key', async () => {
    const publicJwk = issuer.jwks.keys[0]!;
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ email: person.email })
      .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_CLIENT_ID)
      .setSubject(person.id)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(secret);
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('verifies against any JWKS, as it does against Cognito in AWS', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'cognito-like', alg: 'RS256' };
    const cognitoVerify = createTokenVerifier({
      keySet: createLocalJWKSet({ keys: [jwk] }),
      issuer: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_demo',
      audience: 'web-client',
    });
    const token = await signed(
      {},
      { key: privateKey, kid: 'cognito-like', iss: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_demo', aud: 'web-client' },
    );
    await expect(cognitoVerify(token)).resolves.toEqual({ subject: 'aino', email: person.email });
  });
});
