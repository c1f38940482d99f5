import { FUNCTIONS, routesByFunction } from '@peermap/api';
import { Role } from '@peermap/domain';
import { createTableInput, TABLE_DEFINITION } from '@peermap/store';
import { FeatureFlags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { appWithoutBundling, builtWebApp, cdkJsonContext } from './app.testing';
import type { Stage } from './stage-settings';

process.env['CDK_VALIDATION'] = 'false';

type Resource = { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const templates: Partial<Record<Stage, Template>> = {};
const template = (stage: Stage) => {
  const found = templates[stage];
  if (!found) throw new Error(`no ${stage} template`);
  return found;
};

// Building the web app and both stages takes a few seconds, more than vitest's default on a busy machine.
beforeAll(async () => {
  await builtWebApp();
  const { stacks } = appWithoutBundling();
  for (const stage of ['dev', 'prod'] as const) {
    const stack = stacks[stage];
    if (stack) templates[stage] = Template.fromStack(stack);
  }
}, 30_000);

const resourcesOf = (stage: Stage, type: string): [string, Resource][] =>
  Object.entries(template(stage).findResources(type) as Record<string, Resource>);

const actionsOf = (statement: Statement) => [statement.Action].flat();

/** Every statement of every inline policy attached to the given role. */
function statementsOfRole(stage: Stage, roleId: string): Statement[] {
  const policies = resourcesOf(stage, 'AWS::IAM::Policy').filter(([, policy]) =>
    JSON.stringify(policy.Properties['Roles']).includes(`"${roleId}"`),
  );
  return policies.flatMap(
    ([, policy]) => (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement,
  );
}

/** Our functions (CDK's own helpers, such as the S3 notification handler, are not ours). */
const ourFunctions = (stage: Stage) =>
  resourcesOf(stage, 'AWS::Lambda::Function').filter(([, fn]) => fn.Properties['Runtime'] === 'nodejs24.x');

const roleIdOf = (fn: Resource) => (fn.Properties['Role'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

describe('the data', () => {
  it('builds the table from the same definition as DynamoDB Local', () => {
    const local = createTableInput('peermap');
    const [[, table] = ['', undefined]] = resourcesOf('dev', 'AWS::DynamoDB::GlobalTable');
    expect(table?.Properties['KeySchema']).toEqual(local.KeySchema);
    expect(table?.Properties['AttributeDefinitions']).toEqual(expect.arrayContaining(local.AttributeDefinitions ?? []));
    expect(table?.Properties['GlobalSecondaryIndexes']).toEqual(local.GlobalSecondaryIndexes);
    expect(table?.Properties['TimeToLiveSpecification']).toEqual({
      AttributeName: TABLE_DEFINITION.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it.each(['dev', 'prod'] as const)(
    'encrypts the %s table with a rotated customer key, on demand, with PITR',
    (stage) => {
      template(stage).hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            SSESpecification: { KMSMasterKeyId: Match.anyValue() },
          }),
        ],
      });
      for (const [, key] of resourcesOf(stage, 'AWS::KMS::Key')) expect(key.Properties['EnableKeyRotation']).toBe(true);
    },
  );

  it.each(['dev', 'prod'] as const)(
    'encrypts every %s log group, the API access logs and the web deployment’s among them, with the table’s key',
    (stage) => {
      const [[keyId] = ['']] = resourcesOf(stage, 'AWS::KMS::Key').filter(([, key]) =>
        String(key.Properties['Description']).includes('safeguarding map table'),
      );
      const groups = resourcesOf(stage, 'AWS::Logs::LogGroup');
      expect(groups).toHaveLength(ourFunctions(stage).length + 2);
      for (const [, group] of groups) expect(group.Properties['KmsKeyId']).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      const [[, apiStage] = ['', undefined]] = resourcesOf(stage, 'AWS::ApiGatewayV2::Stage');
      const destination = JSON.stringify(apiStage?.Properties['AccessLogSettings']);
      expect(groups.filter(([id]) => destination.includes(`"${id}"`))).toHaveLength(1);
      const [[, deployer] = ['', undefined]] = resourcesOf(stage, 'AWS::Lambda::Function').filter(([id]) =>
        id.startsWith('CustomCDKBucketDeployment'),
      );
      const deployLogs = JSON.stringify(deployer?.Properties['LoggingConfig']);
      expect(groups.filter(([id]) => deployLogs.includes(`"${id}"`))).toHaveLength(1);
    },
  );

  it('lets CloudWatch Logs of the region use the key only for this account’s log groups', () => {
    const [[, key] = ['', undefined]] = resourcesOf('prod', 'AWS::KMS::Key').filter(([, key]) =>
      String(key.Properties['Description']).includes('safeguarding map table'),
    );
    const policy = key?.Properties['KeyPolicy'] as { Statement: (Statement & { Principal: unknown })[] } | undefined;
    const logs = (policy?.Statement ?? []).filter((statement) => JSON.stringify(statement.Principal).includes('logs.'));
    expect(logs).toHaveLength(1);
    expect(logs[0]?.Principal).toEqual({ Service: 'logs.eu-west-2.amazonaws.com' });
    expect(actionsOf(logs[0] as Statement).sort()).toEqual(
      ['kms:Decrypt*', 'kms:Describe*', 'kms:Encrypt*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'].sort(),
    );
    expect(JSON.stringify(logs[0]?.Condition)).toMatch(
      /^\{"ArnLike":\{"kms:EncryptionContext:aws:logs:arn":.*:logs:eu-west-2:.*:log-group:\*"\]\]\}\}\}$/,
    );
  });

  it('retains the table and its key in prod and protects the table from deletion', () => {
    template('prod').hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    template('prod').hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Description: Match.stringLikeRegexp('safeguarding map table') }),
    });
    template('dev').hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});

describe('sign-in', () => {
  it('lets only admins create users, requires MFA and a strong password, and enforces threat protection', () => {
    template('prod').hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('names each user’s partnership in an attribute that cannot change and the app cannot write', () => {
    template('prod').hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'partnership', Mutable: false })]),
    });
    const [[, client] = ['', undefined]] = resourcesOf('prod', 'AWS::Cognito::UserPoolClient');
    expect(client?.Properties['GenerateSecret']).toBe(false);
    expect(client?.Properties['ReadAttributes']).toContain('custom:partnership');
    expect(client?.Properties['WriteAttributes']).not.toContain('custom:partnership');
    expect(JSON.stringify(client?.Properties['CallbackURLs'])).toMatch(/WebDistribution.*DomainName/);
  });

  it('has one group per peermap role, and no other', () => {
    const groups = resourcesOf('dev', 'AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties['GroupName']);
    expect(groups.sort()).toEqual([...Role.options].sort());
  });
});

describe('the API', () => {
  const expectedRoutes = () => [
    ...Object.values(routesByFunction()).flatMap((routes) => routes.map((r) => `${r.method} ${r.path}`)),
    'GET /v1/openapi.json',
  ];

  const publicRoutes = () =>
    Object.values(routesByFunction()).flatMap((routes) =>
      routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`),
    );

  it('serves every route of every function, each behind the Cognito JWT authorizer but the public ones', () => {
    const routes = resourcesOf('prod', 'AWS::ApiGatewayV2::Route');
    expect(routes.map(([, route]) => route.Properties['RouteKey']).sort()).toEqual(expectedRoutes().sort());
    for (const [, route] of routes) {
      if (publicRoutes().includes(String(route.Properties['RouteKey']))) continue;
      expect(route.Properties['AuthorizationType']).toBe('JWT');
      expect(route.Properties['AuthorizerId']).toEqual({ Ref: expect.stringMatching(/^HttpApiCognito/) });
    }
    template('prod').hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('opens only the parent’s feedback form without signing in, in its own function, each route throttled far below the stage', () => {
    expect(publicRoutes().sort()).toEqual(['GET /v1/feedback-form/{key}', 'POST /v1/feedback-form/{key}']);
    expect(Object.entries(routesByFunction()).filter(([, routes]) => routes.some((r) => r.public))).toEqual([
      ['feedback-form', expect.any(Array)],
    ]);
    const routes = resourcesOf('prod', 'AWS::ApiGatewayV2::Route').filter(([, route]) =>
      publicRoutes().includes(String(route.Properties['RouteKey'])),
    );
    expect(routes).toHaveLength(2);
    for (const [, route] of routes) {
      expect(route.Properties['AuthorizationType']).toBe('NONE');
      expect(route.Properties['AuthorizerId']).toBeUndefined();
    }
    const [[, stage] = ['', undefined]] = resourcesOf('prod', 'AWS::ApiGatewayV2::Stage');
    const settings = stage?.Properties['RouteSettings'] as Record<string, Record<string, number>>;
    expect(Object.keys(settings).sort()).toEqual(publicRoutes().sort());
    for (const key of publicRoutes()) {
      expect(settings[key]).toEqual({ ThrottlingRateLimit: 2, ThrottlingBurstLimit: 5 });
    }
  });

  it("allows CORS from the web app's origin only", () => {
    const [[, api] = ['', undefined]] = resourcesOf('prod', 'AWS::ApiGatewayV2::Api');
    const origins = (api?.Properties['CorsConfiguration'] as { AllowOrigins: unknown[] } | undefined)?.AllowOrigins;
    expect(origins).toHaveLength(1);
    expect(JSON.stringify(origins)).toMatch(
      /^\[\{"Fn::Join":\["",\["https:\/\/",\{"Fn::GetAtt":\["WebDistribution[0-9A-F]+","DomainName"\]\}\]\]\}\]$/,
    );
  });

  it('throttles, and keeps JSON access logs for the stage’s retention', () => {
    template('prod').hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId"') },
    });
    const retentions = resourcesOf('prod', 'AWS::Logs::LogGroup').map(
      ([, group]) => group.Properties['RetentionInDays'],
    );
    expect(new Set(retentions)).toEqual(new Set([400]));
  });
});

describe('the functions', () => {
  it('are one per handler: every route group, the analysis run, the large upload, the sweep and the API document', () => {
    const descriptions = ourFunctions('dev').map(([, fn]) => String(fn.Properties['Description']));
    expect(descriptions).toHaveLength(Object.keys(FUNCTIONS).length + 4);
    for (const name of Object.keys(FUNCTIONS)) expect(descriptions).toContain(`peermap API: ${name}`);
  });

  it('run on arm64 with tracing, JSON logs in their own log group, and a timeout API Gateway can wait for', () => {
    for (const [, fn] of ourFunctions('prod')) {
      expect(fn.Properties['Architectures']).toEqual(['arm64']);
      expect(fn.Properties['TracingConfig']).toEqual({ Mode: 'Active' });
      expect(fn.Properties['LoggingConfig']).toMatchObject({
        LogFormat: 'JSON',
        LogGroup: { Ref: expect.any(String) },
      });
      const api = String(fn.Properties['Description']).startsWith('peermap API');
      if (api) expect(fn.Properties['Timeout']).toBeLessThanOrEqual(29);
    }
  });

  it('never hold a table permission in their own role, and never Scan anywhere', () => {
    for (const [, fn] of ourFunctions('prod')) {
      const actions = statementsOfRole('prod', roleIdOf(fn)).flatMap(actionsOf);
      expect(actions.filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    }
    const every = resourcesOf('prod', 'AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement.flatMap(actionsOf),
    );
    expect(every.filter((action) => /dynamodb:(Scan|\*)|^\*$/.test(action))).toEqual([]);
  });

  it('reach the table through a data role only their own role may assume, with the actions of their access', () => {
    for (const [, fn] of ourFunctions('prod')) {
      const description = String(fn.Properties['Description']);
      const environment = (fn.Properties['Environment'] as { Variables: Record<string, unknown> } | undefined)
        ?.Variables;
      if (description.includes('OpenAPI')) {
        expect(environment?.['DATA_ROLE_ARN']).toBeUndefined();
        continue;
      }
      const dataRoleArn = environment?.['DATA_ROLE_ARN'] as { 'Fn::GetAtt': [string, string] } | undefined;
      const dataRoleId = dataRoleArn?.['Fn::GetAtt'][0] ?? 'no data role';
      const dataRole = template('prod').toJSON()['Resources'][dataRoleId] as Resource;
      expect(JSON.stringify(dataRole.Properties['AssumeRolePolicyDocument'])).toContain(roleIdOf(fn));
      const statements = statementsOfRole('prod', dataRoleId);
      const actions = statements.flatMap(actionsOf);
      const readsOnly = /API: (audit|exports|reports)$/.test(description);
      const reads = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
      const writes = readsOnly
        ? ['dynamodb:PutItem', 'dynamodb:BatchWriteItem']
        : ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:UpdateItem'];
      const key = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'];
      const keyMore = ['kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];
      expect([...actions].sort()).toEqual([...reads, ...writes, ...key, ...keyMore].sort());
      if (readsOnly) {
        const put = statements.find((statement) => actionsOf(statement).includes('dynamodb:PutItem'));
        expect(put?.Condition).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#AUDIT#*'] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        });
      }
    }
  });

  it('hold in their own roles only what running needs: logs, tracing, their data role, and their own wiring', () => {
    const allowed = new Set([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'sts:AssumeRole',
      'lambda:InvokeFunction',
      's3:PutObject',
      's3:GetObject',
      'kms:GenerateDataKey',
      'kms:Decrypt',
      'sqs:SendMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
    ]);
    for (const [, fn] of ourFunctions('prod')) {
      const actions = statementsOfRole('prod', roleIdOf(fn)).flatMap(actionsOf);
      expect(actions.filter((action) => !allowed.has(action))).toEqual([]);
    }
  });

  it('start analysis runs only in the run function, and sign large uploads only into uploads/', () => {
    const analyses = ourFunctions('prod').find(([, fn]) => fn.Properties['Description'] === 'peermap API: analyses');
    const statements = analyses ? statementsOfRole('prod', roleIdOf(analyses[1])) : [];
    const invoke = statements.find((statement) => actionsOf(statement).includes('lambda:InvokeFunction'));
    expect(invoke?.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^RunAnalysis/), 'Arn'] });
    const uploads = ourFunctions('prod').find(([, fn]) => fn.Properties['Description'] === 'peermap API: uploads');
    const put = (uploads ? statementsOfRole('prod', roleIdOf(uploads[1])) : []).find((statement) =>
      actionsOf(statement).includes('s3:PutObject'),
    );
    expect(JSON.stringify(put?.Resource)).toMatch(/\/uploads\/\*"\]\]\}$/);
  });
});

/** The queue's alarm tells the operations topic as soon as one message waits. */
function expectAlarmOn(stage: Stage, queue: string) {
  template(stage).hasResourceProperties('AWS::CloudWatch::Alarm', {
    MetricName: 'ApproximateNumberOfMessagesVisible',
    Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${queue}`), 'QueueName'] } }],
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlertsTopic') }],
  });
}

describe('work that runs away from a request', () => {
  it.each([
    ['prod', 'Runs one queued analysis of a week', 'AlertsAnalysisRunsDeadLetters'],
    ['prod', 'Processes a large workbook once it lands in the upload bucket', 'AlertsLargeUploadsDeadLetters'],
    ['dev', 'Runs the nightly retention sweep of each partnership', 'AlertsRetentionSweepsDeadLetters'],
  ] as const)(
    '%s: %s: failures go, after two retries, to a dead-letter queue with an alarm on it',
    (stage, description, queue) => {
      const [[fnId] = ['']] = ourFunctions(stage).filter(([, fn]) => fn.Properties['Description'] === description);
      template(stage).hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: fnId },
        MaximumRetryAttempts: 2,
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${queue}`), 'Arn'] } },
        },
      });
      expectAlarmOn(stage, queue);
    },
  );

  it('sweeps every partnership the stage serves each night, as a scheduled event naming them', () => {
    const [[sweepId] = ['']] = ourFunctions('dev').filter(
      ([, fn]) => fn.Properties['Description'] === 'Runs the nightly retention sweep of each partnership',
    );
    template('dev').hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 2 * * ? *)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [sweepId, 'Arn'] },
          Input: JSON.stringify({ partnershipIds: ['demo'] }),
        }),
      ],
    });
  });

  it.each(['dev', 'prod'] as const)(
    '%s: the background functions run a few at a time, so a burst of them cannot take the concurrency the API draws on',
    (stage) => {
      const reserved = Object.fromEntries(
        ourFunctions(stage)
          .filter(([, fn]) => fn.Properties['ReservedConcurrentExecutions'] !== undefined)
          .map(([, fn]) => [fn.Properties['Description'], fn.Properties['ReservedConcurrentExecutions']]),
      );
      expect(reserved).toEqual({
        'Runs one queued analysis of a week': 5,
        'Processes a large workbook once it lands in the upload bucket': 5,
        'Runs the nightly retention sweep of each partnership': 1,
      });
    },
  );

  it.each(['dev', 'prod'] as const)(
    '%s: a night the schedule cannot hand to the sweep is retried twice within six hours, then waits on a dead-letter queue with an alarm',
    (stage) => {
      const queue = 'AlertsRetentionSweepDeliveriesDeadLetters';
      const [[ruleId, rule] = ['', undefined]] = resourcesOf(stage, 'AWS::Events::Rule');
      expect(rule?.Properties['Targets']).toEqual([
        expect.objectContaining({
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 6 * 60 * 60 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(`^${queue}`), 'Arn'] } },
        }),
      ]);
      template(stage).hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: Match.stringLikeRegexp(`^${queue}`) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
            }),
          ]),
        },
      });
      expectAlarmOn(stage, queue);
    },
  );

  it('tells the prod alarm email, and keeps the dead letters and their key when the prod stack goes', () => {
    template('prod').hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'peermap-alerts@example.org',
    });
    for (const [, queue] of resourcesOf('prod', 'AWS::SQS::Queue'))
      expect(queue).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  it('keeps large uploads private, encrypted with their own key, TLS only, and expires raw files after a day', () => {
    template('prod').hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ ExpirationInDays: 1, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })],
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'large-uploads/' }),
    });
    template('prod').hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the stages', () => {
  it('are built with every feature flag CDK recommends, but the one left off on purpose (docs/architecture.md)', () => {
    const leftOff = { '@aws-cdk/core:enableAdditionalMetadataCollection': false };
    const context = cdkJsonContext();
    for (const [flag, recommended] of Object.entries(CURRENTLY_RECOMMENDED_FLAGS)) {
      expect(context[flag], flag).toEqual(flag in leftOff ? leftOff[flag as keyof typeof leftOff] : recommended);
    }
    const stack = appWithoutBundling({ stage: 'dev' }).stacks.dev;
    expect(stack && FeatureFlags.of(stack).isEnabled('@aws-cdk/aws-iam:minimizePolicies')).toBe(true);
  });

  it('keep the data in the London region by default', () => {
    expect(appWithoutBundling().stacks.prod?.region).toBe('eu-west-2');
  });

  it('build one stage when the stage context names it', () => {
    expect(Object.keys(appWithoutBundling({ stage: 'prod' }).stacks)).toEqual(['prod']);
  });

  it('refuse settings that are not right, by name', () => {
    const stages = (prod: Record<string, unknown>) => ({
      'peermap:stages': {
        dev: {
          authDomainPrefix: 'a',
          logRetentionDays: 30,
          throttle: { rateLimit: 1, burstLimit: 1 },
          partnerships: [],
        },
        prod: {
          authDomainPrefix: 'b',
          logRetentionDays: 400,
          throttle: { rateLimit: 1, burstLimit: 1 },
          alarmEmail: 'alerts@example.org',
          partnerships: ['south-kent'],
          ...prod,
        },
      },
    });
    expect(() => appWithoutBundling(stages({ logRetentionDays: 45 }))).toThrow(/logRetentionDays/);
    expect(() => appWithoutBundling(stages({ authDomainPrefix: 'Not A Prefix' }))).toThrow(/authDomainPrefix/);
    expect(() => appWithoutBundling(stages({ throttle: { rateLimit: 10, burstLimit: 5 } }))).toThrow(/burstLimit/);
    expect(() => appWithoutBundling(stages({ alarmEmail: undefined }))).toThrow(/alarmEmail/);
    expect(() => appWithoutBundling(stages({ partnerships: ['South Kent'] }))).toThrow(/partnerships/);
    expect(() => appWithoutBundling(stages({ partnerships: ['kent', 'kent'] }))).toThrow(/partnerships/);
    expect(() => appWithoutBundling(stages({ partnerships: [] }))).toThrow(/partnerships/);
  });
});

describe('the web app', () => {
  it('is served only through CloudFront, over HTTPS, to the United Kingdom, with the strict headers', () => {
    template('prod').hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Restrictions: { GeoRestriction: { Locations: ['GB'], RestrictionType: 'whitelist' } },
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
    const [[, policy] = ['', undefined]] = resourcesOf('prod', 'AWS::CloudFront::ResponseHeadersPolicy');
    const csp = JSON.stringify(policy?.Properties);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('https://*.execute-api.eu-west-2.amazonaws.com');
    expect(csp).toContain('https://peermap.auth.eu-west-2.amazoncognito.com');
    expect(csp).toContain('"FrameOption":"DENY"');
  });

  it("tells the page where the API is and how to sign in, from the stack's own resources", () => {
    const deployments = resourcesOf('prod', 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(1);
    const markers = JSON.stringify(deployments[0]?.[1].Properties['SourceMarkers']);
    expect(markers).toMatch(/HttpApi/);
    expect(markers).toMatch(/UsersUserPoolWebApp/);
  });
});
