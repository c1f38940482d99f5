import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedbackKeyOf, tokenHashOf } from '@peermap/api';
import type { Role } from '@peermap/domain';
import { AnalysisSnapshot, SheetName } from '@peermap/domain';
import { buildBundles, copyAlone, functionEntries } from '@peermap/infra/build-bundles';
import { workbookOf } from '@peermap/ingest';
import { DEMO_WEEKS, demoFiles, loadDemo, localClientConfig } from '@peermap/local';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';
import { startLambdaStandIn, startS3StandIn, startStsStandIn } from './aws-stand-ins';
import apiEventFixture from './fixtures/http-api-jwt-event.json' with { type: 'json' };
import s3EventFixture from './fixtures/s3-object-created.json' with { type: 'json' };
import { invoke } from './run-bundle';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-2';
const UPLOAD_BUCKET = 'peermap-test-large-uploads';
const ANALYSIS_FUNCTION_NAME = 'peermap-test-run-analysis';
const DEMO = 'demo';
/** A partnership with nothing in it, for the large upload (the demo already holds its weeks). */
const FRESH = 'shipped';

/**
 * The execution role's credentials, which the Lambda service puts in every function's
 * environment. Fake, and deliberately not the keys of the test's table: a bundle that reached
 * DynamoDB with these instead of its partnership's session would find no table.
 */
const EXECUTION_ROLE = {
  AWS_ACCESS_KEY_ID: 'peermapexecutionrole',
  AWS_SECRET_ACCESS_KEY: 'peermapexecutionrole',
  AWS_SESSION_TOKEN: 'peermapexecutionrole',
};

type Table = Awaited<ReturnType<typeof createTestTable>>;

/** An API request as API Gateway's HTTP API hands it over after its JWT authorizer let it in. */
interface ApiRequest {
  readonly role: Role;
  readonly partnership?: string;
  /** The route key, `METHOD /path/{param}`. */
  readonly route: string;
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
}

function apiEvent(request: ApiRequest) {
  const [method = 'GET', template = '/'] = request.route.split(' ');
  const params = request.params ?? {};
  const rawPath = template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
  const rawQueryString = new URLSearchParams(request.query ?? {}).toString();
  const partnership = request.partnership ?? DEMO;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const fixture = apiEventFixture;
  const userId = `${request.role}-${randomUUID()}`;
  return {
    ...fixture,
    routeKey: request.route,
    rawPath,
    rawQueryString,
    headers: {
      ...fixture.headers,
      'content-length': String(body?.length ?? 0),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(request.query ? { queryStringParameters: request.query } : {}),
    ...(request.params ? { pathParameters: request.params } : {}),
    ...(body === undefined ? {} : { body }),
    requestContext: {
      ...fixture.requestContext,
      routeKey: request.route,
      requestId: randomUUID(),
      http: { ...fixture.requestContext.http, method, path: rawPath },
      authorizer: {
        ...fixture.requestContext.authorizer,
        jwt: {
          ...fixture.requestContext.authorizer.jwt,
          // API Gateway hands every claim over as a string, a list as `[a b]`.
          claims: {
            ...fixture.requestContext.authorizer.jwt.claims,
            sub: userId,
            'cognito:username': userId,
            'cognito:groups': `[${request.role}]`,
            'custom:partnership': partnership,
          },
        },
      },
    },
  };
}

/** What the demo weeks hold that a request names. */
interface DemoIds {
  readonly clusterId: string;
  readonly latestWeek: string;
}

/**
 * One real request for each API function that works on the table (a read of its resource or a
 * write), by a role that may make it. `uploads` and `analyses` are also run below with the
 * functions they hand work to.
 */
const API_REQUESTS: [entry: string, request: (demo: DemoIds) => ApiRequest][] = [
  ['young-people', () => ({ role: 'madp-chair', route: 'GET /v1/young-people' })],
  ['relationships', () => ({ role: 'madp-chair', route: 'GET /v1/relationships' })],
  [
    'locations',
    () => ({
      role: 'police-analyst',
      route: 'POST /v1/locations',
      body: {
        ref: 'LSHIPPED',
        name: 'Skate Park',
        kind: 'park',
        position: { latitude: 51.12, longitude: 0.91 },
        sourceAgency: 'police',
      },
    }),
  ],
  ['sightings', () => ({ role: 'police-analyst', route: 'GET /v1/sightings' })],
  ['concerns', () => ({ role: 'madp-chair', route: 'GET /v1/concerns' })],
  ['carers', () => ({ role: 'early-help-lead', route: 'GET /v1/carers' })],
  ['audit', () => ({ role: 'partnership-admin', route: 'GET /v1/audit', query: { person: 'YP00001' } })],
  // exceljs writes the workbook inside the bundle.
  ['uploads', () => ({ role: 'madp-chair', route: 'GET /v1/uploads/template' })],
  [
    'invitation-lists',
    (demo) => ({
      role: 'early-help-lead',
      route: 'POST /v1/clusters/{id}/invitation-lists',
      params: { id: demo.clusterId },
      body: {
        session: {
          date: '2099-12-10',
          time: '18:30',
          venue: 'Community Centre',
          facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
        },
      },
    }),
  ],
  [
    'action-plans',
    (demo) => ({
      role: 'madp-chair',
      route: 'POST /v1/clusters/{id}/action-plans',
      params: { id: demo.clusterId },
      body: {},
    }),
  ],
  // docx writes the meeting paper inside the bundle.
  [
    'exports',
    (demo) => ({
      role: 'early-help-lead',
      route: 'GET /v1/clusters/{id}/report',
      params: { id: demo.clusterId },
      query: { format: 'docx' },
    }),
  ],
  ['settings', () => ({ role: 'partnership-admin', route: 'GET /v1/settings' })],
  ['reports', () => ({ role: 'madp-chair', route: 'GET /v1/reports/disproportionality' })],
];

/** The functions the other tests run, each with the event its own source sends. */
const OTHER_FUNCTIONS = [
  'openapi',
  'analyses',
  'run-analysis',
  'process-large-upload',
  'retention-sweep',
  'feedback-form',
];

/** What a handler behind API Gateway answers. */
const ApiResult = z.object({
  statusCode: z.number().int(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
});
type ApiResult = z.infer<typeof ApiResult>;

const OpenedLargeUpload = z.object({
  slot: z.object({ id: z.uuid() }),
  send: z.object({ method: z.literal('PUT'), url: z.url(), headers: z.record(z.string(), z.string()) }),
});

/** The rows of each sheet of a demo week, for a workbook of it. */
function demoRows(folder: string) {
  const files = demoFiles(folder);
  return Object.fromEntries(
    SheetName.options.map((sheet) => {
      const rows: unknown = parse(Buffer.from(files[`${sheet}.csv`] ?? new Uint8Array()), { bom: true });
      return [sheet, z.array(z.array(z.string())).parse(rows).slice(1)];
    }),
  );
}

describe('every Lambda bundle, copied alone into an empty folder and run by plain node', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'peermap-bundles-'));
  const folders = new Map<string, string>();
  let table: Table;
  let sts: Awaited<ReturnType<typeof startStsStandIn>>;
  let s3: Awaited<ReturnType<typeof startS3StandIn>>;
  let lambda: Awaited<ReturnType<typeof startLambdaStandIn>>;
  let demo: DemoIds;

  beforeAll(async () => {
    const [bundles, created] = await Promise.all([buildBundles(outdir), createTestTable()]);
    table = created;
    for (const bundle of bundles) folders.set(bundle.entry, copyAlone(bundle));
    const tableKeys = localClientConfig(table.endpoint).credentials;
    if (!tableKeys || typeof tableKeys === 'function') throw new Error('The local client names its keys.');
    [sts, s3, lambda] = await Promise.all([startStsStandIn(tableKeys), startS3StandIn(), startLambdaStandIn()]);
    const { analyses } = await loadDemo(table.store);
    const latest = analyses.at(-1);
    const [cluster] = latest ? await table.store.analyses.clusters(DEMO, latest.id) : [];
    if (!latest || !cluster) throw new Error('The demo weeks left no cluster to work on.');
    demo = { clusterId: cluster.clusterId, latestWeek: latest.week };
  }, 180_000);

  afterAll(async () => {
    await Promise.all([sts?.close(), s3?.close(), lambda?.close(), table?.drop()]);
    for (const folder of [outdir, ...folders.values()]) rmSync(folder, { recursive: true, force: true });
  });

  const dataRoleOf = (entry: string) => `arn:aws:iam::${ACCOUNT}:role/peermap-test-${entry}-data`;

  /** The environment of `entry` in AWS: the stack's variables and the runtime's, the SDK pointed at local endpoints. */
  const environmentOf = (entry: string, folder: string): Record<string, string> => ({
    // What the stack sets (peermap-function.ts and the stack's wiring; the bucket and the run's
    // function only where they are used, and harmless to the others).
    TABLE_NAME: table.ctx.tableName,
    TABLE_ARN: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${table.ctx.tableName}`,
    TABLE_KEY_ARN: `arn:aws:kms:${REGION}:${ACCOUNT}:key/00000000-0000-4000-8000-000000000000`,
    DATA_ROLE_ARN: dataRoleOf(entry),
    UPLOAD_BUCKET,
    ANALYSIS_FUNCTION_NAME,
    POWERTOOLS_SERVICE_NAME: 'peermap',
    NODE_OPTIONS: '--enable-source-maps',
    // What the Lambda service sets.
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_LAMBDA_FUNCTION_NAME: `peermap-test-${entry}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    ...EXECUTION_ROLE,
    // The test's own: the SDK's standard endpoint variables, and no shared config or instance metadata to fall back on.
    AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_ENDPOINT_URL_LAMBDA: lambda.url,
    AWS_CONFIG_FILE: join(folder, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(folder, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    HOME: folder,
    // Lambda runs Node.js 24; the SDK's notice about this machine's Node.js 20 is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });

  /** Runs `entry`'s bundle once with `event` (a cold start), failing with its logs when the handler throws. */
  const run = async (entry: string, event: unknown): Promise<unknown> => {
    const folder = folders.get(entry);
    if (!folder) throw new Error(`No bundle was built for ${entry}.`);
    const invoked = await invoke(folder, environmentOf(entry, folder), event, {
      awsRequestId: randomUUID(),
      functionName: `peermap-test-${entry}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:peermap-test-${entry}`,
      memoryLimitInMB: '1024',
      logGroupName: `/aws/lambda/peermap-test-${entry}`,
      logStreamName: '2026/12/07/[$LATEST]0123456789abcdef',
      callbackWaitsForEmptyEventLoop: true,
    });
    if (invoked.error !== undefined) throw new Error(`${entry} failed: ${invoked.error}\n${invoked.output}`);
    return invoked.result;
  };

  /** Sends `apiRequest` to `entry`'s bundle and expects a 2xx answer. */
  const request = async (entry: string, apiRequest: ApiRequest): Promise<ApiResult> => {
    const result = ApiResult.parse(await run(entry, apiEvent(apiRequest)));
    const what = `${apiRequest.route} as ${apiRequest.role}: ${result.statusCode} ${result.body?.slice(0, 500)}`;
    expect(result.statusCode >= 200 && result.statusCode < 300, what).toBe(true);
    return result;
  };

  const jsonOf = (result: ApiResult): unknown => JSON.parse(result.body ?? 'null');

  /** The sessions `work` assumed, expected to be one: of `entry`'s data role, for `partnership`, from its execution role. */
  const expectOneSession = async (entry: string, partnership: string, work: () => Promise<unknown>) => {
    const before = sts.assumed.length;
    await work();
    expect(sts.assumed.slice(before)).toEqual([
      {
        roleArn: dataRoleOf(entry),
        sessionName: `peermap-${partnership}`,
        durationSeconds: 900,
        policy: expect.stringContaining(`"P#${partnership}#*"`),
        signedWith: EXECUTION_ROLE.AWS_ACCESS_KEY_ID,
      },
    ]);
  };

  it.each(API_REQUESTS)(
    '%s answers a real request of its resource with 2xx, through one session of its data role',
    async (entry, apiRequest) => {
      await expectOneSession(entry, DEMO, () => request(entry, apiRequest(demo)));
    },
  );

  it('openapi serves the API document, with no session of any role', async () => {
    const before = sts.assumed.length;
    const result = await request('openapi', { role: 'madp-chair', route: 'GET /v1/openapi.json' });
    expect(jsonOf(result)).toMatchObject({ openapi: '3.1.0' });
    expect(sts.assumed.length).toBe(before);
  });

  it('uploads opens a large upload, and process-large-upload reads the workbook S3 announces and writes the week', async () => {
    const opened = OpenedLargeUpload.parse(
      jsonOf(
        await request('uploads', {
          role: 'madp-chair',
          partnership: FRESH,
          route: 'POST /v1/uploads/large',
          query: { week: '2026-W49' },
        }),
      ),
    );
    const key = `uploads/${FRESH}/${opened.slot.id}.xlsx`;
    expect(opened.send.url.startsWith(`${s3.url}/${UPLOAD_BUCKET}/${key}?`)).toBe(true);

    // The browser's part: a demo week as one workbook, sent with the presigned PUT.
    const workbook = await workbookOf(demoRows(DEMO_WEEKS[0].folder));
    const sent = await fetch(opened.send.url, { method: 'PUT', headers: opened.send.headers, body: workbook });
    expect(sent.status).toBe(200);

    const [record] = s3EventFixture.Records;
    if (!record) throw new Error('The S3 event fixture holds a record.');
    const objectCreated = {
      Records: [
        {
          ...record,
          s3: {
            ...record.s3,
            bucket: { ...record.s3.bucket, name: UPLOAD_BUCKET, arn: `arn:aws:s3:::${UPLOAD_BUCKET}` },
            object: { ...record.s3.object, key, size: workbook.byteLength },
          },
        },
      ],
    };
    await expectOneSession('process-large-upload', FRESH, async () =>
      expect(await run('process-large-upload', objectCreated)).toBeNull(),
    );

    const followed = await request('uploads', {
      role: 'madp-chair',
      partnership: FRESH,
      route: 'GET /v1/uploads/large/{id}',
      params: { id: opened.slot.id },
    });
    expect(jsonOf(followed)).toMatchObject({ status: 'completed' });
    expect((await table.store.youngPeople.list(FRESH, { limit: 500 })).items).toHaveLength(120);
  });

  it('analyses queues a run and starts run-analysis with an asynchronous invoke, and run-analysis completes it', async () => {
    const queued = AnalysisSnapshot.parse(
      jsonOf(
        await request('analyses', {
          role: 'madp-chair',
          route: 'POST /v1/analyses',
          body: { week: demo.latestWeek, purpose: 'safety_planning' },
        }),
      ),
    );
    expect(queued.status).toBe('queued');
    const started = lambda.invocations.filter((invocation) => invocation.functionName === ANALYSIS_FUNCTION_NAME);
    expect(started).toEqual([
      {
        functionName: ANALYSIS_FUNCTION_NAME,
        invocationType: 'Event',
        payload: { partnershipId: DEMO, analysisId: queued.id },
      },
    ]);

    // What Lambda would deliver to run-analysis: the payload as the analyses function sent it.
    await expectOneSession('run-analysis', DEMO, async () =>
      expect(await run('run-analysis', started[0]?.payload)).toBeNull(),
    );
    const ran = await request('analyses', {
      role: 'madp-chair',
      route: 'GET /v1/analyses/{id}',
      params: { id: queued.id },
    });
    expect(jsonOf(ran)).toMatchObject({ id: queued.id, status: 'completed' });
  });

  it("retention-sweep sweeps the partnerships its nightly rule names, as the rule's input hands them over", async () => {
    // The rule's target input (`RuleTargetInput.fromObject` in the stack) replaces EventBridge's
    // scheduled-event envelope: the function receives that object and nothing else.
    await expectOneSession('retention-sweep', DEMO, async () =>
      expect(await run('retention-sweep', { partnershipIds: [DEMO] })).toBeNull(),
    );
    const { items } = await table.store.audit.byUser(DEMO, 'peermap-retention-sweep');
    expect(items).toHaveLength(1);
  });

  it("feedback-form takes a parent's answer through a one-time link, as API Gateway hands it over without any authorizer", async () => {
    const session = await table.store.invitationLists.save(make.invitationList(DEMO, { status: 'held' }));
    const token = 'shipped'.padEnd(43, '0');
    await table.store.feedbackLinks.save({
      partnershipId: DEMO,
      tokenHash: tokenHashOf(token),
      sessionId: session.id,
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      createdBy: 'lead-1',
      createdAt: new Date().toISOString(),
    });
    const event = apiEvent({
      role: 'madp-chair',
      route: 'POST /v1/feedback-form/{key}',
      params: { key: feedbackKeyOf(DEMO, token) },
      body: { measures: { knowsSigns: { after: 4 }, feelsAlone: {}, knowsWhoToContact: {} } },
    });
    const { authorizer: _, ...withoutAuthorizer } = event.requestContext;
    await expectOneSession('feedback-form', DEMO, async () => {
      const result = ApiResult.parse(await run('feedback-form', { ...event, requestContext: withoutAuthorizer }));
      expect(result.statusCode, result.body).toBe(204);
    });
    expect(await table.store.sessionFeedback.ofSession(DEMO, session.id)).toMatchObject([{ enteredBy: 'parent_link' }]);
  });

  it('leave out no function the stack deploys', () => {
    expect([...API_REQUESTS.map(([entry]) => entry), ...OTHER_FUNCTIONS].sort()).toEqual(functionEntries());
  });
});
