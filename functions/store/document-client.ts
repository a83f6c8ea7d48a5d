import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type Db = { doc: DynamoDBDocumentClient; raw: DynamoDBClient; tableName: string };

export function createDb(tableName: string, config: DynamoDBClientConfig = {}): Db {
  const raw = new DynamoDBClient(config);
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return { doc, raw, tableName };
}
