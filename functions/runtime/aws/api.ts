import { Logger } from '@aws-lambda-powertools/logger';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createRemoteJWKSet } from 'jose';
import { createTokenVerifier } from '../../api/auth/token-verifier.js';
import { createApp } from '../../api/app.js';
import { createCycleMail } from '../../notify/cycle-mail.js';
import { createSesNotifier } from '../../notify/ses-notifier.js';
import { createDb } from '../../store/document-client.js';
import { createSfnAnswerer, createSfnStarter } from '../../../workflows/engine/sfn-engine.js';
import { storeDeps } from '../api-deps.js';
import { readSettings } from '../env.js';

/**
 * Composition root of the API Lambda: the table, Cognito's JWKS and hosted UI, SES for review
 * invitations, and Step Functions both ways — it starts executions (through the machines' `live`
 * aliases) and answers a cycle's decision wait.
 */
export function createApiFunction(env: NodeJS.ProcessEnv) {
  const settings = readSettings('api', env);
  const logger = new Logger({ serviceName: 'sykli' });
  const store = storeDeps(createDb(settings.tableName));
  const sfn = new SFNClient({});
  const domainUrl = settings.authDomainUrl.replace(/\/$/, '');
  const app = createApp({
    ...store,
    workflows: {
      ...createSfnStarter(sfn, { pdsaCycle: settings.pdsaCycleMachineArn, measurementRound: settings.measurementRoundMachineArn }),
      ...createSfnAnswerer(sfn),
    },
    cycleMail: createCycleMail({
      notifier: createSesNotifier(new SESv2Client({}), settings.mailFrom),
      directory: store.members,
      units: store.units,
      webUrl: settings.webUrl,
    }),
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
    log: (message, detail) => logger.error(message, { detail: detail instanceof Error ? detail : String(detail) }),
  });
  return { app };
}
