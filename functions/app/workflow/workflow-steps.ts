import type { WorkflowAnswerer } from '../../../workflows/engine/workflow-engine.js';
import type { CycleMail } from '../../notify/cycle-mail.js';
import type { DigestMail } from '../../notify/digest-mail.js';
import type { RoundMail } from '../../notify/round-mail.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { DigestRepository } from '../../store/digest-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { MemberDirectory } from '../../store/member-directory.js';
import type { PeopleRepository } from '../../store/people-repository.js';
import type { RoundRepository } from '../../store/round-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { createDerivedItems } from '../derived-items.js';
import { deliverDecision } from '../pdsa/deliver-decision.js';
import { cycleSteps } from './cycle-steps.js';
import { digestSteps } from './digest-steps.js';
import { roundSteps } from './round-steps.js';

/** What the workflows' steps need: the repositories, the workflows' e-mails, and answering waits (never starting). */
export type WorkflowStepDeps = {
  areas: AreaRepository;
  units: UnitRepository;
  cycles: CycleRepository;
  measurements: MeasurementRepository;
  members: MemberDirectory;
  rounds: RoundRepository;
  people: PeopleRepository;
  digests: DigestRepository;
  cycleMail: CycleMail;
  roundMail: RoundMail;
  digestMail: DigestMail;
  workflows: WorkflowAnswerer;
  metrics: BusinessMetrics;
  now?: () => Date;
};

/** The steps of the state machines, built on the same use cases as the API (deliverDecision). */
export function createWorkflowSteps(deps: WorkflowStepDeps) {
  const derived = createDerivedItems(deps);
  return {
    cycle: cycleSteps({ ...deps, deliverDecision: deliverDecision(deps) }),
    round: roundSteps({ ...deps, derived }),
    digest: digestSteps(deps),
  };
}
export type WorkflowSteps = ReturnType<typeof createWorkflowSteps>;
