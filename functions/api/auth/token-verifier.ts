import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

export type VerifiedIdentity = { subject: string; email: string };
export type TokenVerifier = (token: string) => Promise<VerifiedIdentity>;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * The one verifier, in AWS and locally alike; only the key set differs (Cognito's JWKS
 * or the local issuer's). Only RS256 is accepted, which also shuts out `alg: none`.
 */
export function createTokenVerifier(options: {
  keySet: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  clockToleranceSeconds?: number;
}): TokenVerifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, options.keySet, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        clockTolerance: options.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      // Cognito's access tokens carry no e-mail; the API takes ID tokens only.
      if (payload.token_use !== undefined && payload.token_use !== 'id') {
        throw new InvalidTokenError('Only ID tokens are accepted.');
      }
      if (typeof payload.email !== 'string' || !payload.sub) throw new InvalidTokenError('The token names no e-mail.');
      return { subject: payload.sub, email: payload.email };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(describe(error));
      throw error;
    }
  };
}

function describe(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired; sign in again.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted.`;
  return 'The token is not valid.';
}
