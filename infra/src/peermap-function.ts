import { join } from 'node:path';
import { AUDIT_PARTITIONS, TABLE_ACTIONS, TABLE_KEY_ACTIONS, tableResources } from '@peermap/store';
import { type Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { SafeguardingTable } from './safeguarding-table';

/** The repository's root: entry points, the lockfile and esbuild are found from here. */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** The current Node.js runtime of Lambda (cdk-nag's L1 checks it is the latest CDK knows). */
export const RUNTIME = Runtime.NODEJS_24_X;

/**
 * How every handler is bundled: locally by esbuild (never Docker), one minified ES module
 * with a source map. Nothing is left external: the bundle carries every module it imports,
 * the AWS SDK and `@smithy/*` included, at the versions of our lockfile. The Node.js
 * runtime's own SDK copy is a convenience with lagging, unlisted versions and no `@smithy/*`,
 * so a bundle leaning on it could fail at its first cold start. `require` is provided for the
 * CommonJS libraries the bundle carries (exceljs, docx). `infra/src/build-bundles.ts` builds
 * the same bundles outside CDK for the tests and the benchmark.
 */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: 'node24',
  mainFields: ['module', 'main'],
  externalModules: [],
  // The picture renderer's WebAssembly and font ride inside the bundle as bytes, and the code
  // is told so (packages/reports/src/picture.ts): a function unpacked alone has no files beside it.
  loader: { '.wasm': 'binary', '.ttf': 'binary' },
  define: { PEERMAP_BUNDLED_FILES: 'true' },
  banner:
    "import { createRequire as peermapRequire } from 'node:module'; const require = peermapRequire(import.meta.url);",
  forceDockerBundling: false,
};

/**
 * What a function may do to the table: `read` (its reads, and writing its own audit events),
 * `write` (the map's items too), or `none`. Whatever it is, the function reaches the table only
 * through its data role, one partnership at a time (see `tenant-scope.ts` in the store).
 */
export type TableAccess = 'none' | 'read' | 'write';

export interface PeermapFunctionProps {
  /** The handler's file in `functions/`, without `.ts`. */
  readonly entry: string;
  readonly description: string;
  readonly table: SafeguardingTable;
  readonly tableAccess: TableAccess;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly logRetention: RetentionDays;
  /** Encrypts the function's log group. */
  readonly logKey: IKey;
  readonly keep: boolean;
  readonly environment?: Record<string, string>;
  /** How many may run at once, set aside from the account's pool; unset, it draws on the shared pool. */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * One Lambda handler with its own log group, execution role and data role. The execution
 * role holds no table permission at all: only `sts:AssumeRole` on the data role, whose
 * policy holds exactly the table actions of `tableAccess`. The handler assumes it per
 * partnership with a session policy pinned to that partnership's keys.
 */
export class PeermapFunction extends Construct {
  readonly function: NodejsFunction;
  readonly executionRole: Role;
  readonly dataRole?: Role;

  constructor(scope: Construct, id: string, props: PeermapFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: props.keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.executionRole = this.createExecutionRole(props, logGroup);
    const environment: Record<string, string> = { ...props.environment };
    if (props.tableAccess !== 'none') {
      this.dataRole = this.createDataRole(props);
      this.dataRole.grantAssumeRole(this.executionRole);
      Object.assign(environment, {
        TABLE_NAME: props.table.table.tableName,
        TABLE_ARN: props.table.table.tableArn,
        TABLE_KEY_ARN: props.table.key.keyArn,
        DATA_ROLE_ARN: this.dataRole.roleArn,
      });
    }
    this.function = this.createHandler(props, logGroup, environment);
    this.acknowledgeFindings();
  }

  /** The role the function runs as: its own log group, and nothing of the table. */
  private createExecutionRole(props: PeermapFunctionProps, logGroup: LogGroup): Role {
    const role = new Role(this, 'ExecutionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `peermap ${props.entry}: runs the function; reaches data only through its data role`,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    return role;
  }

  /** The handler itself, bundled from `functions/`, logging as JSON and traced. */
  private createHandler(
    props: PeermapFunctionProps,
    logGroup: LogGroup,
    environment: Record<string, string>,
  ): NodejsFunction {
    return new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, 'functions', `${props.entry}.ts`),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'pnpm-lock.yaml'),
      description: props.description,
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      role: this.executionRole,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      // Stack traces in the logs point at the TypeScript, through the source map beside the bundle.
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'peermap', NODE_OPTIONS: '--enable-source-maps' },
      bundling: BUNDLING,
    });
  }

  /** What the rules find on the function and its roles, each with its reason. */
  private acknowledgeFindings(): void {
    Validations.of(this.executionRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray tracing: PutTraceSegments and PutTelemetryRecords have no resource-level permissions.',
    });
    Validations.of(this.executionRole).acknowledge({
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason:
        'The policy is this one function’s (its log group, its data role, its own wiring); a managed policy would be shared by nothing.',
    });
    if (this.dataRole) {
      Validations.of(this.dataRole).acknowledge({
        id: 'NIST.800.53.R5-IAMNoInlinePolicy',
        reason: 'The policy holds exactly this function’s table actions and belongs to no other role.',
      });
    }
    Validations.of(this.function).acknowledge({
      id: 'NIST.800.53.R5-LambdaInsideVPC',
      reason:
        'The function reaches only AWS service APIs (DynamoDB, STS, S3, Lambda, X-Ray) over TLS, each call authorised by IAM; the stack has no private network resource, and a VPC would add NAT or an endpoint per service without narrowing what it can reach.',
    });
  }

  private createDataRole(props: PeermapFunctionProps): Role {
    const role = new Role(this, 'DataRole', {
      assumedBy: this.executionRole,
      description: `peermap ${props.entry}: ${props.tableAccess} access to the table, one partnership per session`,
    });
    const resources = tableResources(props.table.table.tableArn);
    role.addToPolicy(new PolicyStatement({ actions: [...TABLE_ACTIONS.read], resources }));
    if (props.tableAccess === 'write') {
      role.addToPolicy(
        new PolicyStatement({ actions: [...TABLE_ACTIONS.write], resources: [props.table.table.tableArn] }),
      );
    } else {
      role.addToPolicy(
        new PolicyStatement({
          actions: [...TABLE_ACTIONS.audit],
          resources: [props.table.table.tableArn],
          conditions: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITIONS] },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        }),
      );
    }
    role.addToPolicy(
      new PolicyStatement({
        actions: [...TABLE_KEY_ACTIONS],
        resources: [props.table.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
    return role;
  }
}
