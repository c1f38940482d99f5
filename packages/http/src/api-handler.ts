import { randomUUID } from 'node:crypto';
import type { KeptResponse } from '@peermap/domain';
import { audit } from './audit';
import type { Answered, ApiEvent, ApiResult, Authenticated, Exchange, HandlerDeps, PipelineDeps } from './exchange';
import { type Claimed, claim, keep, REPLAYED, replayed, type Ticket, ticketOf } from './idempotency';
import { type AnyRoute, NO_SUBJECTS, routeKey } from './route';
import { authenticate, authorize, handle, parse, refuse, respond } from './stages';

export type { ApiEvent, ApiResult, HandlerDeps } from './exchange';

/**
 * A Lambda handler for a table of routes. Each request goes through the same stages, in this
 * order: authenticate (the route by its key, the principal from the token's claims), claim (an
 * `Idempotency-Key`'s first answer, or the key), authorize (the role's permission), parse (path,
 * query and body by the route's schemas), handle (the route), audit (one event, also for a
 * refusal), respond (the HTTP answer: JSON, a file or `application/problem+json`) and keep (that
 * answer, for a repeat, before it is sent). The audit event is written before the answer is
 * built: if it cannot be written, no data goes out.
 */
export function createApiHandler(routes: readonly AnyRoute[], handlerDeps: HandlerDeps) {
  const deps = withDefaults(handlerDeps);
  const byKey = new Map(routes.map((r) => [routeKey(r), r]));
  return async function handler(event: ApiEvent): Promise<ApiResult> {
    const exchange = begin(event, deps);
    let request: Authenticated;
    try {
      request = authenticate(exchange, byKey);
    } catch (error) {
      return refuse(error, exchange);
    }
    return deps.runAs(request.principal.partnershipId, () => {
      const ticket = ticketOf(request);
      return ticket ? answerOnce(request, ticket) : answer(request).then((answered) => answered.result);
    });
  };
}

function withDefaults(deps: HandlerDeps): PipelineDeps {
  return {
    ...deps,
    now: deps.now ?? (() => new Date()),
    newId: deps.newId ?? randomUUID,
    runAs: deps.runAs ?? ((_partnershipId, work) => work()),
  };
}

function begin(event: ApiEvent, deps: PipelineDeps): Exchange {
  const requestId = event.requestContext?.requestId ?? deps.newId();
  const logger = deps.logger.createChild({ persistentKeys: { requestId, routeKey: event.routeKey } });
  return { event, requestId, logger, deps };
}

/** Authorizes, parses, runs and audits a route, then answers: the only path by which a route's code is reached. */
async function answer(request: Authenticated): Promise<Answered> {
  const { principal, requestId, logger } = request;
  try {
    const response = await handle(request, await parse(authorize(request)));
    // The audit event comes before the answer: no answer leaves without one.
    await audit(request, response);
    logger.info('answered', { status: response.status, principal: principal.userId, role: principal.role });
    return {
      result: respond(response, requestId),
      subjects: response.subjects,
      restricted: response.restricted ?? false,
    };
  } catch (error) {
    return { result: await refuse(error, request), subjects: NO_SUBJECTS, restricted: false };
  }
}

/** A request with an `Idempotency-Key`: claimed, then answered and kept, or its first answer replayed. */
async function answerOnce(request: Authenticated, ticket: Ticket): Promise<ApiResult> {
  let claimed: Claimed;
  try {
    claimed = await claim(ticket, request.deps.now());
  } catch (error) {
    return refuse(error, request);
  }
  if (claimed.kind === 'done') return replay(request, claimed.response);
  const answered = await answer(request);
  await keep(ticket, answered, request.deps.now(), request.logger);
  return answered.result;
}

/** The first answer again, audited as a new reading of what it holds. */
async function replay(request: Authenticated, kept: KeptResponse): Promise<ApiResult> {
  try {
    // The first answer goes only to whoever may still ask for it.
    authorize(request);
    await audit(request, { subjects: kept.subjects, auditDetail: REPLAYED, restricted: kept.restricted });
  } catch (error) {
    return refuse(error, request);
  }
  return replayed(kept, request.requestId);
}
