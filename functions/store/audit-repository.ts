import { AdminAuditEntrySchema, AuditEntrySchema, type AdminAuditEntry, type AuditEntry } from '../domain/audit.js';
import type { Db } from './document-client.js';
import { keys } from './keys.js';
import type { Page } from './pagination.js';
import { createTable, type Expression } from './table.js';

export type AdminAuditFilter = {
  unitId?: string;
  areaId?: string;
  personId?: string;
  kind?: AdminAuditEntry['entity']['type'];
  /** ISO times, both included. */
  from?: string;
  to?: string;
};

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

    /**
     * The admins' trail, newest first, filtered by the unit, area or person a change concerns,
     * its kind and a time range (a key condition); the rest are filters over one small partition.
     */
    listAdmin: (filter: AdminAuditFilter, page: { limit?: number; cursor?: string } = {}): Promise<Page<AdminAuditEntry>> => {
      const parts: Expression[] = [
        ...(filter.unitId ? [{ expression: '#unitId = :unitId', names: { '#unitId': 'unitId' }, values: { ':unitId': filter.unitId } }] : []),
        ...(filter.areaId ? [{ expression: '#areaId = :areaId', names: { '#areaId': 'areaId' }, values: { ':areaId': filter.areaId } }] : []),
        ...(filter.personId ? [{ expression: '#personId = :personId', names: { '#personId': 'personId' }, values: { ':personId': filter.personId } }] : []),
        ...(filter.kind ? [{ expression: '#entity.#type = :kind', names: { '#entity': 'entity', '#type': 'type' }, values: { ':kind': filter.kind } }] : []),
      ];
      const filterExpression: Expression | undefined = parts.length
        ? {
            expression: parts.map((p) => p.expression).join(' AND '),
            names: Object.assign({}, ...parts.map((p) => p.names)),
            values: Object.assign({}, ...parts.map((p) => p.values)),
          }
        : undefined;
      return table.queryPage(AdminAuditEntrySchema, {
        ...keys.adminAuditTrail(),
        // Sort keys are `<ISO time>#<id>`: `to` reaches past every entry of its last millisecond.
        range: filter.from || filter.to ? { from: filter.from ?? '', to: filter.to ? `${filter.to}#\uffff` : '\uffff' } : undefined,
        descending: true,
        limit: page.limit,
        cursor: page.cursor,
        filter: filterExpression,
      });
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
