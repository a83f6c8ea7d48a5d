import { Logger } from '@aws-lambda-powertools/logger';
import { createRemoteJWKSet } from 'jose';
import { createTokenVerifier } from '../api/auth/token-verifier.js';
import { createApp } from '../api/app.js';
import { createWorkflowTasks } from '../tasks/index.js';
import { createTaskDispatcher } from '../tasks/workflow-task.js';
import { createDb } from '../store/document-client.js';
import { storeDeps } from './api-deps.js';
import { ENV, requireEnv } from './env.js';

/** Wiring for AWS: the real table, Cognito's JWKS and hosted UI. */
export function createAwsRuntime(env: NodeJS.ProcessEnv) {
  const logger = new Logger({ serviceName: 'sykli' });
  const issuer = requireEnv(ENV.authIssuer, env);
  const clientId = requireEnv(ENV.authClientId, env);
  const domainUrl = requireEnv(ENV.authDomainUrl, env).replace(/\/$/, '');
  const db = createDb(requireEnv(ENV.tableName, env));
  const app = createApp({
    ...storeDeps(db),
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
export function createAwsTaskRuntime(_env: NodeJS.ProcessEnv) {
  return { dispatch: createTaskDispatcher(createWorkflowTasks({})) };
}
