import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type ApiDeps, allRoutes, apiDocument, processLargeUpload } from '@peermap/api';
import { parseWith } from '@peermap/domain';
import {
  type AnyRoute,
  type ApiEvent,
  type ApiResult,
  createApiHandler,
  HttpProblem,
  MAX_PUBLIC_BODY_BYTES,
  MAX_UPLOAD_BYTES,
  problemFor,
  routeKey,
} from '@peermap/http';
import type { RunAsPartnership } from '@peermap/store';
import { contentSecurityPolicy, WEB_FILES } from '@peermap/web';
import { type BackgroundAnalysisRunner, createBackgroundAnalysisRunner } from './background-runner';
import { type LocalIdentity, TokenRequest } from './identity';
import { createLocalLargeUploads, type LocalLargeUploads, MAX_LARGE_UPLOAD_BYTES } from './large-uploads';
import { createPublicThrottle, type PublicThrottle } from './public-throttle';

/** Bodies above this are refused before a handler sees them: the largest upload, with room to spare. */
const MAX_REQUEST_BYTES = 2 * MAX_UPLOAD_BYTES;

export interface LocalServerOptions {
  deps: ApiDeps;
  /** The folder large uploads land in; when given, the API offers them. */
  largeUploadsFolder?: string;
  identity: LocalIdentity;
  logger: Logger;
  port: number;
  host?: string;
  /**
   * Runs each request's and each background task's work as its partnership, as the functions
   * do in AWS (there with a tenant-scoped session; here the same scope over one client).
   */
  runAs?: RunAsPartnership;
  /** The built web app to serve at `/`, the partnerships its demo sign-in offers, and (for tests) when a workbook counts as large. */
  web?: {
    root: string;
    partnerships: readonly string[];
    largeUploadBytes?: number;
    /** Another way to sign in than the demo tokens (tests of the hosted sign-in), given the server's address. */
    signIn?: (serverUrl: string) => { auth: Readonly<Record<string, string>>; connectTo: readonly string[] };
  };
}

export interface RunningServer {
  readonly url: string;
  /** Resolves once every analysis run the server started in the background has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

interface Template {
  route: AnyRoute;
  pattern: RegExp;
  names: string[];
}

/** A refusal API Gateway makes itself, before any function: a problem document with its own headers. */
const gatewayProblem = (status: number, title: string, detail: string, headers: Record<string, string>): ApiResult => ({
  statusCode: status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: JSON.stringify({ type: 'about:blank', title, status, detail }),
});

/** What API Gateway's JWT authorizer answers without a valid token. */
const UNAUTHORIZED = gatewayProblem(
  401,
  'Not signed in',
  'Send a bearer token: get one for a demo user from /local/token.',
  { 'www-authenticate': 'Bearer' },
);

/** 405 when the path exists with other methods, else 404. */
function noRoute(templates: Template[], path: string): HttpProblem {
  return templates.some((t) => t.pattern.test(path))
    ? new HttpProblem(405, 'Method not allowed', 'This resource does not take that method.')
    : new HttpProblem(404, 'Not found', 'There is no such route.');
}

/**
 * Serves the API's Lambda handlers on 127.0.0.1: each HTTP request becomes the
 * `APIGatewayProxyEventV2` that API Gateway would send (route key, path parameters, the
 * verified token's claims), and each result becomes the HTTP response. Two routes exist only
 * here: `GET /local/token` (demo sign-in) and the API document at `GET /v1/openapi.json`.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<RunningServer> {
  let address = '';
  const site = localSite(options, () => address);
  const server = createServer((request, response) => {
    serve(site, request, response).catch((error: unknown) => {
      options.logger.error('local server failed', { error: String(error) });
      send(response, problemResult(error));
    });
  });
  address = await listen(server, options.port, options.host ?? '127.0.0.1');
  return {
    url: address,
    idle: () => site.background.idle(),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What the local server serves, and with what: the API's routes and handler, large uploads, the web app. */
interface LocalSite {
  options: LocalServerOptions;
  deps: ApiDeps;
  runAs: RunAsPartnership;
  largeUploads: LocalLargeUploads | undefined;
  background: BackgroundAnalysisRunner;
  handler: (event: ApiEvent) => Promise<ApiResult>;
  templates: Template[];
  /** The API document, as JSON. */
  document: string;
  /** The server's own address, once it listens. */
  address: () => string;
  /** How often one address may call the routes open without signing in. */
  publicThrottle: PublicThrottle;
}

function localSite(options: LocalServerOptions, address: () => string): LocalSite {
  const runAs: RunAsPartnership = options.runAs ?? ((_partnershipId, work) => work());
  const largeUploads: LocalLargeUploads | undefined = options.largeUploadsFolder
    ? createLocalLargeUploads(options.largeUploadsFolder, address, options.deps.now)
    : undefined;
  const background = createBackgroundAnalysisRunner(options.deps.store, options.logger, runAs);
  const deps: ApiDeps = {
    ...options.deps,
    ...(largeUploads ? { largeUploads } : {}),
    analysisRunner: options.deps.analysisRunner ?? background,
  };
  const routes = allRoutes(deps);
  const handler = createApiHandler(routes, {
    audit: options.deps.store.audit,
    idempotency: options.deps.store.idempotency,
    logger: options.logger,
    runAs,
  });
  // Static paths before templated ones, as API Gateway chooses: /uploads/template before /uploads/{id}.
  const templates = routes.map(compile).sort((a, b) => a.names.length - b.names.length);
  const document = JSON.stringify(apiDocument());
  const publicThrottle = createPublicThrottle();
  return { options, deps, runAs, largeUploads, background, handler, templates, document, address, publicThrottle };
}

async function serve(site: LocalSite, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  const local = await serveLocalOnly(site, request, method, url);
  if (local) return send(response, local);
  const match = matchRoute(site.templates, method, url.pathname);
  if (!match) return send(response, problemResult(noRoute(site.templates, url.pathname)));
  if (match.template.route.public !== undefined) return send(response, await servePublic(site, request, url, match));
  // The token first: a body is read, and held, only for someone signed in.
  const claims = await site.options.identity.verify(bearer(request));
  if (!claims) return send(response, UNAUTHORIZED);
  const body = await readBody(request);
  send(response, await site.handler(toEvent(request, url, match, body, claims)));
}

/** What API Gateway's route throttle answers when an address asks too often. */
const TOO_MANY = gatewayProblem(429, 'Too many requests', 'Please wait a minute and try again.', {
  'retry-after': '60',
});

/** A route open without signing in (a parent's feedback form): throttled by address, small bodies only, no token read. */
async function servePublic(
  site: LocalSite,
  request: IncomingMessage,
  url: URL,
  match: { template: Template; params: Record<string, string> },
): Promise<ApiResult> {
  if (!site.publicThrottle.allows(request.socket.remoteAddress ?? '', Date.now())) return TOO_MANY;
  const body = await readBody(request, MAX_PUBLIC_BODY_BYTES);
  return site.handler(toEvent(request, url, match, body, {}));
}

/** What only the local server serves: demo sign-in, large-upload files, the API document, the web app. */
async function serveLocalOnly(
  site: LocalSite,
  request: IncomingMessage,
  method: string,
  url: URL,
): Promise<ApiResult | undefined> {
  if (method === 'GET' && url.pathname === '/local/token') return token(site.options.identity, url);
  const large = /^\/local\/large-uploads\/([a-z0-9-]{1,40})\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (method === 'PUT' && large?.[1] && large[2]) return receive(site, request, large[1], large[2], url);
  if (method === 'GET' && url.pathname === '/v1/openapi.json') {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: site.document };
  }
  if (method === 'GET' && site.options.web && !url.pathname.startsWith('/v1/')) {
    return webFile(site.options.web, url.pathname, site.address());
  }
  return undefined;
}

/**
 * A large upload's file, as S3 would take it: the signed address is checked before the file
 * is read. Processing then runs in the background.
 */
async function receive(
  { largeUploads: files, deps, runAs, options }: LocalSite,
  request: IncomingMessage,
  partnershipId: string,
  id: string,
  url: URL,
): Promise<ApiResult> {
  const file = () => readRaw(request, MAX_LARGE_UPLOAD_BYTES);
  if (!files || !(await files.accept(partnershipId, id, url.searchParams, file))) {
    return problemResult(
      new HttpProblem(404, 'Not found', 'There is no such upload address, or its time has passed: open a new upload.'),
    );
  }
  const limits = { limits: deps.uploadLimits };
  runAs(partnershipId, () => processLargeUpload(deps.store, files, partnershipId, id, limits)).catch((error: unknown) =>
    options.logger.error('a large upload could not be processed', { error: String(error) }),
  );
  return { statusCode: 200, headers: {}, body: '' };
}

async function token(identity: LocalIdentity, url: URL): Promise<ApiResult> {
  try {
    const asked = parseWith(TokenRequest, Object.fromEntries(url.searchParams), 'token request');
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify({ token: await identity.issue(asked) }),
    };
  } catch (error) {
    return problemResult(error);
  }
}

/** Listens on the port (0: a free one), and answers the server's address. */
async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = server.address();
  return `http://${host}:${typeof bound === 'object' && bound ? bound.port : port}`;
}

function compile(route: AnyRoute): Template {
  const names: string[] = [];
  const source = route.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function matchRoute(templates: Template[], method: string, path: string) {
  for (const template of templates) {
    if (template.route.method !== method) continue;
    const found = template.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    template.names.forEach((name, index) => {
      params[name] = safeDecode(found[index + 1] ?? '');
    });
    return { template, params };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The raw bytes of a body, refused past a limit. */
async function readRaw(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new HttpProblem(413, 'Body too large', 'This file is larger than a large upload may be.');
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The body as API Gateway passes it to a Lambda: base64, so binary uploads arrive intact. */
async function readBody(request: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new HttpProblem(413, 'Body too large', 'This request body is larger than any route takes.');
    chunks.push(buffer);
  }
  return chunks.length > 0 ? Buffer.concat(chunks).toString('base64') : undefined;
}

function bearer(request: IncomingMessage): string | undefined {
  const value = request.headers.authorization;
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length).trim() : undefined;
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  match: { template: Template; params: Record<string, string> },
  body: string | undefined,
  claims: Record<string, string | number | boolean | string[]>,
): ApiEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  const now = new Date();
  const key = routeKey(match.template.route);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(match.template.names.length > 0 ? { pathParameters: match.params } : {}),
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: body !== undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
    },
  };
}

function problemResult(error: unknown): ApiResult {
  const problem = problemFor(error, randomUUID());
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    body: JSON.stringify(problem),
  };
}

/** Headers every page of the web app carries: its own origin only, no framing, no sniffing. */
const webHeaders = (connectTo: readonly string[] = []) => ({
  'content-security-policy': contentSecurityPolicy(connectTo),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
});

/** A file of the built web app, or its configuration (demo sign-in, unless another is set). */
function webFile(web: NonNullable<LocalServerOptions['web']>, pathname: string, serverUrl: string): ApiResult {
  const signIn = web.signIn?.(serverUrl);
  const headers = webHeaders(signIn?.connectTo);
  if (pathname === '/config.json') {
    const config = {
      apiBase: '',
      auth: signIn?.auth ?? { kind: 'local', partnerships: web.partnerships },
      ...(web.largeUploadBytes ? { largeUploadBytes: web.largeUploadBytes } : {}),
    };
    return {
      statusCode: 200,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(config),
    };
  }
  const name = pathname === '/' ? 'index.html' : pathname.slice(1);
  // Only the app's own files, by exact name: nothing else on disk can be reached from a URL.
  const type = Object.hasOwn(WEB_FILES, name) ? WEB_FILES[name] : undefined;
  if (!type) return problemResult(new HttpProblem(404, 'Not found', 'There is no such page.'));
  return {
    statusCode: 200,
    headers: { ...headers, 'content-type': type },
    body: readFileSync(join(web.root, name)).toString('base64'),
    isBase64Encoded: true,
  };
}

function send(response: ServerResponse, result: ApiResult): void {
  if (response.headersSent) return;
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}
