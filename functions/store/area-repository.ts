import { AreaSchema, type Area, type NewAreaInput } from '../domain/area.js';
import { BriefingMarkerSchema, type BriefingMarker } from '../domain/area-briefing.js';
import { diffFields } from '../domain/audit.js';
import type { Db } from './document-client.js';
import { keys } from './keys.js';
import { createTable, type Trail } from './table.js';

export function createAreaRepository(db: Db) {
  const table = createTable(db);
  return {
    list: (): Promise<Area[]> => table.queryAll(AreaSchema, keys.areas()),

    get: (areaId: string): Promise<Area | undefined> => table.get(AreaSchema, keys.area(areaId)),

    /** Adds an area (Finnish-speaking unless its languages are given); with `trail` (an admin's change) its entry goes to the admins' audit trail in the same transaction. */
    async create(area: NewAreaInput, trail?: Trail): Promise<Area> {
      const stored = AreaSchema.parse({ ...area, version: 1 });
      const message = `Area ${area.id} exists already.`;
      if (!trail) {
        await table.put(keys.area(area.id), stored, { ifAbsent: true }, message);
        return stored;
      }
      const adminAudit = { entity: { type: 'area' as const, id: area.id }, action: 'create', changes: diffFields({}, stored), areaId: area.id };
      await table.transact([{ key: keys.area(area.id), value: stored, expectedVersion: undefined, adminAudit }], trail, { message });
      return stored;
    },

    /** Records that the area's briefing was presented, with its entry in the admins' audit trail (filtered by area). */
    async addBriefingMarker(marker: BriefingMarker, trail: Trail): Promise<BriefingMarker> {
      const stored = BriefingMarkerSchema.parse(marker);
      const adminAudit = { entity: { type: 'area' as const, id: marker.areaId }, action: 'briefingPresented', changes: diffFields({}, stored), areaId: marker.areaId };
      await table.transact([{ key: keys.briefingMarker(marker.areaId, marker.presentedAt), value: stored, expectedVersion: undefined, adminAudit }], trail);
      return stored;
    },

    /** The newest briefing marker of the area, read with one Query of a single item. */
    async lastBriefingMarker(areaId: string): Promise<BriefingMarker | undefined> {
      return (await table.queryPage(BriefingMarkerSchema, { ...keys.briefingMarkers(areaId), descending: true, limit: 1 })).items[0];
    },

    /** Writes `after` over `before` (still at its version), audited as `action`. */
    async save(before: Area, after: Area, action: string, trail: Trail): Promise<Area> {
      const adminAudit = { entity: { type: 'area' as const, id: after.id }, action, changes: diffFields(before, after), areaId: after.id };
      await table.transact([{ key: keys.area(after.id), value: after, expectedVersion: before.version, adminAudit }], trail);
      return after;
    },
  };
}
export type AreaRepository = ReturnType<typeof createAreaRepository>;
