/**
 * The settings Sykli's Lambdas read from their environment: one name per setting, and per function
 * the settings it asks for. The CDK constructs build each function's environment from the same
 * lists (`environmentFor`), so a function can never ask for a variable its template lacks.
 */
export const ENV = {
  tableName: 'SYKLI_TABLE_NAME',
  /** Expected `iss` of tokens, e.g. https://cognito-idp.eu-north-1.amazonaws.com/<pool id>. */
  authIssuer: 'SYKLI_AUTH_ISSUER',
  /** The web app client's id: the expected `aud` of ID tokens. */
  authClientId: 'SYKLI_AUTH_CLIENT_ID',
  /** Base URL of the OAuth 2.0 endpoints (/oauth2/authorize, /oauth2/token) the web app signs in with. */
  authDomainUrl: 'SYKLI_AUTH_DOMAIN_URL',
  /** Alias ARNs executions start through, so a new version can take over running work. */
  pdsaCycleMachineArn: 'SYKLI_PDSA_CYCLE_MACHINE_ARN',
  measurementRoundMachineArn: 'SYKLI_MEASUREMENT_ROUND_MACHINE_ARN',
  weeklyDigestMachineArn: 'SYKLI_WEEKLY_DIGEST_MACHINE_ARN',
  /** The verified SES sender of invitations, reminders and escalations. */
  mailFrom: 'SYKLI_MAIL_FROM',
  /** The SES configuration set every message is sent through: suppression list, bounce and complaint events. */
  mailConfigurationSet: 'SYKLI_MAIL_CONFIGURATION_SET',
  /**
   * What CloudFront sends in the origin-verify header of every API request; the API refuses
   * requests without it, so that the API cannot be reached around CloudFront and its firewall.
   */
  originVerifySecret: 'SYKLI_ORIGIN_VERIFY_SECRET',
  /** The web app's address, for links in e-mails. */
  webUrl: 'SYKLI_WEB_URL',
  /** The Cognito user pool people sign in to; its users are created for the people Sykli knows. */
  userPoolId: 'SYKLI_USER_POOL_ID',
} as const;
export type Setting = keyof typeof ENV;

/** What each Lambda asks for: exactly what its composition root in functions/runtime/aws/ reads. */
export const FUNCTION_SETTINGS = {
  api: [
    'tableName',
    'authIssuer',
    'authClientId',
    'authDomainUrl',
    'pdsaCycleMachineArn',
    'measurementRoundMachineArn',
    'weeklyDigestMachineArn',
    'mailFrom',
    'mailConfigurationSet',
    'webUrl',
    'originVerifySecret',
    'userPoolId',
  ],
  tasks: ['tableName', 'mailFrom', 'mailConfigurationSet', 'webUrl'],
  bootstrap: ['tableName', 'userPoolId'],
  projection: ['tableName'],
  mailEvents: ['tableName'],
} as const satisfies Record<string, readonly Setting[]>;
export type FunctionName = keyof typeof FUNCTION_SETTINGS;
export type SettingsOf<F extends FunctionName> = Record<(typeof FUNCTION_SETTINGS)[F][number], string>;

/** A function's settings from its environment; every missing one is named, so a bad deploy says what to fix. */
export function readSettings<F extends FunctionName>(fn: F, env: NodeJS.ProcessEnv = process.env): SettingsOf<F> {
  const wanted: readonly Setting[] = FUNCTION_SETTINGS[fn];
  const missing = wanted.filter((setting) => !env[ENV[setting]]).map((setting) => ENV[setting]);
  if (missing.length > 0) throw new Error(`The ${fn} function cannot start: environment variable(s) ${missing.join(', ')} not set.`);
  return Object.fromEntries(wanted.map((setting) => [setting, env[ENV[setting]]!])) as SettingsOf<F>;
}

/** The environment variables a construct gives a function: one value per setting it asks for, and no others. */
export function environmentFor<F extends FunctionName>(fn: F, values: SettingsOf<F>): Record<string, string> {
  const wanted: readonly Setting[] = FUNCTION_SETTINGS[fn];
  return Object.fromEntries(wanted.map((setting) => [ENV[setting], (values as Record<Setting, string>)[setting]]));
}
