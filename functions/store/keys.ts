import type { Membership } from '../domain/membership.js';

/** Every key of the table is built here; repositories never concatenate key strings themselves. */
export const keys = {
  orgAreas: () => ({ PK: 'ORG' }),
  area: (areaId: string) => ({ PK: 'ORG', SK: `AREA#${areaId}` }),
  areaPrefix: () => 'AREA#',

  unit: (unitId: string) => ({ PK: `UNIT#${unitId}`, SK: 'UNIT' }),
  unitInArea: (areaId: string, unitId: string) => ({ GSI1PK: `AREA#${areaId}`, GSI1SK: `UNIT#${unitId}` }),
  unitsOfArea: (areaId: string) => ({ GSI1PK: `AREA#${areaId}`, GSI1SKPrefix: 'UNIT#' }),

  person: (personId: string) => ({ PK: `USER#${personId}`, SK: 'PROFILE' }),
  personPartition: (personId: string) => ({ PK: `USER#${personId}` }),
  personEmail: (email: string) => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: 'EMAIL' }),
  membership: (m: Membership) => {
    const scope = membershipScope(m);
    return {
      PK: `USER#${m.personId}`,
      SK: `MEMBER#${scope}#${m.role}`,
      GSI1PK: scope,
      GSI1SK: `MEMBER#${m.personId}#${m.role}`,
    };
  },
  membershipPrefix: () => 'MEMBER#',
  membersOf: (scope: { unitId: string } | { areaId: string }) => ({
    GSI1PK: 'unitId' in scope ? `UNIT#${scope.unitId}` : `AREA#${scope.areaId}`,
    GSI1SKPrefix: 'MEMBER#',
  }),

  catalogue: () => ({ PK: 'CATALOGUE' }),
  measureDefinition: (key: string, definitionVersion: number) => ({
    PK: 'CATALOGUE',
    SK: `MEASURE#${key}#V#${String(definitionVersion).padStart(4, '0')}`,
  }),
  measurePrefix: () => 'MEASURE#',

  // PDSA: aims, change ideas and cycles live in the unit's partition; a cycle's reviews and
  // pending workflow waits in the cycle's own partition.
  aim: (unitId: string, aimId: string) => ({ PK: `UNIT#${unitId}`, SK: `AIM#${aimId}` }),
  aimPrefix: () => 'AIM#',
  changeIdea: (unitId: string, ideaId: string) => ({ PK: `UNIT#${unitId}`, SK: `IDEA#${ideaId}` }),
  changeIdeaPrefix: () => 'IDEA#',
  cycle: (unitId: string, cycleId: string) => ({ PK: `UNIT#${unitId}`, SK: `CYCLE#${cycleId}` }),
  cyclePrefix: () => 'CYCLE#',
  unitPartition: (unitId: string) => ({ PK: `UNIT#${unitId}` }),
  /** The coach's confirmed progress score of a unit. */
  progress: (unitId: string) => ({ PK: `UNIT#${unitId}`, SK: 'PROGRESS' }),
  review: (cycleId: string, reviewId: string) => ({ PK: `CYCLE#${cycleId}`, SK: `REVIEW#${reviewId}` }),
  reviewPrefix: () => 'REVIEW#',
  /** Sparse GSI2 entry of a review on its coach's agenda, ordered by start time. */
  coachAgenda: (coachId: string, startsAt: string, reviewId: string) => ({
    GSI2PK: `COACH#${coachId}`,
    GSI2SK: `${startsAt}#${reviewId}`,
  }),
  coachAgendaPartition: (coachId: string) => ({ GSI2PK: `COACH#${coachId}` }),
  workflowWait: (cycleId: string, waitName: string) => ({ PK: `CYCLE#${cycleId}`, SK: `WAIT#${waitName}` }),
  cyclePartition: (cycleId: string) => ({ PK: `CYCLE#${cycleId}` }),

  // Measurements: a unit's tracked measures in its partition; each series (unit × measure) in
  // its own partition, sorted by period, with its snapshots and chart phases beside it.
  unitMeasure: (unitId: string, measureKey: string) => ({ PK: `UNIT#${unitId}`, SK: `MEASURE#${measureKey}` }),
  unitMeasurePrefix: () => 'MEASURE#',
  measurement: (unitId: string, measureKey: string, period: string) => ({
    PK: `SERIES#${unitId}#${measureKey}`,
    SK: `P#${period}`,
  }),
  measurementPrefix: () => 'P#',
  snapshot: (unitId: string, measureKey: string, period: string) => ({
    PK: `SERIES#${unitId}#${measureKey}`,
    SK: `SNAP#${period}`,
  }),
  snapshotPrefix: () => 'SNAP#',
  chartPhase: (unitId: string, measureKey: string, startPeriod: string) => ({
    PK: `SERIES#${unitId}#${measureKey}`,
    SK: `PHASE#${startPeriod}`,
  }),
  chartPhasePrefix: () => 'PHASE#',
  seriesPartition: (unitId: string, measureKey: string) => ({ PK: `SERIES#${unitId}#${measureKey}` }),
  /** The leadership view: one small precomputed item per unit, one Query per area. */
  areaStatus: (areaId: string, unitId: string) => ({ PK: `AREA#${areaId}`, SK: `STATUS#${unitId}` }),
  areaStatusPrefix: () => 'STATUS#',
  measurementRound: (frequency: string, period: string) => ({ PK: `ROUND#${frequency}#${period}`, SK: 'ROUND' }),
  measurementRoundUnit: (frequency: string, period: string, unitId: string) => ({
    PK: `ROUND#${frequency}#${period}`,
    SK: `UNIT#${unitId}`,
  }),
  measurementRoundPartition: (frequency: string, period: string) => ({ PK: `ROUND#${frequency}#${period}` }),

  // Audit trail per unit, newest last; and the local outbox of notifications.
  auditEntry: (unitId: string, at: string, entryId: string) => ({ PK: `AUDIT#${unitId}`, SK: `${at}#${entryId}` }),
  auditPartition: (unitId: string) => ({ PK: `AUDIT#${unitId}` }),
  outboxMessage: (at: string, messageId: string) => ({ PK: 'OUTBOX', SK: `${at}#${messageId}` }),
  outboxPartition: () => ({ PK: 'OUTBOX' }),

  seedMarker: () => ({ PK: 'META', SK: 'SEED' }),
} as const;

function membershipScope(m: Membership): string {
  switch (m.role) {
    case 'admin':
      return 'ORG';
    case 'leader':
      return `AREA#${m.areaId}`;
    case 'coach':
    case 'supervisor':
      return `UNIT#${m.unitId}`;
  }
}
