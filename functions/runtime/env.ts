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
  /** Alias ARNs the API starts executions through, so a new version can take over running work. */
  pdsaCycleMachineArn: 'SYKLI_PDSA_CYCLE_MACHINE_ARN',
  measurementRoundMachineArn: 'SYKLI_MEASUREMENT_ROUND_MACHINE_ARN',
  /** The verified SES sender of invitations, reminders and escalations. */
  mailFrom: 'SYKLI_MAIL_FROM',
  /** The web app's address, for links in e-mails. */
  webUrl: 'SYKLI_WEB_URL',
} as const;
export type EnvName = (typeof ENV)[keyof typeof ENV];

export function requireEnv(name: EnvName, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}
