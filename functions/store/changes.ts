import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { PARTITION_KEY, SORT_KEY, type ItemKey } from './table-definition.js';

/** One change of the table as its stream tells it (NEW_AND_OLD_IMAGES): the item before and after. */
export type ChangeRecord = { sequence: string; key: ItemKey; before?: Record<string, unknown>; after?: Record<string, unknown> };

/** A stream record as DynamoDB Streams and Lambda's event source mapping deliver it. */
export type StreamRecord = {
  dynamodb?: {
    Keys?: Record<string, AttributeValue>;
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber?: string;
  };
};

export function changeOf(record: StreamRecord): ChangeRecord {
  const { Keys, NewImage, OldImage, SequenceNumber } = record.dynamodb ?? {};
  const key = unmarshall(Keys ?? {});
  return {
    sequence: SequenceNumber ?? '',
    key: { [PARTITION_KEY]: String(key[PARTITION_KEY]), [SORT_KEY]: String(key[SORT_KEY]) },
    before: OldImage ? unmarshall(OldImage) : undefined,
    after: NewImage ? unmarshall(NewImage) : undefined,
  };
}
