import { contentSecurityPolicy } from '@peermap/web';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  CachePolicy,
  Distribution,
  GeoRestriction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { type Acknowledgement, acknowledge } from './acknowledge';
import { bucketRef } from './bucket-ref';
import { logsBucket } from './logs-bucket';

export interface WebAppProps {
  /** The Cognito sign-in domain the page exchanges its code at. */
  readonly signInDomain: string;
  readonly keep: boolean;
  readonly logDays: number;
  /** Encrypts the log group of the deployment that copies the files in. */
  readonly logKey: IKey;
}

/** What the page is told at start: where the API is and how to sign in. */
export interface WebAppConfig {
  apiBase: string;
  auth: { kind: 'cognito'; signInUrl: string; clientId: string; redirectUri: string };
}

/**
 * The web app in AWS: its files in a private bucket, served only through CloudFront (origin
 * access control), HTTPS only, to viewers in the United Kingdom, with the same strict content
 * security policy and security headers as the local server, and access logs kept.
 */
export class WebApp extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  /** The web app's origin (`https://d123.cloudfront.net`): the only one the API's CORS allows. */
  readonly origin: string;
  private readonly props: WebAppProps;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    this.props = props;
    const logs = logsBucket(this, 'Logs', { of: 'web app', days: props.logDays, keep: props.keep });
    this.bucket = this.createFilesBucket(logs);
    const headers = this.createSecurityHeaders();
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'peermap web app',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      geoRestriction: GeoRestriction.allowlist('GB'),
      enableLogging: true,
      logBucket: bucketRef(logs),
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucketRef(this.bucket)),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: CachePolicy.CACHING_DISABLED,
      },
    });
    acknowledge(this.distribution, DISTRIBUTION_FINDINGS);
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }

  /** The private bucket of the built files, its access logged. */
  private createFilesBucket(logs: Bucket): Bucket {
    const bucket = new Bucket(this, 'Files', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: bucketRef(logs),
      serverAccessLogsPrefix: 'files/',
      removalPolicy: this.props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    acknowledge(bucket, FILES_BUCKET_FINDINGS);
    return bucket;
  }

  /** The same strict content security policy and security headers as the local server's. */
  private createSecurityHeaders(): ResponseHeadersPolicy {
    const region = Stack.of(this).region;
    return new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'peermap: the web app’s content security policy and security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // The API's own address is not known before it exists; API Gateway's domain in the region is.
          contentSecurityPolicy: contentSecurityPolicy([
            `https://*.execute-api.${region}.amazonaws.com`,
            `https://${this.props.signInDomain}`,
            // A large workbook is put straight into the upload bucket with a presigned URL.
            `https://*.s3.${region}.amazonaws.com`,
          ]),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'cache-control', value: 'no-store', override: true }] },
    });
  }

  /** Uploads the built files and the page's configuration, and clears CloudFront's copies. */
  deploy(source: string, config: WebAppConfig): void {
    // CDK's deployment handler logs into a group of the stack's own, encrypted and expired like
    // the others, instead of one Lambda would make on first use and keep for ever.
    const logGroup = new LogGroup(this, 'DeployLogs', {
      // The stage settings were checked against CloudWatch's own list of retentions.
      retention: this.props.logDays as RetentionDays,
      encryptionKey: this.props.logKey,
      removalPolicy: this.props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    new BucketDeployment(this, 'Deploy', {
      logGroup,
      sources: [Source.asset(source), Source.jsonData('config.json', config)],
      destinationBucket: bucketRef(this.bucket),
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
  }
}

/** The bucket of the built files, and why its findings stand. */
const FILES_BUCKET_FINDINGS: readonly Acknowledgement[] = [
  {
    id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
    reason:
      'The bucket holds the built web app and its config.json, the same files CloudFront gives every viewer; S3-managed keys encrypt them at rest, and a customer key would guard nothing secret.',
  },
  {
    id: 'NIST.800.53.R5-S3BucketVersioningEnabled',
    reason: 'Each deploy replaces every file from the repository, which keeps every earlier version.',
  },
  {
    id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
    reason:
      'The files are rebuilt from the repository at each deploy; CloudFront already serves them from its edge caches.',
  },
];

/** The distribution, and why its findings stand. */
const DISTRIBUTION_FINDINGS: readonly Acknowledgement[] = [
  {
    id: 'AwsSolutions-CFR2',
    reason:
      'A CloudFront web ACL must live in us-east-1; the app serves static files only, and the API it calls is behind Cognito and throttling.',
  },
  {
    id: 'AwsSolutions-CFR4',
    reason:
      'The default CloudFront certificate cannot set a minimum TLS version; a partnership that adds its own domain sets TLSv1.2_2021 with its certificate.',
  },
];
