import { MeasureDefinitionSchema, type MeasureDefinition } from '../domain/measure.js';
import type { Db } from './document-client.js';
import { keys } from './keys.js';
import { createTable, type AdminAuditRecord, type Trail } from './table.js';

export function createMeasureCatalogueRepository(db: Db) {
  const table = createTable(db);

  /** Every version of every definition, oldest version first per measure (the sort key orders them). */
  const listAllVersions = (): Promise<MeasureDefinition[]> => table.queryAll(MeasureDefinitionSchema, keys.measureDefinitions());

  /** The current definition of each measure. */
  async function listCurrent(): Promise<MeasureDefinition[]> {
    const latest = new Map<string, MeasureDefinition>();
    for (const definition of await listAllVersions()) {
      const seen = latest.get(definition.key);
      if (!seen || seen.definitionVersion < definition.definitionVersion) latest.set(definition.key, definition);
    }
    return [...latest.values()];
  }

  /** A definition version is immutable once written; a change is a new version. */
  async function addVersion(definition: Omit<MeasureDefinition, 'version'>): Promise<MeasureDefinition> {
    const stored = MeasureDefinitionSchema.parse({ ...definition, version: 1 });
    await table.put(
      keys.measureDefinition(stored.key, stored.definitionVersion),
      stored,
      { ifAbsent: true },
      `Version ${stored.definitionVersion} of ${stored.key} exists already.`,
    );
    return stored;
  }

  /**
   * An admin's new measure or new definition version, with its entry in the admins' audit trail in
   * the same transaction. Two admins publishing the same version number: the second is refused.
   */
  async function publishVersion(definition: MeasureDefinition, audit: Omit<AdminAuditRecord, 'entity'>, trail: Trail): Promise<MeasureDefinition> {
    const stored = MeasureDefinitionSchema.parse(definition);
    const adminAudit: AdminAuditRecord = { ...audit, entity: { type: 'catalogueMeasure', id: stored.key } };
    await table.transact([{ key: keys.measureDefinition(stored.key, stored.definitionVersion), value: stored, expectedVersion: undefined, adminAudit }], trail, {
      message: `Version ${stored.definitionVersion} of ${stored.key} exists already.`,
    });
    return stored;
  }

  return { listAllVersions, listCurrent, addVersion, publishVersion };
}
export type MeasureCatalogueRepository = ReturnType<typeof createMeasureCatalogueRepository>;
