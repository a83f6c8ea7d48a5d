/**
 * The one table's shape, read by both the CDK stack and the local runtime so that the
 * two cannot drift. Attribute names of keys and indexes live here and nowhere else.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalSecondaryIndexes: [
    /** Overloaded: an area's units (AREA#a → UNIT#u), a unit's or area's members (SCOPE#… → MEMBER#…). */
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /** Sparse: a coach's agenda (COACH#p → <review start>#<review id>); only reviews carry it. */
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
