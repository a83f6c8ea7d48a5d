import type { WorkflowAnswerer } from '../../../workflows/engine/workflow-engine.js';
import type { CycleMail } from '../../notify/cycle-mail.js';
import type { RoundMail } from '../../notify/round-mail.js';
import type { AreaRepository } from '../../store/area-repository.js';
import type { CycleRepository } from '../../store/cycle-repository.js';
import type { MeasurementRepository } from '../../store/measurement-repository.js';
import type { MemberDirectory } from '../../store/member-directory.js';
import type { RoundRepository } from '../../store/round-repository.js';
import type { UnitRepository } from '../../store/unit-repository.js';
import type { BusinessMetrics } from '../../metrics/business-metrics.js';
import { createDerivedItems } from '../derived-items.js';
import { deliverDecision } from '../pdsa/deliver-decision.js';
import { createUnitChanged } from '../unit-changed.js';
import { cycleSteps } from './cycle-steps.js';
import { roundSteps } from './round-steps.js';

/** What the workflows' steps need: the repositories, the workflows' e-mails, and answering waits (never starting). */
export type WorkflowStepDeps = {
  areas: AreaRepository;
  units: UnitRepository;
  cycles: CycleRepository;
  measurements: MeasurementRepository;
  members: MemberDirectory;
  rounds: RoundRepository;
  cycleMail: CycleMail;
  roundMail: RoundMail;
  workflows: WorkflowAnswerer;
  log: (message: string, detail?: unknown) => void;
  metrics: BusinessMetrics;
  now?: () => Date;
};

/** The steps of both state machines, built on the same use cases as the API (deliverDecision, unitChanged). */
export function createWorkflowSteps(deps: WorkflowStepDeps) {
  const derived = createDerivedItems(deps);
  const unitChanged = createUnitChanged({ units: deps.units, derived, log: deps.log, now: deps.now });
  return {
    cycle: cycleSteps({ ...deps, deliverDecision: deliverDecision(deps), unitChanged }),
    round: roundSteps({ ...deps, derived }),
  };
}
export type WorkflowSteps = ReturnType<typeof createWorkflowSteps>;
