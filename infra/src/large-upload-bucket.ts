import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { bucketRef } from './bucket-ref';
import { logsBucket } from './logs-bucket';

export interface LargeUploadBucketProps {
  readonly webOrigin: string;
  readonly keep: boolean;
  /** How long the bucket's own access logs are kept. */
  readonly accessLogDays: number;
}

/** Raw workbooks are needed only until they are processed: they expire after a day. */
export const RAW_UPLOAD_DAYS = 1;

/**
 * Where workbooks too large for a request are put (by a presigned PUT from the web app) and
 * read once by the large-upload function: private, encrypted with its own rotated key, TLS
 * only, raw files expired after a day, with server access logs in a bucket of their own.
 */
export class LargeUploadBucket extends Construct {
  readonly bucket: Bucket;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: LargeUploadBucketProps) {
    super(scope, id);
    const removalPolicy = props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const accessLogs = logsBucket(this, 'AccessLogs', {
      of: 'upload bucket',
      days: props.accessLogDays,
      keep: props.keep,
    });
    this.key = new Key(this, 'Key', {
      description: 'peermap: encrypts workbooks waiting to be processed',
      enableKeyRotation: true,
      removalPolicy,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: bucketRef(accessLogs),
      serverAccessLogsPrefix: 'large-uploads/',
      lifecycleRules: [
        {
          expiration: Duration.days(RAW_UPLOAD_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(RAW_UPLOAD_DAYS),
        },
      ],
      cors: [
        {
          allowedOrigins: [props.webOrigin],
          allowedMethods: [HttpMethods.PUT],
          allowedHeaders: ['content-type'],
          maxAge: 3600,
        },
      ],
      removalPolicy,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'NIST.800.53.R5-S3BucketVersioningEnabled',
      reason:
        'Raw workbooks hold children’s data and must be gone a day after upload; versioning would keep replaced and expired workbooks on as noncurrent versions past that day.',
    });
    Validations.of(this.bucket).acknowledge({
      id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
      reason:
        'Raw workbooks hold children’s data, are read once and expire after a day; a replica would copy them out of the stage’s region and outlive that day.',
    });
  }
}
