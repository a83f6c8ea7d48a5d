import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { UnitSchema, type Unit, type UnitChanges } from '../domain/unit.js';
import type { Db } from './document-client.js';
import { ConflictError, NotFoundError, isConditionalCheckFailed } from './errors.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';

const CURSOR_KEYS = ['PK', 'SK', 'GSI1PK', 'GSI1SK'] as const;

export function createUnitRepository({ doc, tableName }: Db) {
  const repository = {
    async get(unitId: string): Promise<Unit | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.unit(unitId) }));
      return Item ? fromItem(UnitSchema, Item) : undefined;
    },

    /** Units by id, in one BatchGet per 100 ids; ids that do not exist are left out. */
    async getMany(unitIds: readonly string[]): Promise<Unit[]> {
      const units: Unit[] = [];
      const unique = [...new Set(unitIds)];
      for (let i = 0; i < unique.length; i += 100) {
        let requested: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((id) => keys.unit(id));
        for (let attempt = 0; requested && requested.length > 0; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
          const result: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: requested } } }));
          units.push(...(result.Responses?.[tableName] ?? []).map((item) => fromItem(UnitSchema, item)));
          requested = result.UnprocessedKeys?.[tableName]?.Keys;
          if (attempt > 8 && requested?.length) throw new Error('DynamoDB left keys unprocessed after retries.');
        }
      }
      return units;
    },

    async listByArea(areaId: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<Unit>> {
      const index = keys.unitsOfArea(areaId);
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
          ExpressionAttributeValues: { ':pk': index.GSI1PK, ':prefix': index.GSI1SKPrefix },
          Limit: options.limit,
          ExclusiveStartKey: decodeCursor(options.cursor, CURSOR_KEYS),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => fromItem(UnitSchema, item)),
        nextCursor: encodeCursor(page.LastEvaluatedKey),
      };
    },

    async listAllOfArea(areaId: string): Promise<Unit[]> {
      const units: Unit[] = [];
      let cursor: string | undefined;
      do {
        const page = await repository.listByArea(areaId, { cursor });
        units.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return units;
    },

    async create(unit: Omit<Unit, 'version'>): Promise<Unit> {
      const stored = UnitSchema.parse({ ...unit, version: 1 });
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem({ ...keys.unit(unit.id), ...keys.unitInArea(unit.areaId, unit.id) }, stored),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new ConflictError(`Unit ${unit.id} exists already.`, 'exists');
        throw error;
      }
      return stored;
    },

    /** Applies the changes only if the unit is still at `expectedVersion`. */
    async update(unitId: string, changes: UnitChanges, expectedVersion: number): Promise<Unit> {
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
      const names: Record<string, string> = { '#version': 'version' };
      const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': expectedVersion + 1 };
      const sets = ['#version = :next'];
      entries.forEach(([field, value], i) => {
        names[`#f${i}`] = field;
        values[`:v${i}`] = value;
        sets.push(`#f${i} = :v${i}`);
      });
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.unit(unitId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return fromItem(UnitSchema, Attributes ?? {});
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const current = await repository.get(unitId);
        if (!current) throw new NotFoundError(`Unit ${unitId} does not exist.`);
        throw new ConflictError(
          `Unit ${unitId} is at version ${current.version}, not ${expectedVersion}: someone else changed it.`,
          'stale',
        );
      }
    },
  };
  return repository;
}
export type UnitRepository = ReturnType<typeof createUnitRepository>;
