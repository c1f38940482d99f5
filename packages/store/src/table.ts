import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one definition of the table's keys and indexes. The CDK stack and the local
 * launcher both build the table from it, so the two cannot drift apart.
 */
export const TABLE_DEFINITION = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: {
    /** All records of one kind in a partnership, in a useful order (`P#<id>#YP`, ref). */
    byKind: { partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /** The other end of a link: relationships from B's side, a carer's young people,
     *  sightings at a place, audit events by person and by user, plans of a cluster. */
    byLink: { partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  },
  /** Epoch seconds after which DynamoDB deletes the item (retention). */
  timeToLiveAttribute: 'expiresAt',
} as const;

export type IndexName = keyof typeof TABLE_DEFINITION.indexes;

/** The key attributes an item can carry, of the table and of every index. */
export const KEY_ATTRIBUTES = [
  TABLE_DEFINITION.partitionKey,
  TABLE_DEFINITION.sortKey,
  ...Object.values(TABLE_DEFINITION.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
] as const;

/** The CreateTable request for a table of this definition (on-demand, every index projecting all). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.entries(TABLE_DEFINITION.indexes).map(([indexName, index]) => ({
      IndexName: indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
