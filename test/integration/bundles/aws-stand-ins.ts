import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Tiny local stand-ins for the AWS services a bundle calls besides DynamoDB, each answering
 * only the one call peermap makes, the way the service answers it; anything else is a 501, so
 * a bundle that started calling something new fails here instead of passing unseen. The bundles
 * reach them through the SDK's own `AWS_ENDPOINT_URL_<SERVICE>` variables, untouched.
 */

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface StandIn {
  readonly url: string;
  close(): Promise<void>;
}

async function serve(answer: (request: IncomingMessage, body: Buffer) => Answer): Promise<StandIn> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const { status, headers = {}, body } = answer(request, Buffer.concat(chunks));
    response.writeHead(status, { ...headers, 'x-amzn-requestid': randomUUID() });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

const notServed = (request: IncomingMessage): Answer => ({
  status: 501,
  body: `The stand-in does not serve ${request.method} ${request.url}.`,
});

/** The access key id a SigV4 `Authorization` header was signed with. */
const signedWith = (request: IncomingMessage) =>
  /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '(unsigned)';

export interface AssumedRole {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly policy: string;
  /** The access key id of the caller: the function's execution role. */
  readonly signedWith: string;
}

/**
 * STS `AssumeRole` (the query protocol, answered in XML). The stand-in exists because each
 * handler reaches the table only as its partnership, through a session of its data role, and
 * there is no local STS. The session it hands out carries the given keys: DynamoDB Local keeps
 * one database per access key and region, so the bundle finds the test's table only with the
 * session's keys, never with the execution role's.
 */
export async function startStsStandIn(session: { accessKeyId: string; secretAccessKey: string }) {
  const assumed: AssumedRole[] = [];
  const standIn = await serve((request, body) => {
    const form = new URLSearchParams(body.toString());
    if (request.method !== 'POST' || form.get('Action') !== 'AssumeRole') return notServed(request);
    const roleArn = form.get('RoleArn') ?? '';
    const sessionName = form.get('RoleSessionName') ?? '';
    assumed.push({
      roleArn,
      sessionName,
      durationSeconds: Number(form.get('DurationSeconds')),
      policy: form.get('Policy') ?? '',
      signedWith: signedWith(request),
    });
    const [, account = '', role = ''] = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(roleArn) ?? [];
    const expiration = new Date(Date.now() + Number(form.get('DurationSeconds')) * 1000).toISOString();
    return {
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <AssumedRoleId>AROAEXAMPLEDATAROLE:${sessionName}</AssumedRoleId>
      <Arn>arn:aws:sts::${account}:assumed-role/${role}/${sessionName}</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${session.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${session.secretAccessKey}</SecretAccessKey>
      <SessionToken>${randomUUID()}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <PackedPolicySize>9</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>
</AssumeRoleResponse>`,
    };
  });
  return { ...standIn, assumed };
}

/**
 * S3, path-style (the SDK addresses a bucket by path when its endpoint is an IP address): the
 * presigned `PUT` a browser sends a large workbook with, and the `GetObject` that reads it
 * back. It exists because the large-upload pipeline's file lives in S3 and there is no local S3.
 */
export async function startS3StandIn() {
  const objects = new Map<string, Uint8Array>();
  const standIn = await serve((request, body) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://s3').pathname);
    if (request.method === 'PUT') {
      objects.set(path, new Uint8Array(body));
      return { status: 200, headers: { etag: `"${randomUUID()}"` } };
    }
    if (request.method !== 'GET') return notServed(request);
    const object = objects.get(path);
    if (!object) {
      return {
        status: 404,
        headers: { 'content-type': 'application/xml' },
        body: `<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${path}</Key></Error>`,
      };
    }
    return {
      status: 200,
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-length': String(object.byteLength),
        etag: `"${randomUUID()}"`,
        'last-modified': new Date().toUTCString(),
      },
      body: object,
    };
  });
  return {
    ...standIn,
    /** The objects stored, by `/<bucket>/<key>`. */
    objects,
  };
}

export interface Invocation {
  readonly functionName: string;
  readonly invocationType: string;
  readonly payload: unknown;
}

/**
 * Lambda's asynchronous `Invoke` (`InvocationType: Event`, answered 202 with no body): how the
 * analyses function hands a run to run-analysis. It exists so the test can catch the payload
 * that Lambda would deliver and give it to the run-analysis bundle itself.
 */
export async function startLambdaStandIn() {
  const invocations: Invocation[] = [];
  const standIn = await serve((request, body) => {
    const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(request.url ?? '');
    const invocationType = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
    if (request.method !== 'POST' || !match?.[1] || invocationType !== 'Event') return notServed(request);
    invocations.push({
      functionName: decodeURIComponent(match[1]),
      invocationType,
      payload: JSON.parse(body.toString()),
    });
    return { status: 202 };
  });
  return { ...standIn, invocations };
}
