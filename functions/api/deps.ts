import type { Application } from '../app/application.js';
import type { Outbox } from '../app/outbox.js';
import type { LocalSignIn } from '../app/people/local-sign-in.js';
import type { LocalIssuer } from './auth/local-issuer.js';
import type { TokenVerifier } from './auth/token-verifier.js';

/** Where the web app sends people to sign in: Cognito's hosted UI in AWS, the local issuer locally. */
export type AuthConfig = { authorizeUrl: string; tokenUrl: string; clientId: string; logoutUrl: string | null };

export type ApiDeps = {
  /** Every use case; routes parse, call one and map its result. */
  app: Application;
  verifyToken: TokenVerifier;
  authConfig: AuthConfig;
  log: (message: string, detail?: unknown) => void;
  /** Mounted by the local runtime only: the demo sign-in page and token endpoint. */
  local?: { issuer: LocalIssuer; signIn: LocalSignIn };
  /**
   * The secret CloudFront sends in the origin-verify header; requests without it are refused. Only
   * the AWS runtime has one: locally there is no CloudFront in front.
   */
  originVerifySecret?: string;
  /** The local outbox of sent messages; its routes exist only when this does. */
  outbox?: Outbox;
};
