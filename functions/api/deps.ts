import type { CycleMail } from '../notify/cycle-mail.js';
import type { OutboxReader } from '../notify/outbox-notifier.js';
import type { WorkflowEngine } from '../../workflows/engine/workflow-engine.js';
import type { AreaRepository } from '../store/area-repository.js';
import type { AuditRepository } from '../store/audit-repository.js';
import type { CycleRepository } from '../store/cycle-repository.js';
import type { MemberDirectory } from '../store/member-directory.js';
import type { MeasureCatalogueRepository } from '../store/measure-catalogue-repository.js';
import type { MeasurementRepository } from '../store/measurement-repository.js';
import type { RoundRepository } from '../store/round-repository.js';
import type { SeriesRefresh } from '../store/series-refresh.js';
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
  /** PDSA: aims, change ideas, cycles, reviews and workflow waits. */
  cycles: CycleRepository;
  members: MemberDirectory;
  audit: AuditRepository;
  workflows: WorkflowEngine;
  /** Review invitations (.ics), updates and cancellations, through the runtime's Notifier. */
  cycleMail: CycleMail;
  /** The local outbox of sent messages; its routes exist only when this does. */
  outbox?: OutboxReader;
  /** Measurements: tracked measures, figures, phases, snapshots and the area status items. */
  measurements: MeasurementRepository;
  seriesRefresh: SeriesRefresh;
  rounds: RoundRepository;
};
