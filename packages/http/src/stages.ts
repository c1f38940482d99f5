import {
  can,
  ForbiddenError,
  parseWith,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
} from '@peermap/domain';
import { AuditNotWritten, outcomeOf, recordAudit } from './audit';
import { MAX_JSON_BODY_BYTES, MAX_PUBLIC_BODY_BYTES, readJsonBody } from './body';
import { type ApiResult, type Authenticated, type Exchange, header } from './exchange';
import { readMultipart } from './multipart';
import { principalFromClaims } from './principal';
import { HttpProblem, problemFor } from './problems';
import { type AnonymousCaller, type AnyRoute, NO_SUBJECTS, type ParsedRequest, type RouteResponse } from './route';
import { shapedByContract } from './shape';

const NO_ROUTE = () => new HttpProblem(404, 'Not found', 'There is no such route.');

/**
 * The authenticate stage: the route asked for (404 if there is none), and who asks, from the
 * token's claims. A public route ignores any token: its caller is anonymous, of the partnership
 * its path names (404 when it names none, before anything is read or recorded).
 */
export function authenticate(exchange: Exchange, routes: ReadonlyMap<string, AnyRoute>): Authenticated {
  const route = routes.get(exchange.event.routeKey);
  if (!route) throw NO_ROUTE();
  if (route.public !== undefined) {
    const partnershipId = route.public.partnershipOf(exchange.event.pathParameters ?? {});
    if (partnershipId === undefined) throw new HttpProblem(404, 'Not found', route.public.notFound);
    const anonymous: AnonymousCaller = { userId: 'anonymous', role: 'anonymous', partnershipId };
    return { ...exchange, route, principal: anonymous };
  }
  const principal = principalFromClaims(exchange.event.requestContext?.authorizer?.jwt?.claims);
  return { ...exchange, route, principal };
}

/** The authorize stage: the caller's role must hold the route's permission; a public route holds none to check. */
export function authorize(request: Authenticated): Authenticated {
  const { route, principal } = request;
  if (route.public !== undefined) return request;
  if (principal.role === 'anonymous') throw new UnauthenticatedError('Sign in to use peermap.');
  if (!can(principal.role, route.permission)) throw new ForbiddenError(route.permission);
  return request;
}

/** The parse stage: body (JSON or files), path and query, each by the route's schema; a public route takes small bodies only. */
export async function parse({
  route,
  event,
  requestId,
}: Authenticated): Promise<ParsedRequest<unknown, unknown, unknown>> {
  const contentType = header(event, 'content-type');
  const maxBytes = route.public === undefined ? MAX_JSON_BODY_BYTES : MAX_PUBLIC_BODY_BYTES;
  const body = route.body
    ? parseWith(route.body, readJsonBody(event.body, event.isBase64Encoded, contentType, maxBytes), 'body')
    : undefined;
  const files = route.files ? await readFiles(route.files.names, event, contentType) : {};
  return {
    params: route.params ? parseWith(route.params, event.pathParameters ?? {}, 'path') : {},
    query: route.query ? parseWith(route.query, event.queryStringParameters ?? {}, 'query') : {},
    body,
    files,
    headers: event.headers ?? {},
    requestId,
  };
}

/** The handle stage: the route's own code, reached only with authorized, parsed input; its answer as the contract describes it (see `shapedByContract`). */
export async function handle(
  { route, principal }: Authenticated,
  input: ParsedRequest<unknown, unknown, unknown>,
): Promise<RouteResponse> {
  if (route.public !== undefined) {
    return shapedByContract(route, await route.handle({ ...input, partnershipId: principal.partnershipId }));
  }
  if (principal.role === 'anonymous') throw new UnauthenticatedError('Sign in to use peermap.');
  return shapedByContract(route, await route.handle({ ...input, principal }));
}

/** The files of a multipart request, refusing parts the route does not take. */
async function readFiles(names: readonly string[], event: Authenticated['event'], contentType: string | undefined) {
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

/** The respond stage: the HTTP answer of a route's response, JSON or a file to download. */
export function respond(response: RouteResponse, requestId: string): ApiResult {
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

/**
 * The problem response for an error, with its audit event once the route and caller are known
 * (a refusal is audited too). When it is the audit event that could not be written, nothing
 * more is recorded and the answer is the problem of that failure.
 */
export async function refuse(error: unknown, exchange: Exchange | Authenticated): Promise<ApiResult> {
  const { logger, requestId } = exchange;
  const request = 'route' in exchange ? exchange : undefined;
  const cause = error instanceof AuditNotWritten ? error.cause : error;
  const problem = problemFor(cause, requestId);
  if (problem.status >= 500) logger.error('failed', { error: cause instanceof Error ? cause : String(cause) });
  else logger.info('refused', { status: problem.status, principal: request?.principal.userId });
  let answer = problem;
  if (request && !(error instanceof AuditNotWritten)) {
    try {
      await recordAudit(request, outcomeOf(problem.status), NO_SUBJECTS, problem.title);
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
