import type { Bucket, IBucket } from 'aws-cdk-lib/aws-s3';

/**
 * The same bucket, seen as the interface CDK's props ask for: CDK's classes are written
 * without `exactOptionalPropertyTypes`, which this project type-checks with.
 */
export const bucketRef = (bucket: Bucket): IBucket => bucket as IBucket;
