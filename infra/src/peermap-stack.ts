import { type FunctionName, routesByFunction } from '@peermap/api';
import { CfnOutput, Duration, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type CfnBucket, EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import { type Acknowledgement, acknowledge } from './acknowledge';
import { FailureAlerts } from './failure-alerts';
import { PeermapHttpApi } from './http-api';
import { LargeUploadBucket } from './large-upload-bucket';
import { PeermapFunction, type PeermapFunctionProps, type TableAccess } from './peermap-function';
import { SafeguardingTable } from './safeguarding-table';
import type { Stage, StageSettings } from './stage-settings';
import { UserDirectory } from './user-directory';
import { WebApp } from './web-app';

/** API Gateway gives an integration 30 s; a function answers within that or not at all. */
const API_TIMEOUT = Duration.seconds(29);

/** Each API function: what it may do to the table, and its memory (CPU grows with it). */
const API_FUNCTIONS: Record<FunctionName, { tableAccess: TableAccess; memorySize: number }> = {
  'young-people': { tableAccess: 'write', memorySize: 1024 },
  relationships: { tableAccess: 'write', memorySize: 1024 },
  locations: { tableAccess: 'write', memorySize: 1024 },
  sightings: { tableAccess: 'write', memorySize: 1024 },
  concerns: { tableAccess: 'write', memorySize: 1024 },
  carers: { tableAccess: 'write', memorySize: 1024 },
  audit: { tableAccess: 'read', memorySize: 1024 },
  uploads: { tableAccess: 'write', memorySize: 2048 },
  analyses: { tableAccess: 'write', memorySize: 1024 },
  'invitation-lists': { tableAccess: 'write', memorySize: 1024 },
  'action-plans': { tableAccess: 'write', memorySize: 1024 },
  exports: { tableAccess: 'read', memorySize: 1536 },
  settings: { tableAccess: 'write', memorySize: 1024 },
  reports: { tableAccess: 'read', memorySize: 1536 },
  'feedback-form': { tableAccess: 'write', memorySize: 512 },
};

/**
 * How many of each background function may run at once. Their work arrives asynchronously, so
 * when they are busy it waits in Lambda's own queue (retried within its event age) instead of
 * failing; without a limit, one partnership starting many runs or large uploads together could
 * take the account's concurrency the API functions draw on, and every partnership's requests
 * would be throttled. Runs take seconds (docs/benchmarks.md) and uploads about a minute, so five
 * at a time clear a burst well within their event ages; the sweep is one event a night naming
 * every partnership, so one at a time is all it needs. The total also leaves room for both
 * stages in one account: Lambda refuses a reservation that leaves under 100 unreserved.
 */
const RESERVED_CONCURRENCY = { runAnalysis: 5, processLargeUpload: 5, retentionSweep: 1 } as const;

/** How the schedule hands the nightly sweep to its function: 02:30 plus six hours is still before the working day. */
const SWEEP_DELIVERY = { retryAttempts: 2, maxEventAge: Duration.hours(6) } as const;

export interface PeermapStackProps extends StackProps {
  readonly stage: Stage;
  readonly settings: StageSettings;
  /** The built web app (`buildWebApp` of `@peermap/web`), uploaded as it is. */
  readonly webSource: string;
}

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());

/** What a function of the stack says of itself; the stack's defaults fill in the rest. */
type FunctionOptions = Pick<PeermapFunctionProps, 'description' | 'tableAccess' | 'memorySize'> &
  Partial<PeermapFunctionProps>;

/** The stack's parts that the functions are wired to. */
interface StackParts {
  readonly web: WebApp;
  readonly users: UserDirectory;
  readonly http: PeermapHttpApi;
  readonly alerts: FailureAlerts;
  readonly largeUploads: LargeUploadBucket;
  readonly signInDomain: string;
}

/**
 * One stage of peermap: the table, the user directory, the HTTP API and one function per
 * handler, the analysis runner and the large-upload pipeline with their dead-letter alarms.
 * Prod keeps its data when the stack is deleted; dev can be torn down.
 */
export class PeermapStack extends Stack {
  readonly data: SafeguardingTable;
  readonly functions = new Map<string, PeermapFunction>();
  private readonly keep: boolean;
  private readonly logRetention: RetentionDays;

  constructor(scope: Construct, id: string, props: PeermapStackProps) {
    super(scope, id, props);
    const { settings } = props;
    this.keep = props.stage === 'prod';
    // The stage settings were checked against CloudWatch's own list of retentions.
    this.logRetention = settings.logRetentionDays as RetentionDays;
    this.data = new SafeguardingTable(this, 'Data', { keep: this.keep });
    const parts = this.createParts(settings);
    const { web, users, http, alerts, largeUploads } = parts;

    const runAnalysis = this.addAnalysisRunner(alerts);
    const processLargeUpload = this.addLargeUploadProcessor(alerts, largeUploads);
    if (settings.partnerships.length > 0) this.sweepEveryNight(alerts, settings.partnerships);
    this.addApiFunctions(http, settings.throttle);
    this.letAnalysesStartRuns(runAnalysis);
    this.letUploadsSignLargeUploads(largeUploads, processLargeUpload);
    const openApi = this.addFunction('openapi', {
      description: 'peermap API: the OpenAPI document',
      tableAccess: 'none',
      memorySize: 512,
    });
    http.route('OpenApi', openApi.function, [{ method: 'GET', path: '/v1/openapi.json' }]);
    this.acknowledgeApiFunction(openApi, settings.throttle);

    web.deploy(props.webSource, {
      apiBase: http.api.apiEndpoint,
      auth: {
        kind: 'cognito',
        signInUrl: `https://${parts.signInDomain}`,
        clientId: users.webClient.userPoolClientId,
        redirectUri: `${web.origin}/`,
      },
    });

    this.acknowledgeCdkInternals(web, largeUploads);
    new CfnOutput(this, 'WebAppUrl', { value: `${web.origin}/` });
    new CfnOutput(this, 'ApiUrl', { value: http.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: users.webClient.userPoolClientId });
    new CfnOutput(this, 'LargeUploadBucket', { value: largeUploads.bucket.bucketName });
  }

  /** The web app, the user directory, the HTTP API, the failure alerts and the large-upload bucket. */
  private createParts(settings: StageSettings): StackParts {
    const { keep } = this;
    const signInDomain = `${settings.authDomainPrefix}.auth.${this.region}.amazoncognito.com`;
    const web = new WebApp(this, 'Web', {
      signInDomain,
      keep,
      logDays: settings.logRetentionDays,
      logKey: this.data.key,
    });
    const users = new UserDirectory(this, 'Users', {
      keep,
      webOrigin: web.origin,
      authDomainPrefix: settings.authDomainPrefix,
    });
    const http = new PeermapHttpApi(this, 'Http', {
      userPool: users.userPool,
      webClient: users.webClient,
      webOrigin: web.origin,
      throttle: settings.throttle,
      logRetention: this.logRetention,
      logKey: this.data.key,
      keep,
    });
    const alerts = new FailureAlerts(this, 'Alerts', {
      keep,
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
    });
    const largeUploads = new LargeUploadBucket(this, 'LargeUploads', {
      webOrigin: web.origin,
      keep,
      accessLogDays: settings.logRetentionDays,
    });
    return { web, users, http, alerts, largeUploads, signInDomain };
  }

  /** A function of the stack, with its defaults (the API's timeout, the stage's logs and keeping). */
  private addFunction(entry: string, options: FunctionOptions): PeermapFunction {
    const made = new PeermapFunction(this, pascal(entry), {
      entry,
      table: this.data,
      timeout: API_TIMEOUT,
      logRetention: this.logRetention,
      logKey: this.data.key,
      keep: this.keep,
      ...options,
    });
    this.functions.set(entry, made);
    return made;
  }

  /** The function that runs queued analyses, its failures alarmed. */
  private addAnalysisRunner(alerts: FailureAlerts): PeermapFunction {
    const runAnalysis = this.addFunction('run-analysis', {
      description: 'Runs one queued analysis of a week',
      tableAccess: 'write',
      memorySize: 3008,
      timeout: Duration.minutes(10),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.runAnalysis,
    });
    alerts.watch('AnalysisRuns', runAnalysis.function, {
      what: 'An analysis run',
      retryAttempts: 2,
      // A retry after the run was given up (20 minutes) would do nothing; stop well before.
      maxEventAge: Duration.minutes(15),
    });
    return runAnalysis;
  }

  /** The function that processes a large workbook once it lands in the bucket, its failures alarmed. */
  private addLargeUploadProcessor(alerts: FailureAlerts, largeUploads: LargeUploadBucket): PeermapFunction {
    const processLargeUpload = this.addFunction('process-large-upload', {
      description: 'Processes a large workbook once it lands in the upload bucket',
      tableAccess: 'write',
      memorySize: 3008,
      timeout: Duration.minutes(10),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.processLargeUpload,
      environment: { UPLOAD_BUCKET: largeUploads.bucket.bucketName },
    });
    processLargeUpload.executionRole.addToPolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [largeUploads.bucket.arnForObjects('uploads/*')] }),
    );
    largeUploads.key.grantDecrypt(processLargeUpload.executionRole);
    largeUploads.bucket.addEventNotification(
      EventType.OBJECT_CREATED,
      new LambdaDestination(processLargeUpload.function),
      { prefix: 'uploads/', suffix: '.xlsx' },
    );
    alerts.watch('LargeUploads', processLargeUpload.function, {
      what: 'A large upload',
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    });
    return processLargeUpload;
  }

  /** One function per group of API routes, each behind its routes. */
  private addApiFunctions(http: PeermapHttpApi, throttle: StageSettings['throttle']): void {
    const routes = routesByFunction();
    for (const [name, { tableAccess, memorySize }] of Object.entries(API_FUNCTIONS)) {
      const made = this.addFunction(name, { description: `peermap API: ${name}`, tableAccess, memorySize });
      http.route(pascal(name), made.function, routes[name as FunctionName]);
      this.acknowledgeApiFunction(made, throttle);
    }
  }

  /** The analyses function hands a queued run to the runner. */
  private letAnalysesStartRuns(runAnalysis: PeermapFunction): void {
    const analyses = this.functions.get('analyses');
    analyses?.function.addEnvironment('ANALYSIS_FUNCTION_NAME', runAnalysis.function.functionName);
    analyses?.executionRole.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [runAnalysis.function.functionArn] }),
    );
  }

  /** The uploads function signs the PUT of a large workbook; it and the processor reach the slots' objects. */
  private letUploadsSignLargeUploads(largeUploads: LargeUploadBucket, processLargeUpload: PeermapFunction): void {
    const uploads = this.functions.get('uploads');
    uploads?.function.addEnvironment('UPLOAD_BUCKET', largeUploads.bucket.bucketName);
    // The presigned PUT is signed with the uploads function's own credentials.
    uploads?.executionRole.addToPolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [largeUploads.bucket.arnForObjects('uploads/*')] }),
    );
    uploads?.executionRole.addToPolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey'],
        resources: [largeUploads.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${this.region}.amazonaws.com` } },
      }),
    );
    for (const reader of [uploads, processLargeUpload]) {
      if (!reader) continue;
      Validations.of(reader.executionRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(largeUploads.bucket.node.defaultChild as CfnBucket)}.Arn>/uploads/*]`,
        reason: 'One object per large-upload slot under uploads/<partnership>/; the keys are made as slots are.',
      });
    }
  }

  /**
   * The retention sweep of every partnership the stage serves, each night at 02:30 UTC: people
   * past their removal date are erased and every expiry follows the map (DynamoDB's TTL is only
   * the backstop). A failed night retries twice, then waits on its dead-letter queue with an alarm;
   * so does a night the schedule could not deliver.
   */
  private sweepEveryNight(alerts: FailureAlerts, partnershipIds: readonly string[]): void {
    const sweep = this.addFunction('retention-sweep', {
      description: 'Runs the nightly retention sweep of each partnership',
      tableAccess: 'write',
      memorySize: 1536,
      timeout: Duration.minutes(15),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.retentionSweep,
    });
    new Rule(this, 'RetentionSweepEveryNight', {
      description: 'peermap: the nightly retention sweep',
      schedule: Schedule.cron({ minute: '30', hour: '2' }),
      targets: [
        new LambdaFunction(sweep.function, {
          event: RuleTargetInput.fromObject({ partnershipIds }),
          // EventBridge retries handing the night to Lambda (throttled, unavailable) before the
          // working day begins, then leaves the event on a queue of its own with an alarm.
          retryAttempts: SWEEP_DELIVERY.retryAttempts,
          maxEventAge: SWEEP_DELIVERY.maxEventAge,
          deadLetterQueue: alerts.deadLetters(
            'RetentionSweepDeliveries',
            'The nightly retention sweep could not be handed to its function',
          ),
        }),
      ],
    });
    alerts.watch('RetentionSweeps', sweep.function, {
      what: 'The nightly retention sweep',
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
  }

  /** What the rules ask of asynchronous functions, answered for one behind the API. */
  private acknowledgeApiFunction(made: PeermapFunction, throttle: StageSettings['throttle']): void {
    for (const rule of ['Serverless-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ']) {
      Validations.of(made.function).acknowledge({
        id: rule,
        reason:
          'API Gateway invokes the function synchronously: a failure is the caller’s error response, and is logged. A dead-letter queue only ever receives asynchronous invocations.',
      });
    }
    Validations.of(made.function).acknowledge({
      id: 'NIST.800.53.R5-LambdaConcurrency',
      reason: `The API stage’s throttling (${throttle.rateLimit} requests a second, bursts of ${throttle.burstLimit}) bounds every API function together; a reservation for each would split the account’s pool and refuse requests the stage allows.`,
    });
  }

  /** Findings on the helpers CDK itself adds (bucket notifications, file deployment), each with its reason. */
  private acknowledgeCdkInternals(web: WebApp, largeUploads: LargeUploadBucket): void {
    const deployer = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (deployer) {
      const webFiles = `<${this.getLogicalId(web.bucket.node.defaultChild as CfnBucket)}.Arn>/*`;
      // With the region known, CDK writes the partition itself (`@aws-cdk/core:enablePartitionLiterals`).
      const partition = Token.isUnresolved(this.partition) ? '<AWS::Partition>' : this.partition;
      const assets = `arn:${partition}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${this.region}/*`;
      acknowledge(deployer, deployerFindings({ assets, webFiles }));
    }
    const notifications = largeUploads.bucket.node.tryFindChild('Notifications');
    if (notifications) acknowledge(notifications, NOTIFICATIONS_FINDINGS);
    const handler = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (handler) acknowledge(handler, NOTIFICATIONS_HANDLER_FINDINGS);
  }
}

const DEPLOYER_READS_AND_REPLACES =
  'CDK’s own deployment handler reads the built web app asset and replaces every file of its bucket.';

/** CDK's own deployment handler, which copies the built web app into its bucket, given the asset and web-file ARNs. */
const deployerFindings = (arns: { assets: string; webFiles: string }): readonly Acknowledgement[] => [
  {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'CDK’s own deployment handler copies the built web app into its bucket once per deploy.',
  },
  ...[
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    `Resource::${arns.assets}`,
    `Resource::${arns.webFiles}`,
    // CloudFront's CreateInvalidation and GetInvalidation take no resource-level permissions.
    'Resource::*',
  ].map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: DEPLOYER_READS_AND_REPLACES })),
  ...['AwsSolutions-L1', 'Serverless-LambdaLatestVersion'].map((id) => ({
    id,
    reason: 'CDK’s own deployment handler runs the runtime CDK chose for it.',
  })),
  ...['Serverless-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'].map((id) => ({
    id,
    reason:
      'CDK’s own deployment handler is a custom resource CloudFormation calls synchronously; a failure fails the deploy, which is rolled back.',
  })),
  {
    id: 'Serverless-LambdaTracing',
    reason: 'CDK’s own deployment handler runs once per deploy and serves no request; its log is enough.',
  },
  {
    id: 'NIST.800.53.R5-LambdaConcurrency',
    reason: 'CDK’s own deployment handler runs once per deploy, started by CloudFormation.',
  },
  {
    id: 'NIST.800.53.R5-LambdaInsideVPC',
    reason: 'CDK’s own deployment handler reaches only S3 and CloudFront APIs; there is no VPC in the stack.',
  },
  {
    id: 'NIST.800.53.R5-IAMNoInlinePolicy',
    reason: 'CDK’s own deployment handler’s role holds the policy CDK writes for the one bucket it fills.',
  },
];

/** The policy of CDK's own S3 notification handler, on the large-upload bucket. */
const NOTIFICATIONS_FINDINGS: readonly Acknowledgement[] = [
  {
    id: 'NIST.800.53.R5-IAMNoInlinePolicy',
    reason:
      'CDK’s own S3 notification handler’s policy, written by CDK for the one bucket it configures (PutBucketNotification).',
  },
];

/** CDK's own S3 notification handler, which configures the large-upload bucket's notification. */
const NOTIFICATIONS_HANDLER_FINDINGS: readonly Acknowledgement[] = [
  {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'CDK’s own S3 notification handler uses the basic Lambda execution policy; it only configures the bucket.',
  },
  {
    id: 'AwsSolutions-IAM5',
    reason: 'CDK’s own S3 notification handler needs PutBucketNotification on the bucket it configures.',
  },
];
