import { AuditEntrySchema, type AuditEntry } from '../domain/audit.js';
import type { Db } from './document-client.js';
import { keys } from './keys.js';
import type { Page } from './pagination.js';
import { createTable } from './table.js';

/** The audit trail; its entries are written by `transact`, in the transaction of the change they record. */
export function createAuditRepository(db: Db) {
  const table = createTable(db);
  return {
    /** A unit's trail, newest first; optionally of one thing only (e.g. one cycle's timeline). */
    listByUnit: (unitId: string, options: { limit?: number; cursor?: string; entityId?: string } = {}): Promise<Page<AuditEntry>> =>
      table.queryPage(AuditEntrySchema, {
        ...keys.auditTrail(unitId),
        descending: true,
        limit: options.limit,
        cursor: options.cursor,
        filter: options.entityId
          ? { expression: '#entity.#id = :entity', names: { '#entity': 'entity', '#id': 'id' }, values: { ':entity': options.entityId } }
          : undefined,
      }),
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
