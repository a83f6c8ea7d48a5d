import { diffFields } from '../domain/audit.js';
import type { Membership } from '../domain/membership.js';
import { UnitSchema, type Unit, type UnitChanges } from '../domain/unit.js';
import type { Db } from './document-client.js';
import { ConflictError, NotFoundError, onConflict } from './errors.js';
import { keys } from './keys.js';
import type { Page } from './pagination.js';
import { createTable, type PlainWrite, type Trail } from './table.js';

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

    /** Adds a unit; with `trail` (an admin's change) its entry goes to the admins' audit trail in the same transaction. */
    async create(unit: Omit<Unit, 'version'>, trail?: Trail): Promise<Unit> {
      const stored = UnitSchema.parse({ ...unit, version: 1 });
      const key = { ...keys.unit(unit.id), ...keys.unitInArea(unit.areaId, unit.id) };
      const message = `Unit ${unit.id} exists already.`;
      if (!trail) {
        await table.put(key, stored, { ifAbsent: true }, message);
        return stored;
      }
      const adminAudit = { entity: { type: 'unit' as const, id: unit.id }, action: 'create', changes: diffFields({}, stored), unitId: unit.id, areaId: unit.areaId };
      await table.transact([{ key, value: stored, expectedVersion: undefined, adminAudit }], trail, { message });
      return stored;
    },

    /**
     * Writes `after` over `before` (still at its version), audited as `action`. A unit moved to
     * another area takes its memberships along (their area is the unit's), and its status item
     * leaves the old area's overview: the projection writes the new one.
     */
    async save(before: Unit, after: Unit, action: string, trail: Trail, members: readonly Membership[] = []): Promise<Unit> {
      const moved = before.areaId !== after.areaId;
      const follow: PlainWrite[] = moved
        ? [
            ...members.flatMap((m): PlainWrite[] =>
              m.role === 'coach' || m.role === 'supervisor' ? [{ key: keys.membership({ ...m, areaId: after.areaId }), value: { ...m, areaId: after.areaId, version: 1 }, unconditional: true }] : [],
            ),
            { remove: keys.areaStatus(before.areaId, before.id), ifPresent: false },
          ]
        : [];
      const adminAudit = { entity: { type: 'unit' as const, id: after.id }, action, changes: diffFields(before, after), unitId: after.id, areaId: after.areaId };
      await table.transact(
        [{ key: { ...keys.unit(after.id), ...keys.unitInArea(after.areaId, after.id) }, value: after, expectedVersion: before.version, adminAudit }, ...follow],
        trail,
      );
      return after;
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
