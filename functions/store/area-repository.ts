import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AreaSchema, type Area } from '../domain/area.js';
import type { Db } from './document-client.js';
import { ConflictError, isConditionalCheckFailed } from './errors.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

export function createAreaRepository({ doc, tableName }: Db) {
  return {
    async list(): Promise<Area[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.orgAreas().PK, ':prefix': keys.areaPrefix() },
      });
      return items.map((item) => fromItem(AreaSchema, item));
    },

    async get(areaId: string): Promise<Area | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.area(areaId) }));
      return Item ? fromItem(AreaSchema, Item) : undefined;
    },

    async create(area: Omit<Area, 'version'>): Promise<Area> {
      const stored = AreaSchema.parse({ ...area, version: 1 });
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(keys.area(area.id), stored),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new ConflictError(`Area ${area.id} exists already.`, 'exists');
        throw error;
      }
      return stored;
    },
  };
}
export type AreaRepository = ReturnType<typeof createAreaRepository>;
