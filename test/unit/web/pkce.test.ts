import { describe, expect, it } from 'vitest';
import { challengeFor, createVerifier, randomString } from '../../../web/src/auth/pkce.js';

describe('PKCE (web sign-in)', () => {
  it('computes the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes unpadded base64url verifiers of 43 characters, different each time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => createVerifier()));
    expect(verifiers.size).toBe(50);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomString(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
