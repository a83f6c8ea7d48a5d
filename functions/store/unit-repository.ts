import { UnitSchema, type Unit, type UnitChanges } from '../domain/unit.js';
import type { Db } from './document-client.js';
import { ConflictError, NotFoundError, onConflict } from './errors.js';
import { keys } from './keys.js';
import type { Page } from './pagination.js';
import { createTable } from './table.js';

export function createUnitRepository(db: Db) {
  const table = createTable(db);
  const get = (unitId: string): Promise<Unit | undefined> => table.get(UnitSchema, keys.unit(unitId));

  return {
    get,

    /** Units by id, in one BatchGet per 100 ids; ids that do not exist are left out. */
    getMany: (unitIds: readonly string[]): Promise<Unit[]> => table.batchGet(UnitSchema, unitIds.map((id) => keys.unit(id))),

    listByArea: (areaId: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<Unit>> =>
      table.queryPage(UnitSchema, { ...keys.unitsOfArea(areaId), limit: options.limit, cursor: options.cursor }),

    listAllOfArea: (areaId: string): Promise<Unit[]> => table.queryAll(UnitSchema, keys.unitsOfArea(areaId)),

    async create(unit: Omit<Unit, 'version'>): Promise<Unit> {
      const stored = UnitSchema.parse({ ...unit, version: 1 });
      await table.put({ ...keys.unit(unit.id), ...keys.unitInArea(unit.areaId, unit.id) }, stored, { ifAbsent: true }, `Unit ${unit.id} exists already.`);
      return stored;
    },

    /** Applies the changes only if the unit is still at `expectedVersion`. */
    update: (unitId: string, changes: UnitChanges, expectedVersion: number): Promise<Unit> =>
      table.update(UnitSchema, keys.unit(unitId), changes, { ifVersion: expectedVersion }).catch(
        onConflict(async () => {
          const current = await get(unitId);
          if (!current) throw new NotFoundError(`Unit ${unitId} does not exist.`);
          throw new ConflictError(`Unit ${unitId} is at version ${current.version}, not ${expectedVersion}: someone else changed it.`, 'stale');
        }),
      ),
  };
}
export type UnitRepository = ReturnType<typeof createUnitRepository>;
