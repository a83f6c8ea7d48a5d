import { diffFields, type Actor } from '../domain/audit.js';
import { DriverSchema, type Driver } from '../domain/driver-diagram.js';
import type { Db } from './document-client.js';
import { keys } from './keys.js';
import { createTable, type PlainWrite, type VersionedWrite } from './table.js';

/** The drivers of the aims' driver diagrams, in their unit's partition. */
export function createDriverRepository(db: Db) {
  const table = createTable(db);
  return {
    /** Writes every item and its audit entry at once, or nothing (a change idea's write may go with them). */
    write: (writes: (VersionedWrite | PlainWrite)[], actor: Actor, at = new Date().toISOString()) => table.transact(writes, { actor, at }),
    listDrivers: (unitId: string, aimId: string): Promise<Driver[]> => table.queryAll(DriverSchema, keys.drivers(unitId, aimId)),
    getDriver: (unitId: string, aimId: string, driverId: string): Promise<Driver | undefined> => table.get(DriverSchema, keys.driver(unitId, aimId, driverId)),

    /** A create (`before` null) or a change of what was read at `before.version`. */
    driverWrite: (before: Driver | null, after: Driver, action: string): VersionedWrite => ({
      key: keys.driver(after.unitId, after.aimId, after.id),
      value: after,
      expectedVersion: before?.version,
      audit: { unitId: after.unitId, entity: { type: 'driver', id: after.id }, action, changes: diffFields(before ?? {}, after, ['version']) },
    }),

    /** Removing a driver, which must still be there; its audit entry keeps what it was. */
    driverRemoval: (driver: Driver): PlainWrite => ({
      remove: keys.driver(driver.unitId, driver.aimId, driver.id),
      ifPresent: true,
      audit: { unitId: driver.unitId, entity: { type: 'driver', id: driver.id }, action: 'delete', changes: diffFields(driver, {}, ['version']) },
    }),
  };
}
export type DriverRepository = ReturnType<typeof createDriverRepository>;
