import { TABLE_DEFINITION } from '@peermap/store/table';
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface SafeguardingTableProps {
  /** Keep the table and its key when the stack goes, and refuse to delete the table. */
  readonly keep: boolean;
}

/**
 * The single table of the map (from the same `TABLE_DEFINITION` DynamoDB Local is built
 * from), encrypted with a customer-managed key that rotates, with point-in-time recovery and
 * TTL (retention removes items by their `expiresAt`). The same key encrypts the stage's log
 * groups.
 */
export class SafeguardingTable extends Construct {
  readonly table: TableV2;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: SafeguardingTableProps) {
    super(scope, id);
    const removalPolicy = props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.key = new Key(this, 'Key', {
      description: 'peermap: encrypts the safeguarding map table and its log groups',
      enableKeyRotation: true,
      removalPolicy,
    });
    this.letLogsUseKey();
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

  /**
   * Function logs and API access logs hold request ids and young people's refs, as the table
   * does, so they are encrypted with its key. CloudWatch Logs of this region may use the key
   * only for a log group of this account: it names the log group in the encryption context.
   */
  private letLogsUseKey(): void {
    const stack = Stack.of(this);
    const logGroups = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: '*',
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logGroups } },
      }),
    );
  }
}
