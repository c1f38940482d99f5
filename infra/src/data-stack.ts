import { TABLE_DEFINITION } from '@peermap/store/table';
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

export type Stage = 'dev' | 'prod';

export interface DataStackProps extends StackProps {
  readonly stage: Stage;
}

/**
 * The stateful part of peermap: the single table (from the same `TABLE_DEFINITION` that
 * DynamoDB Local is built from) and the customer-managed key that encrypts it. In prod both
 * are retained and the table cannot be deleted by accident.
 */
export class DataStack extends Stack {
  readonly table: TableV2;
  readonly tableKey: Key;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const keep = props.stage === 'prod';
    const removalPolicy = keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.tableKey = new Key(this, 'TableKey', {
      description: `peermap ${props.stage}: encrypts the safeguarding map table`,
      enableKeyRotation: true,
      removalPolicy,
    });

    const { partitionKey, sortKey, indexes, timeToLiveAttribute } = TABLE_DEFINITION;
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      sortKey: { name: sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(this.tableKey),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute,
      deletionProtection: keep,
      removalPolicy,
      globalSecondaryIndexes: Object.entries(indexes).map(([indexName, index]) => ({
        indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
    });
  }
}
