import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  type AuditLog,
  type AuditOutcome,
  ConflictError,
  can,
  ForbiddenError,
  type IdempotencyClaim,
  type IdempotencyStore,
  type KeptResponse,
  parseWith,
  UnavailableError,
  ValidationError,
} from '@peermap/domain';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readJsonBody } from './body';
import { readMultipart } from './multipart';
import { type Principal, principalFromClaims } from './principal';
import { HttpProblem, problemFor } from './problems';
import { type AnyRoute, NO_SUBJECTS, type RouteResponse, routeKey, type Subjects } from './route';
import { shapedByContract } from './shape';

/** What a handler needs besides its routes: the audit log, a logger and a clock. */
export interface HandlerDeps {
  audit: AuditLog;
  logger: Logger;
  now?: () => Date;
  newId?: () => string;
  /**
   * Runs a request's work as the caller's partnership (in AWS: with credentials that reach only
   * that partnership's items). Without it the work runs as it is.
   */
  runAs?: <T>(partnershipId: string, work: () => Promise<T>) => Promise<T>;
  /** Where answers to requests sent with an `Idempotency-Key` are kept; without it the header is ignored. */
  idempotency?: IdempotencyStore;
}

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/**
 * A Lambda handler for a table of routes. For each request it finds the route by its route
 * key, builds the principal from the token's claims, checks the role's permission, parses
 * path, query and body with the route's schemas, runs the route, writes one audit event
 * (also for a refusal; if the event cannot be written the request fails), and answers JSON
 * or `application/problem+json`.
 */
export function createApiHandler(routes: readonly AnyRoute[], deps: HandlerDeps) {
  const byKey = new Map(routes.map((r) => [routeKey(r), r]));
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;

  const runAs = deps.runAs ?? ((_partnershipId, work) => work());

  return async function handler(event: ApiEvent): Promise<ApiResult> {
    const requestId = event.requestContext?.requestId ?? newId();
    const logger = deps.logger.createChild({ persistentKeys: { requestId, routeKey: event.routeKey } });
    const route = byKey.get(event.routeKey);
    let principal: Principal;
    try {
      if (!route) throw new HttpProblem(404, 'Not found', 'There is no such route.');
      principal = principalFromClaims(event.requestContext?.authorizer?.jwt?.claims);
    } catch (error) {
      return refuse(error, undefined, undefined, requestId, logger);
    }
    const caller = principal;
    const key = idempotencyKeyOf(event);
    const idempotency = deps.idempotency;
    return runAs(caller.partnershipId, async () =>
      key !== undefined && route.method !== 'GET' && idempotency
        ? answerOnce(route, caller, event, requestId, logger, { key, store: idempotency })
        : (await answer(route, caller, event, requestId, logger)).result,
    );
  };

  /**
   * Answers a request sent with an `Idempotency-Key` once: a repeat gets the first answer (its
   * reading audited again), a repeat while the first is still running is told to wait, and the
   * same key with a different request is refused. An answer that may change (a 409 to wait out,
   * a 5xx) is not kept, so the request can be tried again.
   */
  async function answerOnce(
    route: AnyRoute,
    principal: Principal,
    event: ApiEvent,
    requestId: string,
    logger: Logger,
    idempotency: { key: string; store: IdempotencyStore },
  ): Promise<ApiResult> {
    const { store } = idempotency;
    const p = principal.partnershipId;
    const key = scopedKey(principal.userId, routeKey(route), idempotency.key);
    const fingerprint = fingerprintOf(event);
    let claim: IdempotencyClaim;
    try {
      claim = await claimOrRefuse(store, p, idempotency.key, key, fingerprint, now());
    } catch (error) {
      return refuse(error, route, principal, requestId, logger);
    }
    if (claim.kind === 'done') return replay(route, principal, requestId, logger, claim.response);
    const answered = await answer(route, principal, event, requestId, logger);
    try {
      if (mayChange(answered.result.statusCode ?? 500)) await store.release(p, key);
      else await store.keep(p, key, fingerprint, keptResponse(answered), now());
    } catch (error) {
      logger.warn('the answer could not be kept for a repeat', { error: String(error) });
      await store.release(p, key).catch(() => undefined);
    }
    return answered.result;
  }

  /** The first answer again, audited as a new reading of what it holds. */
  async function replay(
    route: AnyRoute,
    principal: Principal,
    requestId: string,
    logger: Logger,
    kept: KeptResponse,
  ): Promise<ApiResult> {
    // The first answer goes only to whoever may still ask for it.
    if (!can(principal.role, route.permission)) {
      return refuse(new ForbiddenError(route.permission), route, principal, requestId, logger);
    }
    try {
      await recordAnswer(route, principal, requestId, kept.subjects, REPLAYED, kept.restricted);
    } catch (error) {
      return refuse(error, undefined, principal, requestId, logger);
    }
    return {
      statusCode: kept.status,
      headers: { ...kept.headers, 'x-request-id': requestId, 'idempotent-replayed': 'true' },
      ...(kept.body ? { body: kept.body } : {}),
      ...(kept.isBase64Encoded ? { isBase64Encoded: true } : {}),
    };
  }

  /** Runs the route and writes its audit event; no answer leaves without one. */
  async function answer(
    route: AnyRoute,
    principal: Principal,
    event: ApiEvent,
    requestId: string,
    logger: Logger,
  ): Promise<Answered> {
    let auditFailed = false;
    try {
      const response = await run(route, principal, event, requestId);
      try {
        await recordAnswer(route, principal, requestId, response.subjects, response.auditDetail, response.restricted);
      } catch (auditError) {
        auditFailed = true;
        throw auditError;
      }
      logger.info('answered', { status: response.status, principal: principal.userId, role: principal.role });
      return {
        result: json(response, requestId),
        subjects: response.subjects,
        restricted: response.restricted ?? false,
      };
    } catch (error) {
      const result = await refuse(error, auditFailed ? undefined : route, principal, requestId, logger);
      return { result, subjects: NO_SUBJECTS, restricted: false };
    }
  }

  /** Authorizes, parses and runs a route: the only path by which a route's code is reached. */
  async function run(route: AnyRoute, principal: Principal, event: ApiEvent, requestId: string) {
    if (!can(principal.role, route.permission)) throw new ForbiddenError(route.permission);
    const contentType = header(event, 'content-type');
    const body = route.body
      ? parseWith(route.body, readJsonBody(event.body, event.isBase64Encoded, contentType), 'body')
      : undefined;
    const files = route.files ? await readFiles(route.files.names, event, contentType) : {};
    const response = await route.handle({
      principal,
      params: route.params ? parseWith(route.params, event.pathParameters ?? {}, 'path') : {},
      query: route.query ? parseWith(route.query, event.queryStringParameters ?? {}, 'query') : {},
      body,
      files,
      headers: event.headers ?? {},
      requestId,
    });
    return shapedByContract(route, response);
  }

  /** The problem response for an error, with its audit event (a refusal is audited too). */
  async function refuse(
    error: unknown,
    route: AnyRoute | undefined,
    principal: Principal | undefined,
    requestId: string,
    logger: Logger,
  ): Promise<ApiResult> {
    const problem = problemFor(error, requestId);
    if (problem.status >= 500) logger.error('failed', { error: error instanceof Error ? error : String(error) });
    else logger.info('refused', { status: problem.status, principal: principal?.userId });
    let answer = problem;
    if (route && principal) {
      try {
        await recordAudit(route, principal, requestId, outcomeOf(problem.status), NO_SUBJECTS, problem.title);
      } catch (auditError) {
        // No answer leaves without its audit event, a refusal's included.
        logger.error('the audit event of a refusal could not be written', { error: String(auditError) });
        answer = problemFor(new UnavailableError('The request could not be recorded; try again shortly.'), requestId);
      }
    }
    return {
      statusCode: answer.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', 'x-request-id': requestId },
      body: JSON.stringify(answer),
    };
  }

  /**
   * The audit of an answer: its event, and when a route of the shared map also returned
   * restricted police intelligence, a restricted event for that part, so the ordinary event
   * is the one it would be had police held nothing.
   */
  async function recordAnswer(
    route: AnyRoute,
    principal: Principal,
    requestId: string,
    subjects: Subjects,
    detail: string | undefined,
    heldRestricted: boolean | undefined,
  ) {
    await recordAudit(route, principal, requestId, 'allowed', subjects, detail);
    if (heldRestricted && route.layer !== 'restricted') {
      await recordAudit(route, principal, requestId, 'allowed', subjects, HELD_RESTRICTED, true);
    }
  }

  async function recordAudit(
    route: AnyRoute,
    principal: Principal,
    requestId: string,
    outcome: AuditOutcome,
    subjects: Subjects,
    detail?: string,
    restricted?: boolean,
  ) {
    // What police do in the restricted layer is audited there; anyone else's attempt stays in view.
    const ofRestrictedLayer =
      restricted || (route.layer === 'restricted' && can(principal.role, 'intelligence:read-restricted'));
    await deps.audit.record({
      id: newId(),
      partnershipId: principal.partnershipId,
      at: now().toISOString(),
      actor: { userId: principal.userId, role: principal.role },
      action: route.action,
      resource: route.resource,
      subjects,
      requestId,
      outcome,
      ...(detail ? { detail } : {}),
      ...(ofRestrictedLayer ? { restricted: true } : {}),
    });
  }
}

/** An answer with whose data it holds, for its audit and for keeping it against a repeat. */
interface Answered {
  result: ApiResult;
  subjects: Subjects;
  restricted: boolean;
}

/** Answers that say "not now" (a conflict to wait out, a busy table, a fault): the same request may be answered otherwise later. */
const mayChange = (status: number) => status === 409 || status === 429 || status >= 500;

const HELD_RESTRICTED = 'The answer also held restricted police intelligence.';
const REPLAYED = 'The same request again (its Idempotency-Key): the first answer, with no second effect.';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,128}$/;

function idempotencyKeyOf(event: ApiEvent): string | undefined {
  return header(event, 'idempotency-key');
}

/** A key of one user's, for one route: the same key from another user or for another route is another key. */
const scopedKey = (userId: string, route: string, key: string) =>
  createHash('sha256').update(`${userId}\n${route}\n${key}`).digest('hex');

/** What makes two requests the same request: method, path, query, the version they name, and body. */
const fingerprintOf = (event: ApiEvent) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        event.requestContext?.http?.method ?? '',
        event.rawPath ?? '',
        event.rawQueryString ?? '',
        header(event, 'if-match') ?? '',
        event.body ?? '',
      ]),
    )
    .digest('hex');

async function claimOrRefuse(
  store: IdempotencyStore,
  partnershipId: string,
  given: string,
  key: string,
  fingerprint: string,
  at: Date,
): Promise<IdempotencyClaim> {
  if (!IDEMPOTENCY_KEY.test(given)) {
    throw new ValidationError('The Idempotency-Key header is not one peermap takes.', [
      { path: 'idempotency-key', message: 'use 1-128 letters, digits, dashes or underscores' },
    ]);
  }
  const claim = await store.claim(partnershipId, key, fingerprint, at);
  if (claim.kind === 'different-request') {
    throw new ValidationError('This Idempotency-Key was sent before with a different request.', [
      { path: 'idempotency-key', message: 'use a new key for a new request' },
    ]);
  }
  if (claim.kind === 'in-progress') {
    throw new ConflictError('The same request (its Idempotency-Key) is being answered now; ask again in a moment.');
  }
  return claim;
}

/** What is kept of an answer: status, headers (but the request id), body, and whose data it holds. */
function keptResponse(answered: Answered): KeptResponse {
  const { 'x-request-id': _, ...headers } = answered.result.headers ?? {};
  return {
    status: answered.result.statusCode ?? 200,
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
    body: answered.result.body ?? '',
    isBase64Encoded: answered.result.isBase64Encoded ?? false,
    subjects: answered.subjects,
    restricted: answered.restricted,
  };
}

function outcomeOf(status: number): AuditOutcome {
  if (status === 403) return 'denied';
  if (status === 404) return 'not_found';
  if (status < 500) return 'invalid';
  return 'failed';
}

function header(event: ApiEvent, name: string): string | undefined {
  return Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** The files of a multipart request, refusing parts the route does not take. */
async function readFiles(names: readonly string[], event: ApiEvent, contentType: string | undefined) {
  const files = await readMultipart(event.body, event.isBase64Encoded, contentType);
  const unknown = [...files.keys()].filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new ValidationError(`This upload takes parts named ${names.join(', ')}.`, [
      ...unknown.map((name) => ({ path: name.slice(0, 80), message: 'is not a part this upload takes' })),
    ]);
  }
  // Only known names remain, so a part can never be named after an object's prototype.
  return Object.fromEntries(files);
}

function json(response: RouteResponse, requestId: string): ApiResult {
  if (response.file) {
    return {
      statusCode: response.status,
      headers: {
        'content-type': response.file.contentType,
        'content-disposition': `attachment; filename="${response.file.filename}"`,
        'cache-control': 'no-store',
        'x-request-id': requestId,
      },
      body: Buffer.from(response.file.bytes).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return {
    statusCode: response.status,
    headers: {
      ...(response.body === undefined ? {} : { 'content-type': 'application/json' }),
      'cache-control': 'no-store',
      'x-request-id': requestId,
      ...response.headers,
    },
    ...(response.body === undefined ? {} : { body: JSON.stringify(response.body) }),
  };
}
