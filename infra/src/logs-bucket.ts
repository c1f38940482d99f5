import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * A private bucket that receives access logs (S3 server access logs, CloudFront standard logs)
 * and keeps them for the stage's retention. S3-managed keys and object ACLs, because that is
 * how both services deliver logs.
 */
export function logsBucket(scope: Construct, id: string, props: { of: string; days: number; keep: boolean }): Bucket {
  const bucket = new Bucket(scope, id, {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    enforceSSL: true,
    lifecycleRules: [{ expiration: Duration.days(props.days) }],
    removalPolicy: props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason: `This bucket receives the ${props.of}’s access logs; logging it into itself would loop.`,
  });
  Validations.of(bucket).acknowledge({
    id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
    reason:
      'S3 delivers server access logs only to a bucket encrypted with S3-managed keys, and CloudFront its standard logs with object ACLs; every object is still encrypted at rest.',
  });
  Validations.of(bucket).acknowledge({
    id: 'NIST.800.53.R5-S3BucketVersioningEnabled',
    reason:
      'Logs are written once by the delivery service and never rewritten; versions would only keep them past the stage’s retention, which the lifecycle rule is there to end.',
  });
  Validations.of(bucket).acknowledge({
    id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
    reason:
      'The logs name viewers’ and uploaders’ addresses; they stay in the stage’s region with the data they describe, for the stage’s retention.',
  });
  return bucket;
}
