import { randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { AdminAuditEntrySchema, AuditEntrySchema, type Actor, type AdminAuditEntry, type AuditEntry } from '../domain/audit.js';
import type { Db } from './document-client.js';
import { conflictOnFailedCondition, type ConflictReason } from './errors.js';
import { fromItem, toItem, type StoredKey } from './items.js';
import { keys, type Partition } from './keys.js';
import { decodeCursor, encodeCursor, type CursorScope, type Page } from './pagination.js';
import { PARTITION_KEY, SORT_KEY, tableDefinition, type ItemKey } from './table-definition.js';

/** A piece of a condition or filter expression with the names and values it refers to. */
export type Expression = { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };

/** When a write may go ahead; a failed condition is a ConflictError ('exists' for ifAbsent, else 'stale'). */
export type Condition =
  | { ifAbsent: true; orIf?: Expression }
  | { ifPresent: true; andIf?: Expression }
  | { ifVersion: number }
  | { unconditional: true };

export type Query = Partition & {
  /** Sort keys from prefix+from to prefix+to, both included; either end may be left open. */
  range?: { from?: string; to?: string };
  /** Only sort keys that sort before this one (a key condition: filters may not name key attributes). */
  below?: string;
  descending?: boolean;
  filter?: Expression;
  consistent?: boolean;
};

/** What an audit entry records of a change; who and when are the transaction's. */
export type AuditRecord = Pick<AuditEntry, 'unitId' | 'entity' | 'action' | 'changes'>;
/** What an admin's audit entry records of a change to the organisation. */
export type AdminAuditRecord = Omit<AdminAuditEntry, 'id' | 'at' | 'actor'>;
export type Trail = { actor: Actor; at: string };

/**
 * One put of a transaction, conditional on what was read: `expectedVersion` undefined creates the
 * item (it must not exist yet), otherwise it must still be at that version.
 */
export type VersionedWrite = { key: StoredKey; value: object; expectedVersion: number | undefined; audit?: AuditRecord; adminAudit?: AdminAuditRecord };

/**
 * The other writes a transaction may hold: an item that is not versioned put as it is (a
 * membership following its unit), or an item removed (a driver, a role), which must be there.
 */
export type PlainWrite =
  | { key: StoredKey; value: object; unconditional: true; adminAudit?: AdminAuditRecord }
  | { remove: ItemKey; ifPresent: boolean; audit?: AuditRecord; adminAudit?: AdminAuditRecord };

const BATCH_GET_SIZE = 100;
const RETRIES = 8;

/** The reads and writes every repository is made of, over the one table. */
export function createTable({ doc, tableName: TableName }: Db) {

  async function queryItems(query: Query): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new QueryCommand({ ...queryInput(TableName, query), ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  async function batchGetItems(itemKeys: readonly ItemKey[]): Promise<Record<string, unknown>[]> {
    // BatchGetItem refuses a request that names one key twice.
    const unique = [...new Map(itemKeys.map((key) => [`${key[PARTITION_KEY]}\n${key[SORT_KEY]}`, key])).values()];
    const found: Record<string, unknown>[] = [];
    for (let i = 0; i < unique.length; i += BATCH_GET_SIZE) {
      await untilProcessed<Record<string, unknown>>(unique.slice(i, i + BATCH_GET_SIZE), async (Keys) => {
        const result = await doc.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys } } }));
        found.push(...(result.Responses?.[TableName] ?? []));
        return result.UnprocessedKeys?.[TableName]?.Keys;
      });
    }
    return found;
  }

  function auditPut(record: AuditRecord, trail: Trail | null) {
    if (!trail) throw new Error('An audited write needs the actor and time of its transaction.');
    const entry = AuditEntrySchema.parse({ ...record, ...trail, id: randomUUID() });
    return putInput(TableName, keys.auditEntry(entry.unitId, entry.at, entry.id), entry, { ifAbsent: true });
  }

  function adminAuditPut(record: AdminAuditRecord, trail: Trail | null) {
    if (!trail) throw new Error('An audited write needs the actor and time of its transaction.');
    const entry = AdminAuditEntrySchema.parse({ ...record, ...trail, id: randomUUID() });
    return putInput(TableName, keys.adminAuditEntry(entry.at, entry.id), entry, { ifAbsent: true });
  }

  function transactItem(w: VersionedWrite | PlainWrite) {
    if ('remove' in w) {
      const condition = w.ifPresent ? conditionExpression({ ifPresent: true }) : undefined;
      // The key alone: a key built with its index entries names more attributes than DynamoDB takes.
      const Key = { [PARTITION_KEY]: w.remove[PARTITION_KEY], [SORT_KEY]: w.remove[SORT_KEY] };
      return { Delete: { TableName, Key, ...(condition && { ConditionExpression: condition.expression, ...expressionInput([condition]) }) } };
    }
    if ('unconditional' in w) return { Put: putInput(TableName, w.key, w.value, { unconditional: true }) };
    return { Put: putInput(TableName, w.key, w.value, w.expectedVersion === undefined ? { ifAbsent: true } : { ifVersion: w.expectedVersion }) };
  }

  return {
    async get<S extends z.ZodType>(schema: S, key: ItemKey, { consistent = false } = {}): Promise<z.infer<S> | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName, Key: key, ConsistentRead: consistent }));
      return Item ? fromItem(schema, Item) : undefined;
    },

    /** Every item a Query matches, as stored (keys included); for small, bounded partitions only. */
    queryItems,

    async queryAll<S extends z.ZodType>(schema: S, query: Query): Promise<z.infer<S>[]> {
      return (await queryItems(query)).map((item) => fromItem(schema, item));
    },

    /** One page of at most `limit` items from `cursor` on, with the cursor of the next page if any. */
    async queryPage<S extends z.ZodType>(schema: S, query: Query & { limit?: number; cursor?: string }): Promise<Page<z.infer<S>>> {
      const page = await doc.send(
        new QueryCommand({ ...queryInput(TableName, query), Limit: query.limit, ExclusiveStartKey: decodeCursor(query.cursor, cursorScope(query)) }),
      );
      return { items: (page.Items ?? []).map((item) => fromItem(schema, item)), nextCursor: encodeCursor(page.LastEvaluatedKey) };
    },

    /** Items by key, 100 a request; keys that do not exist are left out, and the order is not kept. */
    async batchGet<S extends z.ZodType>(schema: S, itemKeys: readonly ItemKey[]): Promise<z.infer<S>[]> {
      return (await batchGetItems(itemKeys)).map((item) => fromItem(schema, item));
    },

    /** Items of different kinds by key, as stored (keys included), for the caller to tell apart and parse. */
    batchGetItems,

    /** Removes an item whatever it holds; removing one that is not there does nothing. */
    async remove(key: ItemKey): Promise<void> {
      await doc.send(new DeleteCommand({ TableName, Key: key }));
    },

    async put(key: StoredKey, value: object, when: Condition, conflict?: string): Promise<void> {
      await conflictOnFailedCondition(doc.send(new PutCommand(putInput(TableName, key, value, when))), reasonOf(when), conflict);
    },

    /** Sets `fields` (undefined ones are left alone) and counts the version up; answers the item as it is now. */
    async update<S extends z.ZodType>(
      schema: S,
      key: ItemKey,
      fields: Record<string, unknown>,
      when: Extract<Condition, { ifPresent: true } | { ifVersion: number }>,
      conflict?: string,
    ): Promise<z.infer<S>> {
      const set = Object.entries(fields).filter(([, value]) => value !== undefined);
      const assignments: Expression = {
        expression: `SET ${[...set.map((_, i) => `#f${i} = :f${i}`), '#version = #version + :one'].join(', ')}`,
        names: { '#version': 'version', ...Object.fromEntries(set.map(([field], i) => [`#f${i}`, field])) },
        values: { ':one': 1, ...Object.fromEntries(set.map(([, value], i) => [`:f${i}`, value])) },
      };
      // Both conditions update takes give an expression.
      const condition = conditionExpression(when)!;
      const { Attributes } = await conflictOnFailedCondition(
        doc.send(
          new UpdateCommand({
            TableName,
            Key: key,
            UpdateExpression: assignments.expression,
            ConditionExpression: condition.expression,
            ...expressionInput([assignments, condition]),
            ReturnValues: 'ALL_NEW',
          }),
        ),
        reasonOf(when),
        conflict,
      );
      return fromItem(schema, Attributes ?? {});
    },

    /**
     * Writes every item, each with its audit entry (who and when: `trail`), all or nothing. A stale
     * or taken item fails the lot with a ConflictError: 'exists' if every write creates, else 'stale'.
     */
    async transact(
      writes: readonly (VersionedWrite | PlainWrite)[],
      trail: Trail | null,
      conflict: { message?: string; reason?: ConflictReason } = {},
    ): Promise<void> {
      const TransactItems = writes.flatMap((w) => [
        transactItem(w),
        ...('audit' in w && w.audit ? [{ Put: auditPut(w.audit, trail) }] : []),
        ...(w.adminAudit ? [{ Put: adminAuditPut(w.adminAudit, trail) }] : []),
      ]);
      const reason = conflict.reason ?? (writes.every((w) => 'expectedVersion' in w && w.expectedVersion === undefined) ? 'exists' : 'stale');
      await conflictOnFailedCondition(doc.send(new TransactWriteCommand({ TransactItems })), reason, conflict.message);
    },
  };
}

/**
 * Sends `requests`, then again what DynamoDB leaves unprocessed, with backoff; `send` answers the
 * unprocessed ones.
 */
export async function untilProcessed<R>(requests: R[], send: (requests: R[]) => Promise<R[] | undefined>): Promise<void> {
  let pending: R[] | undefined = requests;
  for (let attempt = 0; pending?.length; attempt++) {
    if (attempt > RETRIES) throw new Error('DynamoDB left requests unprocessed after retries.');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    pending = await send(pending);
  }
}

/** The sort keys a query reads, both ends included. */
function sortBounds(query: Query): { low: string; high: string } {
  const prefix = query.prefix ?? '';
  return { low: `${prefix}${query.range?.from ?? ''}`, high: `${prefix}${query.range?.to ?? '\uffff'}` };
}

/** What a cursor of this query may hold: its key attributes, its partition and its sort key range. */
function cursorScope(query: Query): CursorScope {
  const { partitionKey, sortKey } = query.index ?? tableDefinition;
  const { low, high } = sortBounds(query);
  return {
    attributes: [PARTITION_KEY, SORT_KEY, ...(query.index ? [query.index.partitionKey, query.index.sortKey] : [])],
    partitionKey,
    partition: query.partition,
    sortKey,
    sortFrom: low,
    sortTo: high,
  };
}

function queryInput(TableName: string, query: Query): QueryCommandInput {
  const { partitionKey, sortKey } = query.index ?? tableDefinition;
  const { low, high } = sortBounds(query);
  const sort: Expression | undefined = query.range
    ? { expression: `${sortKey} BETWEEN :low AND :high`, values: { ':low': low, ':high': high } }
    : query.prefix
      ? { expression: `begins_with(${sortKey}, :prefix)`, values: { ':prefix': query.prefix } }
      : query.below
        ? { expression: `${sortKey} < :below`, values: { ':below': query.below } }
        : undefined;
  // ':pk' is also what the benchmark's request counter reads a Query's partition from.
  const keyCondition: Expression[] = [{ expression: `${partitionKey} = :pk`, values: { ':pk': query.partition } }, ...(sort ? [sort] : [])];
  return {
    TableName,
    IndexName: query.index?.indexName,
    KeyConditionExpression: keyCondition.map((part) => part.expression).join(' AND '),
    FilterExpression: query.filter?.expression,
    ...expressionInput([...keyCondition, ...(query.filter ? [query.filter] : [])]),
    ScanIndexForward: !query.descending,
    ConsistentRead: query.consistent,
  };
}

function putInput(TableName: string, key: StoredKey, value: object, when: Condition) {
  const condition = conditionExpression(when);
  return { TableName, Item: toItem(key, value), ...(condition && { ConditionExpression: condition.expression, ...expressionInput([condition]) }) };
}

function conditionExpression(when: Condition): Expression | undefined {
  if ('ifVersion' in when) return { expression: '#version = :expected', names: { '#version': 'version' }, values: { ':expected': when.ifVersion } };
  if ('ifAbsent' in when) return joined(`attribute_not_exists(${PARTITION_KEY})`, 'OR', when.orIf);
  if ('ifPresent' in when) return joined(`attribute_exists(${PARTITION_KEY})`, 'AND', when.andIf);
  return undefined;
}

function joined(first: string, operator: 'AND' | 'OR', second: Expression | undefined): Expression {
  return second ? { ...second, expression: `${first} ${operator} ${second.expression}` } : { expression: first };
}

function reasonOf(when: Condition): ConflictReason {
  return 'ifAbsent' in when ? 'exists' : 'stale';
}

/** The names and values of `parts`, each map left out when empty: DynamoDB refuses empty ones. */
function expressionInput(parts: Expression[]) {
  const names: Record<string, string> = Object.assign({}, ...parts.map((part) => part.names));
  const values: Record<string, unknown> = Object.assign({}, ...parts.map((part) => part.values));
  return {
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}
