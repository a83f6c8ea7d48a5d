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
