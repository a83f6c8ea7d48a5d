/**
 * The one table's shape, read by both the CDK stack and the local runtime so that the
 * two cannot drift. Attribute names of keys and indexes live here and nowhere else.
 */

/** Overloaded: an area's units (AREA#a → UNIT#u), a unit's or area's members (SCOPE#… → MEMBER#…), everyone (ORG#PEOPLE). */
const directory = { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' } as const;
/** Sparse: a coach's agenda (COACH#p → <review start>#<review id>); only reviews carry it. */
const coachAgenda = { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' } as const;

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalSecondaryIndexes: [directory, coachAgenda],
  /** Every change, with the item before and after, feeds the projection of derived items. */
  stream: 'NEW_AND_OLD_IMAGES',
} as const;

export const PARTITION_KEY = tableDefinition.partitionKey;
export const SORT_KEY = tableDefinition.sortKey;

/** The indexes by what they are for: code names an index only through this. */
export const INDEX = { directory, coachAgenda } as const;
export type Index = (typeof tableDefinition.globalSecondaryIndexes)[number];

/** The attributes that locate an item rather than describe it; stripped before a schema parses it. */
export const KEY_ATTRIBUTES: readonly string[] = [PARTITION_KEY, SORT_KEY, ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey])];

/** The primary key of an item. */
export type ItemKey = Record<typeof PARTITION_KEY | typeof SORT_KEY, string>;
