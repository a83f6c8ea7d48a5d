import { Logger } from '@aws-lambda-powertools/logger';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createRemoteJWKSet } from 'jose';
import { createTokenVerifier } from '../../api/auth/token-verifier.js';
import { createApp } from '../../api/app.js';
import { createApplication } from '../../app/application.js';
import { countingSent } from '../../metrics/business-metrics.js';
import { createEmfMetrics } from '../../metrics/emf-metrics.js';
import { createCognitoDirectory } from '../../identity/cognito-directory.js';
import { createCycleMail } from '../../notify/cycle-mail.js';
import { createSesNotifier } from '../../notify/ses-notifier.js';
import { createDb } from '../../store/document-client.js';
import { createSfnAnswerer, createSfnStarter } from '../../../workflows/engine/sfn-engine.js';
import { readSettings } from '../env.js';
import { createRepositories } from '../repositories.js';

/**
 * Composition root of the API Lambda: the table, Cognito's JWKS and hosted UI (and its user pool,
 * where admins create and disable people's sign-ins), SES for review
 * invitations, and Step Functions both ways — it starts executions (through the machines' `live`
 * aliases) and answers a cycle's decision wait. Business metrics are flushed after each request.
 */
export function createApiFunction(env: NodeJS.ProcessEnv) {
  const settings = readSettings('api', env);
  const logger = new Logger({ serviceName: 'sykli' });
  const log = (message: string, detail?: unknown) => logger.error(message, { detail: detail instanceof Error ? detail : String(detail) });
  const metrics = createEmfMetrics();
  const repositories = createRepositories(createDb(settings.tableName));
  const sfn = new SFNClient({});
  const app = createApplication({
    ...repositories,
    workflows: {
      ...createSfnStarter(sfn, {
        pdsaCycle: settings.pdsaCycleMachineArn,
        measurementRound: settings.measurementRoundMachineArn,
        weeklyDigest: settings.weeklyDigestMachineArn,
      }),
      ...createSfnAnswerer(sfn),
    },
    cycleMail: createCycleMail({
      notifier: countingSent(createSesNotifier(new SESv2Client({}), settings.mailFrom, settings.mailConfigurationSet), metrics),
      directory: repositories.members,
      units: repositories.units,
      webUrl: settings.webUrl,
    }),
    metrics,
    identities: createCognitoDirectory(new CognitoIdentityProviderClient({}), settings.userPoolId),
  });
  const domainUrl = settings.authDomainUrl.replace(/\/$/, '');
  return {
    app: createApp({
      app,
      verifyToken: createTokenVerifier({
        keySet: createRemoteJWKSet(new URL(`${settings.authIssuer}/.well-known/jwks.json`)),
        issuer: settings.authIssuer,
        audience: settings.authClientId,
      }),
      authConfig: {
        authorizeUrl: `${domainUrl}/oauth2/authorize`,
        tokenUrl: `${domainUrl}/oauth2/token`,
        clientId: settings.authClientId,
        logoutUrl: `${domainUrl}/logout`,
      },
      log,
      originVerifySecret: settings.originVerifySecret,
    }),
    metrics,
  };
}
