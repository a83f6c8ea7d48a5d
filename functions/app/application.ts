import type { WorkflowAnswerer, WorkflowStarter } from '../../workflows/engine/workflow-engine.js';
import type { CycleMail } from '../notify/cycle-mail.js';
import type { AreaRepository } from '../store/area-repository.js';
import type { AuditRepository } from '../store/audit-repository.js';
import type { CycleRepository } from '../store/cycle-repository.js';
import type { DriverRepository } from '../store/driver-repository.js';
import type { MeasureCatalogueRepository } from '../store/measure-catalogue-repository.js';
import type { MeasurementRepository } from '../store/measurement-repository.js';
import type { MemberDirectory } from '../store/member-directory.js';
import type { PeopleRepository } from '../store/people-repository.js';
import type { RoundRepository } from '../store/round-repository.js';
import type { UnitRepository } from '../store/unit-repository.js';
import { unitAccess } from './access.js';
import { createDerivedItems } from './derived-items.js';
import { areaOverview } from './leadership/area-overview.js';
import { confirmProgress } from './leadership/confirm-progress.js';
import { exportCsv } from './measurements/export-csv.js';
import { importCsv } from './measurements/import-csv.js';
import { runRound } from './measurements/run-round.js';
import { seriesQueries } from './measurements/series-view.js';
import { submitEntry } from './measurements/submit-entry.js';
import { trackedMeasure } from './measurements/tracked-measure.js';
import { unitMeasures } from './measurements/unit-measures.js';
import { writeFigure } from './measurements/write-figure.js';
import { administration } from './organisation/admin.js';
import { areas } from './organisation/areas.js';
import { auditTrail } from './organisation/audit-trail.js';
import { catalogue } from './organisation/catalogue.js';
import { catalogueAdministration } from './organisation/catalogue-admin.js';
import { moveToCatalogueVersion } from './measurements/catalogue-move.js';
import { describeMe } from './organisation/me.js';
import { unitPeople } from './organisation/unit-people.js';
import { units } from './organisation/units.js';
import { agenda } from './pdsa/agenda.js';
import { aims } from './pdsa/aims.js';
import { changeIdeas } from './pdsa/change-ideas.js';
import { driverDiagrams } from './pdsa/driver-diagrams.js';
import { cycleAccess, cycles } from './pdsa/cycles.js';
import { studyData } from './pdsa/study-data.js';
import { areaBriefing, markBriefingPresented } from './leadership/area-briefing.js';
import { deliverDecision } from './pdsa/deliver-decision.js';
import { editCycle } from './pdsa/edit-cycle.js';
import { goodPractices } from './pdsa/good-practices.js';
import { recordOutcome } from './pdsa/record-outcome.js';
import { reviewAccess, reviews } from './pdsa/reviews.js';
import { transitionCycle } from './pdsa/transition-cycle.js';
import type { IdentityDirectory } from './people/identity-directory.js';
import { signedInPeople } from './people/signed-in-people.js';
import { changeMySettings, runDigest } from './people/weekly-digest.js';
import { withAppErrors } from './store-errors.js';
import type { BusinessMetrics } from '../metrics/business-metrics.js';

/** What the API's use cases need: the repositories, the workflows both ways, and the cycles' e-mail. */
export type ApplicationDeps = {
  areas: AreaRepository;
  units: UnitRepository;
  people: PeopleRepository;
  catalogue: MeasureCatalogueRepository;
  cycles: CycleRepository;
  drivers: DriverRepository;
  members: MemberDirectory;
  audit: AuditRepository;
  measurements: MeasurementRepository;
  rounds: RoundRepository;
  workflows: WorkflowStarter & WorkflowAnswerer;
  /** Review invitations (.ics), moves and cancellations, through the runtime's Notifier. */
  cycleMail: CycleMail;
  /** Can the store be reached? For the health check. */
  checkStore: () => Promise<void>;
  metrics: BusinessMetrics;
  /** People's sign-ins: Cognito in AWS, nothing to do locally. */
  identities: IdentityDirectory;
};

/**
 * Every use case the API offers, over the runtime's adapters. Each is one function taking the
 * caller and the input; routes parse, call one and map its result. Failures are application errors
 * (errors.ts), the store's included.
 */
export function createApplication(deps: ApplicationDeps) {
  const derived = createDerivedItems(deps);
  const unitFor = unitAccess(deps.units);
  const cycleFor = cycleAccess({ unitFor, cycles: deps.cycles });
  const reviewFor = reviewAccess({ cycleFor, cycles: deps.cycles });
  const tracked = trackedMeasure(deps.measurements);
  const study = studyData(deps);
  const measurementDeps = { unitFor, trackedMeasure: tracked, measurements: deps.measurements, metrics: deps.metrics };
  const signedIn = signedInPeople(deps.people);

  return withAppErrors({
    health: { checkStore: deps.checkStore },
    people: { signedIn: (email: string) => signedIn(email), me: describeMe, changeSettings: changeMySettings({ people: deps.people, signedIn }) },
    admin: administration({ ...deps, signedIn }),
    areas: areas(deps),
    units: { ...units({ unitFor }), people: unitPeople({ unitFor, members: deps.members }) },
    catalogue: {
      list: catalogue(deps),
      admin: catalogueAdministration(deps),
      move: moveToCatalogueVersion({ unitFor, trackedMeasure: tracked, measurements: deps.measurements, catalogue: deps.catalogue }),
    },
    audit: { trail: auditTrail({ unitFor, audit: deps.audit }) },
    aims: aims({ unitFor, cycles: deps.cycles, measurements: deps.measurements }),
    changeIdeas: changeIdeas({ unitFor, cycles: deps.cycles, drivers: deps.drivers }),
    driverDiagrams: driverDiagrams({ unitFor, cycles: deps.cycles, drivers: deps.drivers, studyData: study }),
    cycles: {
      ...cycles({ unitFor, cycles: deps.cycles, studyData: study }),
      edit: editCycle({ cycleFor, cycles: deps.cycles, studyData: study }),
      transition: transitionCycle({ cycleFor, cycles: deps.cycles, workflows: deps.workflows, metrics: deps.metrics, studyData: study }),
    },
    reviews: {
      ...reviews({ cycleFor, cycles: deps.cycles, members: deps.members, cycleMail: deps.cycleMail, metrics: deps.metrics }),
      recordOutcome: recordOutcome({ reviewFor, cycles: deps.cycles, deliverDecision: deliverDecision(deps), metrics: deps.metrics, studyData: study }),
    },
    practices: goodPractices({ unitFor, areas: deps.areas, units: deps.units, cycles: deps.cycles, measurements: deps.measurements }),
    agenda: { ofCaller: agenda(deps) },
    measures: unitMeasures({ ...measurementDeps, catalogue: deps.catalogue, cycles: deps.cycles }),
    figures: {
      ...seriesQueries(measurementDeps),
      write: writeFigure(measurementDeps),
      submitEntry: submitEntry(measurementDeps),
      importCsv: importCsv(measurementDeps),
      exportCsv: exportCsv(measurementDeps),
    },
    leadership: { ...areaOverview(deps), briefing: areaBriefing(deps), markBriefingPresented: markBriefingPresented(deps), confirmProgress: confirmProgress({ unitFor, cycles: deps.cycles, measurements: deps.measurements, derived }) },
    rounds: { run: runRound(deps) },
    digests: { run: runDigest(deps) },
  });
}
export type Application = ReturnType<typeof createApplication>;
