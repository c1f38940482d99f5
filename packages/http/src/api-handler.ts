import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  type AuditLog,
  type AuditOutcome,
  can,
  ForbiddenError,
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
    return runAs(caller.partnershipId, () => answer(route, caller, event, requestId, logger));
  };

  /** Runs the route and writes its audit event; no answer leaves without one. */
  async function answer(
    route: AnyRoute,
    principal: Principal,
    event: ApiEvent,
    requestId: string,
    logger: Logger,
  ): Promise<ApiResult> {
    let auditFailed = false;
    try {
      const response = await run(route, principal, event, requestId);
      try {
        await recordAudit(
          route,
          principal,
          requestId,
          'allowed',
          response.subjects,
          response.auditDetail,
          response.restricted,
        );
      } catch (auditError) {
        auditFailed = true;
        throw auditError;
      }
      logger.info('answered', { status: response.status, principal: principal.userId, role: principal.role });
      return json(response, requestId);
    } catch (error) {
      return refuse(error, auditFailed ? undefined : route, principal, requestId, logger);
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
    return route.handle({
      principal,
      params: route.params ? parseWith(route.params, event.pathParameters ?? {}, 'path') : {},
      query: route.query ? parseWith(route.query, event.queryStringParameters ?? {}, 'query') : {},
      body,
      files,
      headers: event.headers ?? {},
      requestId,
    });
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

  async function recordAudit(
    route: AnyRoute,
    principal: Principal,
    requestId: string,
    outcome: AuditOutcome,
    subjects: Subjects,
    detail?: string,
    restricted?: boolean,
  ) {
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
      ...(restricted ? { restricted: true } : {}),
    });
  }
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
