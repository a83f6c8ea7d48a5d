import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiDeps } from '../api/deps.js';
import { createAreaRepository } from '../store/area-repository.js';
import { createAuditRepository } from '../store/audit-repository.js';
import { createCycleRepository } from '../store/cycle-repository.js';
import type { Db } from '../store/document-client.js';
import { keys } from '../store/keys.js';
import { createMemberDirectory } from '../store/member-directory.js';
import { createMeasureCatalogueRepository } from '../store/measure-catalogue-repository.js';
import { createMeasurementRepository } from '../store/measurement-repository.js';
import { createRoundRepository } from '../store/round-repository.js';
import { createSeriesRefresh } from '../store/series-refresh.js';
import { refreshingStatusOnWrite } from '../store/status-on-write.js';
import { createPeopleRepository } from '../store/people-repository.js';
import { createUnitRepository } from '../store/unit-repository.js';

/** The repositories and store check the API needs, over one table; shared by both runtimes. */
export function storeDeps(db: Db): Pick<ApiDeps, 'areas' | 'units' | 'people' | 'catalogue' | 'checkStore' | 'cycles' | 'members' | 'audit' | 'measurements' | 'seriesRefresh' | 'rounds'> {
  const measurements = createMeasurementRepository(db);
  const units = createUnitRepository(db);
  const cycleStore = createCycleRepository(db);
  const seriesRefresh = createSeriesRefresh(measurements, cycleStore);
  return {
    areas: createAreaRepository(db),
    units,
    people: createPeopleRepository(db),
    catalogue: createMeasureCatalogueRepository(db),
    cycles: refreshingStatusOnWrite(cycleStore, {
      units,
      seriesRefresh,
      onRefreshError: (unitId, error) => console.error(`The status item of unit ${unitId} was not refreshed; the next write or round will.`, error),
    }),
    members: createMemberDirectory(db),
    audit: createAuditRepository(db),
    measurements,
    seriesRefresh,
    rounds: createRoundRepository(db),
    checkStore: async () => {
      await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.seedMarker() }));
    },
  };
}
