import { Logger } from '@aws-lambda-powertools/logger';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createRemoteJWKSet } from 'jose';
import { createTokenVerifier } from '../api/auth/token-verifier.js';
import { createApp } from '../api/app.js';
import { createCycleMail } from '../notify/cycle-mail.js';
import { createRoundMail } from '../notify/round-mail.js';
import { createSesNotifier } from '../notify/ses-notifier.js';
import { createDb } from '../store/document-client.js';
import { createWorkflowTasks } from '../tasks/index.js';
import { createTaskDispatcher } from '../tasks/workflow-task.js';
import { createSfnEngine } from '../../workflows/engine/sfn-engine.js';
import { storeDeps } from './api-deps.js';
import { ENV, requireEnv } from './env.js';

/** What both Lambdas share: the table, SES mail and Step Functions (through the machines' aliases). */
function awsCommon(env: NodeJS.ProcessEnv) {
  const db = createDb(requireEnv(ENV.tableName, env));
  const store = storeDeps(db);
  const notifier = createSesNotifier(new SESv2Client({}), requireEnv(ENV.mailFrom, env));
  const webUrl = requireEnv(ENV.webUrl, env);
  const cycleMail = createCycleMail({ notifier, directory: store.members, units: store.units, webUrl });
  const roundMail = createRoundMail({ notifier, webUrl });
  const workflows = createSfnEngine(new SFNClient({}), {
    pdsaCycle: requireEnv(ENV.pdsaCycleMachineArn, env),
    measurementRound: requireEnv(ENV.measurementRoundMachineArn, env),
  });
  return { store, cycleMail, roundMail, workflows };
}

/** Wiring of the API Lambda: the real table, Cognito's JWKS and hosted UI, SES, Step Functions. */
export function createAwsRuntime(env: NodeJS.ProcessEnv) {
  const logger = new Logger({ serviceName: 'sykli' });
  const issuer = requireEnv(ENV.authIssuer, env);
  const clientId = requireEnv(ENV.authClientId, env);
  const domainUrl = requireEnv(ENV.authDomainUrl, env).replace(/\/$/, '');
  const { store, cycleMail, workflows } = awsCommon(env);
  const app = createApp({
    ...store,
    workflows,
    cycleMail,
    verifyToken: createTokenVerifier({
      keySet: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)),
      issuer,
      audience: clientId,
    }),
    authConfig: {
      authorizeUrl: `${domainUrl}/oauth2/authorize`,
      tokenUrl: `${domainUrl}/oauth2/token`,
      clientId,
      logoutUrl: `${domainUrl}/logout`,
    },
    log: (message, detail) => logger.error(message, { detail: detail instanceof Error ? detail : String(detail) }),
  });
  return { app };
}

/** Wiring of the tasks Lambda: the same task code the local engine runs. */
export function createAwsTaskRuntime(env: NodeJS.ProcessEnv) {
  const { store, cycleMail, roundMail, workflows } = awsCommon(env);
  return { dispatch: createTaskDispatcher(createWorkflowTasks({ ...store, cycleMail, roundMail, workflows })) };
}
