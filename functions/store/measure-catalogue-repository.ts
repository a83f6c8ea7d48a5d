import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { MeasureDefinitionSchema, type MeasureDefinition } from '../domain/measure.js';
import type { Db } from './document-client.js';
import { ConflictError, isConditionalCheckFailed } from './errors.js';
import { fromItem, toItem } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

export function createMeasureCatalogueRepository({ doc, tableName }: Db) {
  /** Every version of every definition, oldest version first per measure (the sort key orders them). */
  async function listAllVersions(): Promise<MeasureDefinition[]> {
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.catalogue().PK, ':prefix': keys.measurePrefix() },
    });
    return items.map((item) => fromItem(MeasureDefinitionSchema, item));
  }

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
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: toItem(keys.measureDefinition(stored.key, stored.definitionVersion), stored),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        throw new ConflictError(`Version ${stored.definitionVersion} of ${stored.key} exists already.`, 'exists');
      }
      throw error;
    }
    return stored;
  }

  return { listAllVersions, listCurrent, addVersion };
}
export type MeasureCatalogueRepository = ReturnType<typeof createMeasureCatalogueRepository>;
