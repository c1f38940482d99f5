import { TABLE_DEFINITION } from '@peermap/store/table';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface SafeguardingTableProps {
  /** Keep the table and its key when the stack goes, and refuse to delete the table. */
  readonly keep: boolean;
}

/**
 * The single table of the map (from the same `TABLE_DEFINITION` DynamoDB Local is built
 * from), encrypted with a customer-managed key that rotates, with point-in-time recovery and
 * TTL (retention removes items by their `expiresAt`).
 */
export class SafeguardingTable extends Construct {
  readonly table: TableV2;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: SafeguardingTableProps) {
    super(scope, id);
    const removalPolicy = props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.key = new Key(this, 'Key', {
      description: 'peermap: encrypts the safeguarding map table',
      enableKeyRotation: true,
      removalPolicy,
    });
    const { partitionKey, sortKey, indexes, timeToLiveAttribute } = TABLE_DEFINITION;
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      sortKey: { name: sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute,
      deletionProtection: props.keep,
      removalPolicy,
      globalSecondaryIndexes: Object.entries(indexes).map(([indexName, index]) => ({
        indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
    });
  }
}
