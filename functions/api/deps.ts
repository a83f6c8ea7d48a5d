import type { AreaRepository } from '../store/area-repository.js';
import type { MeasureCatalogueRepository } from '../store/measure-catalogue-repository.js';
import type { PeopleRepository } from '../store/people-repository.js';
import type { UnitRepository } from '../store/unit-repository.js';
import type { LocalIssuer } from './auth/local-issuer.js';
import type { TokenVerifier } from './auth/token-verifier.js';

/** Where the web app sends people to sign in: Cognito's hosted UI in AWS, the local issuer locally. */
export type AuthConfig = { authorizeUrl: string; tokenUrl: string; clientId: string; logoutUrl: string | null };

export type ApiDeps = {
  areas: AreaRepository;
  units: UnitRepository;
  people: PeopleRepository;
  catalogue: MeasureCatalogueRepository;
  verifyToken: TokenVerifier;
  authConfig: AuthConfig;
  checkStore: () => Promise<void>;
  log: (message: string, detail?: unknown) => void;
  /** Mounted by the local runtime only: the demo sign-in page and token endpoint. */
  localIssuer?: LocalIssuer;
};
