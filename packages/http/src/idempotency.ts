import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  ConflictError,
  type IdempotencyClaim,
  type IdempotencyStore,
  type KeptResponse,
  ValidationError,
} from '@peermap/domain';
import { type Answered, type ApiEvent, type ApiResult, type Authenticated, header } from './exchange';
import type { Principal } from './principal';
import { routeKey } from './route';

/**
 * The idempotency of one request. A request sent with an `Idempotency-Key` is answered once: a repeat gets the first answer (its
 * reading audited again), a repeat while the first is still running is told to wait, and the
 * same key with a different request is refused. An answer that may change (a 409 to wait out,
 * a 5xx) is not kept, so the request can be tried again.
 */
export interface Ticket {
  store: IdempotencyStore;
  partnershipId: Principal['partnershipId'];
  /** The key as the caller sent it. */
  given: string;
  /** The key in the store: the caller's, for this route. */
  key: string;
  fingerprint: string;
}

/** A claim that lets the request go on: answered already (`done`), or first (`claimed`). */
export type Claimed = Exclude<IdempotencyClaim, { kind: 'in-progress' | 'different-request' }>;

/** What the audit of a replay says besides who and what. */
export const REPLAYED = 'The same request again (its Idempotency-Key): the first answer, with no second effect.';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,128}$/;

/** The ticket of a request that asks to be answered once; none for a read, no key or no store. */
export function ticketOf({ event, route, principal, deps }: Authenticated): Ticket | undefined {
  const given = header(event, 'idempotency-key');
  // Anonymous callers share one name: one's kept answer must never be replayed to another.
  if (given === undefined || route.method === 'GET' || !deps.idempotency || route.public !== undefined)
    return undefined;
  return {
    store: deps.idempotency,
    partnershipId: principal.partnershipId,
    given,
    key: scopedKey(principal.userId, routeKey(route), given),
    fingerprint: fingerprintOf(event),
  };
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

/** The claim stage: the key is taken for this request, or its first answer is found; refuses a bad key, a different request or a repeat too early. */
export async function claim(ticket: Ticket, at: Date): Promise<Claimed> {
  if (!IDEMPOTENCY_KEY.test(ticket.given)) {
    throw new ValidationError('The Idempotency-Key header is not one peermap takes.', [
      { path: 'idempotency-key', message: 'use 1-128 letters, digits, dashes or underscores' },
    ]);
  }
  const claimed = await ticket.store.claim(ticket.partnershipId, ticket.key, ticket.fingerprint, at);
  if (claimed.kind === 'different-request') {
    throw new ValidationError('This Idempotency-Key was sent before with a different request.', [
      { path: 'idempotency-key', message: 'use a new key for a new request' },
    ]);
  }
  if (claimed.kind === 'in-progress') {
    throw new ConflictError('The same request (its Idempotency-Key) is being answered now; ask again in a moment.');
  }
  return claimed;
}

/** The keep stage: the answer is kept for a repeat, or the key let go when the answer may change. */
export async function keep(ticket: Ticket, answered: Answered, at: Date, logger: Logger): Promise<void> {
  const { store, partnershipId, key } = ticket;
  try {
    if (mayChange(answered.result.statusCode ?? 500)) await store.release(partnershipId, key);
    else await store.keep(partnershipId, key, ticket.fingerprint, keptResponse(answered), at);
  } catch (error) {
    logger.warn('the answer could not be kept for a repeat', { error: String(error) });
    await store.release(partnershipId, key).catch(() => undefined);
  }
}

/** Answers that say "not now" (a conflict to wait out, a busy table, a fault): the same request may be answered otherwise later. */
const mayChange = (status: number) => status === 409 || status === 429 || status >= 500;

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

/** The first answer again, under this request's id and marked as a replay. */
export function replayed(kept: KeptResponse, requestId: string): ApiResult {
  return {
    statusCode: kept.status,
    headers: { ...kept.headers, 'x-request-id': requestId, 'idempotent-replayed': 'true' },
    ...(kept.body ? { body: kept.body } : {}),
    ...(kept.isBase64Encoded ? { isBase64Encoded: true } : {}),
  };
}
