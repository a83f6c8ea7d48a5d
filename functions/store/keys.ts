import type { Membership } from '../domain/membership.js';
import { INDEX, PARTITION_KEY, SORT_KEY, type Index, type ItemKey } from './table-definition.js';

/** What a Query reads: one partition of the table or of an index, or only its sort keys under `prefix`. */
export type Partition = { partition: string; prefix?: string; index?: Index };

const item = (partition: string, sort: string): ItemKey => ({ [PARTITION_KEY]: partition, [SORT_KEY]: sort });
const indexEntry = <I extends Index>(index: I, partition: string, sort: string) =>
  ({ [index.partitionKey]: partition, [index.sortKey]: sort }) as Record<I['partitionKey'] | I['sortKey'], string>;

/**
 * Every key of the table is built here: an item's key (with its index entries), or the partition
 * a list reads; repositories never concatenate key strings themselves.
 */
export const keys = {
  area: (areaId: string) => item('ORG', `AREA#${areaId}`),
  areas: (): Partition => ({ partition: 'ORG', prefix: 'AREA#' }),

  unit: (unitId: string) => item(`UNIT#${unitId}`, 'UNIT'),
  unitInArea: (areaId: string, unitId: string) => indexEntry(INDEX.directory, `AREA#${areaId}`, `UNIT#${unitId}`),
  unitsOfArea: (areaId: string): Partition => ({ index: INDEX.directory, partition: `AREA#${areaId}`, prefix: 'UNIT#' }),

  person: (personId: string) => item(`USER#${personId}`, 'PROFILE'),
  personInDirectory: (personId: string) => indexEntry(INDEX.directory, 'ORG#PEOPLE', `PERSON#${personId}`),
  people: (): Partition => ({ index: INDEX.directory, partition: 'ORG#PEOPLE' }),
  /** A person's profile and memberships. */
  personItems: (personId: string): Partition => ({ partition: `USER#${personId}` }),
  personEmail: (email: string) => item(`EMAIL#${email.toLowerCase()}`, 'EMAIL'),
  membership: (m: Membership) => {
    const scope = membershipScope(m);
    return { ...item(`USER#${m.personId}`, `MEMBER#${scope}#${m.role}`), ...indexEntry(INDEX.directory, scope, `MEMBER#${m.personId}#${m.role}`) };
  },
  membershipPrefix: () => 'MEMBER#',
  membersOf: (scope: { unitId: string } | { areaId: string }): Partition => ({
    index: INDEX.directory,
    partition: 'unitId' in scope ? `UNIT#${scope.unitId}` : `AREA#${scope.areaId}`,
    prefix: 'MEMBER#',
  }),

  measureDefinition: (key: string, definitionVersion: number) =>
    item('CATALOGUE', `MEASURE#${key}#V#${String(definitionVersion).padStart(4, '0')}`),
  measureDefinitions: (): Partition => ({ partition: 'CATALOGUE', prefix: 'MEASURE#' }),

  // PDSA: aims, change ideas and cycles live in the unit's partition; a cycle's reviews and
  // pending workflow waits in the cycle's own partition.
  aim: (unitId: string, aimId: string) => item(`UNIT#${unitId}`, `AIM#${aimId}`),
  aims: (unitId: string): Partition => ({ partition: `UNIT#${unitId}`, prefix: 'AIM#' }),
  /** A driver of an aim's driver diagram; an aim's drivers are one Query. */
  driver: (unitId: string, aimId: string, driverId: string) => item(`UNIT#${unitId}`, `DRIVER#${aimId}#${driverId}`),
  drivers: (unitId: string, aimId: string): Partition => ({ partition: `UNIT#${unitId}`, prefix: `DRIVER#${aimId}#` }),
  changeIdea: (unitId: string, ideaId: string) => item(`UNIT#${unitId}`, `IDEA#${ideaId}`),
  changeIdeas: (unitId: string): Partition => ({ partition: `UNIT#${unitId}`, prefix: 'IDEA#' }),
  cycle: (unitId: string, cycleId: string) => item(`UNIT#${unitId}`, `CYCLE#${cycleId}`),
  cycles: (unitId: string): Partition => ({ partition: `UNIT#${unitId}`, prefix: 'CYCLE#' }),
  /** A cycle started from a good practice, listed under the practice's area (one Query for all of them). */
  cycleFromPractice: (areaId: string, practiceCycleId: string, unitId: string, cycleId: string) =>
    indexEntry(INDEX.directory, `PRACTICE-USES#${areaId}`, `${practiceCycleId}#${unitId}#${cycleId}`),
  cyclesFromPractices: (areaId: string): Partition => ({ index: INDEX.directory, partition: `PRACTICE-USES#${areaId}` }),
  /** The coach's confirmed progress score of a unit. */
  progress: (unitId: string) => item(`UNIT#${unitId}`, 'PROGRESS'),
  review: (cycleId: string, reviewId: string) => item(`CYCLE#${cycleId}`, `REVIEW#${reviewId}`),
  reviews: (cycleId: string): Partition => ({ partition: `CYCLE#${cycleId}`, prefix: 'REVIEW#' }),
  /** Sparse index entry of a review on its coach's agenda, ordered by start time. */
  coachAgenda: (coachId: string, startsAt: string, reviewId: string) =>
    indexEntry(INDEX.coachAgenda, `COACH#${coachId}`, `${startsAt}#${reviewId}`),
  agendaOf: (coachId: string): Partition => ({ index: INDEX.coachAgenda, partition: `COACH#${coachId}` }),
  workflowWait: (cycleId: string, waitName: string) => item(`CYCLE#${cycleId}`, `WAIT#${waitName}`),
  workflowWaits: (cycleId: string): Partition => ({ partition: `CYCLE#${cycleId}`, prefix: 'WAIT#' }),

  // Measurements: a unit's tracked measures in its partition; each series (unit × measure) in
  // its own partition, sorted by period, with its snapshots and chart phases beside it.
  unitMeasure: (unitId: string, measureKey: string) => item(`UNIT#${unitId}`, `MEASURE#${measureKey}`),
  unitMeasures: (unitId: string): Partition => ({ partition: `UNIT#${unitId}`, prefix: 'MEASURE#' }),
  measurement: (unitId: string, measureKey: string, period: string) => item(`SERIES#${unitId}#${measureKey}`, `P#${period}`),
  measurements: (unitId: string, measureKey: string): Partition => ({ partition: `SERIES#${unitId}#${measureKey}`, prefix: 'P#' }),
  snapshot: (unitId: string, measureKey: string, period: string) => item(`SERIES#${unitId}#${measureKey}`, `SNAP#${period}`),
  snapshots: (unitId: string, measureKey: string): Partition => ({ partition: `SERIES#${unitId}#${measureKey}`, prefix: 'SNAP#' }),
  chartPhase: (unitId: string, measureKey: string, startPeriod: string) =>
    item(`SERIES#${unitId}#${measureKey}`, `PHASE#${startPeriod}`),
  chartPhases: (unitId: string, measureKey: string): Partition => ({ partition: `SERIES#${unitId}#${measureKey}`, prefix: 'PHASE#' }),
  cycleMarker: (unitId: string, measureKey: string, cycleId: string) => item(`SERIES#${unitId}#${measureKey}`, `MARK#${cycleId}`),
  /**
   * One chart's own items — cycle markers (MARK#), figures (P#) and phases (PHASE#) — without its
   * snapshots (SNAP#), which sort after them all.
   */
  chart: (unitId: string, measureKey: string): Partition & { below: string } => ({ partition: `SERIES#${unitId}#${measureKey}`, below: 'SNAP#' }),
  /** The leadership view: one small precomputed item per unit, one Query per area. */
  areaStatus: (areaId: string, unitId: string) => item(`AREA#${areaId}`, `STATUS#${unitId}`),
  areaStatuses: (areaId: string): Partition => ({ partition: `AREA#${areaId}`, prefix: 'STATUS#' }),
  /** Each time the area's briefing was presented, by time; the newest is where the next one starts. */
  briefingMarker: (areaId: string, presentedAt: string) => item(`AREA#${areaId}`, `BRIEFING#${presentedAt}`),
  briefingMarkers: (areaId: string): Partition => ({ partition: `AREA#${areaId}`, prefix: 'BRIEFING#' }),
  measurementRound: (frequency: string, period: string) => item(`ROUND#${frequency}#${period}`, 'ROUND'),
  /** Every round in one list, for the local runtime to find the running ones at start-up. */
  roundInList: (frequency: string, period: string) => indexEntry(INDEX.directory, 'ROUNDS', `ROUND#${frequency}#${period}`),
  rounds: (): Partition => ({ index: INDEX.directory, partition: 'ROUNDS', prefix: 'ROUND#' }),
  measurementRoundUnit: (frequency: string, period: string, unitId: string) => item(`ROUND#${frequency}#${period}`, `UNIT#${unitId}`),
  measurementRoundUnits: (frequency: string, period: string): Partition => ({ partition: `ROUND#${frequency}#${period}`, prefix: 'UNIT#' }),

  // Audit trail per unit, newest last; and the local outbox of notifications.
  auditEntry: (unitId: string, at: string, entryId: string) => item(`AUDIT#${unitId}`, `${at}#${entryId}`),
  auditTrail: (unitId: string): Partition => ({ partition: `AUDIT#${unitId}` }),
  /** The admins' trail of changes to areas, units, people and roles: one partition, by time. */
  adminAuditEntry: (at: string, entryId: string) => item('ADMIN-AUDIT', `${at}#${entryId}`),
  adminAuditTrail: (): Partition => ({ partition: 'ADMIN-AUDIT' }),
  /** The weekly digest sent to a person for an ISO week: claimed before it is sent, so a week sends none twice. */
  digestSent: (week: string, personId: string) => item(`DIGEST#${week}`, `PERSON#${personId}`),
  outboxMessage: (at: string, messageId: string) => item('OUTBOX', `${at}#${messageId}`),
  outbox: (): Partition => ({ partition: 'OUTBOX' }),

  seedMarker: () => item('META', 'SEED'),
} as const;

/**
 * What a stored item is, read back from its key: what the change stream's projection needs to know
 * of a change. Items it never derives anything from are `other`.
 */
export type KeySubject =
  | { of: 'series'; unitId: string; measureKey: string; item: SeriesItem }
  | { of: 'unit'; unitId: string; item: 'unit' | 'aim' | 'idea' | 'cycle' | 'measure' | 'progress' }
  | { of: 'cycle'; cycleId: string; item: 'review' | 'wait' }
  | { of: 'areaStatus' }
  | { of: 'other' };

const SERIES_ITEMS = { 'P#': 'figure', 'SNAP#': 'snapshot', 'PHASE#': 'phase', 'MARK#': 'marker' } as const;
export type SeriesItem = (typeof SERIES_ITEMS)[keyof typeof SERIES_ITEMS];

/** What kind of item of a series partition `sortKey` names. */
export function seriesItemOf(sortKey: string): SeriesItem | undefined {
  return Object.entries(SERIES_ITEMS).find(([prefix]) => sortKey.startsWith(prefix))?.[1];
}
const UNIT_ITEMS = { 'AIM#': 'aim', 'IDEA#': 'idea', 'CYCLE#': 'cycle', 'MEASURE#': 'measure' } as const;

export function subjectOfKey(key: ItemKey): KeySubject {
  const [pk, sk] = [String(key[PARTITION_KEY]), String(key[SORT_KEY])];
  const [kind, first, second] = pk.split('#');
  const under = <T extends string>(items: Record<string, T>) => Object.entries(items).find(([prefix]) => sk.startsWith(prefix))?.[1];
  if (kind === 'SERIES' && first && second) {
    const item = seriesItemOf(sk);
    return item ? { of: 'series', unitId: first, measureKey: second, item } : { of: 'other' };
  }
  if (kind === 'UNIT' && first) {
    const item = sk === 'UNIT' ? 'unit' : sk === 'PROGRESS' ? 'progress' : under(UNIT_ITEMS);
    return item ? { of: 'unit', unitId: first, item } : { of: 'other' };
  }
  if (kind === 'CYCLE' && first) {
    if (sk.startsWith('REVIEW#')) return { of: 'cycle', cycleId: first, item: 'review' };
    if (sk.startsWith('WAIT#')) return { of: 'cycle', cycleId: first, item: 'wait' };
  }
  if (kind === 'AREA' && sk.startsWith('STATUS#')) return { of: 'areaStatus' };
  return { of: 'other' };
}

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
