/**
 * Environment variable names shared by the Lambda handlers and the CDK constructs that set them.
 */
export const ENV = {
  tableName: 'SYKLI_TABLE_NAME',
  /** Expected `iss` of tokens, e.g. https://cognito-idp.eu-north-1.amazonaws.com/<pool id>. */
  authIssuer: 'SYKLI_AUTH_ISSUER',
  /** The web app client's id: the expected `aud` of ID tokens. */
  authClientId: 'SYKLI_AUTH_CLIENT_ID',
  /** Base URL of the OAuth 2.0 endpoints (/oauth2/authorize, /oauth2/token) the web app signs in with. */
  authDomainUrl: 'SYKLI_AUTH_DOMAIN_URL',
} as const;
export type EnvName = (typeof ENV)[keyof typeof ENV];

export function requireEnv(name: EnvName, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}
