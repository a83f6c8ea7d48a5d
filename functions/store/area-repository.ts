import { AreaSchema, type Area } from '../domain/area.js';
import type { Db } from './document-client.js';
import { keys } from './keys.js';
import { createTable } from './table.js';

export function createAreaRepository(db: Db) {
  const table = createTable(db);
  return {
    list: (): Promise<Area[]> => table.queryAll(AreaSchema, keys.areas()),

    get: (areaId: string): Promise<Area | undefined> => table.get(AreaSchema, keys.area(areaId)),

    async create(area: Omit<Area, 'version'>): Promise<Area> {
      const stored = AreaSchema.parse({ ...area, version: 1 });
      await table.put(keys.area(area.id), stored, { ifAbsent: true }, `Area ${area.id} exists already.`);
      return stored;
    },
  };
}
export type AreaRepository = ReturnType<typeof createAreaRepository>;
