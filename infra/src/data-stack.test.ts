import { createTableInput, TABLE_DEFINITION } from '@peermap/store/table';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app';
import type { Stage } from './data-stack';

/** The stage's data stack as the real app builds it (bundling off: there is nothing to bundle here). */
const synth = (stage: Stage) => {
  const { data } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
  return Template.fromStack(data[stage]);
};

describe('the data stack', () => {
  it('builds the table from the same definition as DynamoDB Local', () => {
    const local = createTableInput('peermap');
    const table = Object.values(synth('dev').findResources('AWS::DynamoDB::GlobalTable'))[0]?.['Properties'];
    expect(table?.['KeySchema']).toEqual(local.KeySchema);
    expect(table?.['AttributeDefinitions']).toEqual(expect.arrayContaining(local.AttributeDefinitions ?? []));
    expect(table?.['GlobalSecondaryIndexes']).toEqual(local.GlobalSecondaryIndexes);
    expect(table?.['TimeToLiveSpecification']).toEqual({
      AttributeName: TABLE_DEFINITION.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('encrypts with a rotated customer-managed key and keeps point-in-time recovery', () => {
    const template = synth('dev');
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { KMSMasterKeyId: Match.anyValue() },
        }),
      ],
    });
  });

  it('retains the table and key in prod and protects the table from deletion', () => {
    const template = synth('prod');
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });

  it('keeps the data in the London region by default', () => {
    expect(buildApp(new App()).data.prod.region).toBe('eu-west-2');
  });

  it('lets a dev table be torn down', () => {
    synth('dev').hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});
