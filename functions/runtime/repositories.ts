import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createAreaRepository } from '../store/area-repository.js';
import { createAuditRepository } from '../store/audit-repository.js';
import { createCycleRepository } from '../store/cycle-repository.js';
import { createDigestRepository } from '../store/digest-repository.js';
import type { Db } from '../store/document-client.js';
import { createDriverRepository } from '../store/driver-repository.js';
import { keys } from '../store/keys.js';
import { createMeasureCatalogueRepository } from '../store/measure-catalogue-repository.js';
import { createMeasurementRepository } from '../store/measurement-repository.js';
import { createMemberDirectory } from '../store/member-directory.js';
import { createPeopleRepository } from '../store/people-repository.js';
import { createRoundRepository } from '../store/round-repository.js';
import { createUnitRepository } from '../store/unit-repository.js';

/** Every repository over one table, the same in both runtimes. */
export function createRepositories(db: Db) {
  return {
    areas: createAreaRepository(db),
    units: createUnitRepository(db),
    people: createPeopleRepository(db),
    catalogue: createMeasureCatalogueRepository(db),
    cycles: createCycleRepository(db),
    drivers: createDriverRepository(db),
    members: createMemberDirectory(db),
    audit: createAuditRepository(db),
    measurements: createMeasurementRepository(db),
    rounds: createRoundRepository(db),
    digests: createDigestRepository(db),
    checkStore: async () => {
      await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.seedMarker() }));
    },
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
