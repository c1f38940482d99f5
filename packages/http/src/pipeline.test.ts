import { Logger } from '@aws-lambda-powertools/logger';
import type { AuditEvent, IdempotencyClaim, IdempotencyStore, KeptResponse } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createApiHandler } from './api-handler';
import { AuditNotWritten, audit, outcomeOf } from './audit';
import type { Answered, ApiEvent, Authenticated } from './exchange';
import recorded from './fixtures/http-api-jwt-event.json' with { type: 'json' };
import { claim, keep, replayed, ticketOf } from './idempotency';
import { NO_SUBJECTS, publicRoute, route } from './route';
import { authenticate, authorize, refuse, respond } from './stages';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
const thing = route({
  method: 'POST',
  path: '/v1/things',
  operationId: 'createThing',
  summary: 'A new thing',
  permission: 'young-people:write',
  resource: 'things',
  action: 'create',
  responses: { 201: {} },
  handle: async () => ({ status: 201, subjects: NO_SUBJECTS }),
});

function requestWith(
  options: {
    write?: (event: AuditEvent) => Promise<void>;
    headers?: Record<string, string>;
    store?: IdempotencyStore;
  } = {},
) {
  const events: AuditEvent[] = [];
  const write = options.write ?? (async (event: AuditEvent) => void events.push(event));
  const event: ApiEvent = { ...recorded, routeKey: 'POST /v1/things', headers: options.headers ?? {} };
  const request: Authenticated = {
    event,
    requestId: 'req-1',
    logger,
    deps: {
      audit: { record: write, byYoungPerson: never, byCarer: never, byUser: never },
      logger,
      now: () => new Date('2026-01-05T10:00:00Z'),
      newId: () => 'id-1',
      runAs: (_partnershipId, work) => work(),
      ...(options.store ? { idempotency: options.store } : {}),
    },
    route: thing,
    principal: { userId: 'u1', partnershipId: 'kent', role: 'madp-chair' },
  };
  return { request, events };
}

describe('the order of the stages', () => {
  it('sends no data when the audit event of the answer cannot be written (fail-closed)', async () => {
    const { request } = requestWith();
    const handled: string[] = [];
    const secret = route({
      ...thing,
      responses: { 201: { json: z.object({ ref: z.string() }) } },
      handle: async () => {
        handled.push('handled');
        return { status: 201, body: { ref: 'YP00001' }, subjects: { youngPeople: ['YP00001'], carers: [] } };
      },
    });
    const handler = createApiHandler([secret], {
      ...request.deps,
      audit: { ...request.deps.audit, record: async () => Promise.reject(new Error('table busy')) },
    });
    const result = await handler(request.event);
    expect(handled).toEqual(['handled']);
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('YP00001');
  });
});

describe('the authenticate stage', () => {
  it('answers 404 for a route the table does not hold, before reading any claim', () => {
    const { request } = requestWith();
    expect(() =>
      authenticate({ ...request, event: { ...request.event, routeKey: 'GET /v1/nowhere' } }, new Map()),
    ).toThrow('There is no such route.');
  });
});

describe('the authorize stage', () => {
  it('refuses a role without the route’s permission', () => {
    const { request } = requestWith();
    expect(() => authorize({ ...request, principal: { ...request.principal, role: 'partnership-admin' } })).toThrow(
      /young-people:write/,
    );
  });
});

describe('the audit stage', () => {
  it('adds a restricted event when a shared route also returned police intelligence', async () => {
    const { request, events } = requestWith();
    await audit(request, { subjects: NO_SUBJECTS, restricted: true });
    expect(events.map((event) => [event.outcome, event.restricted ?? false])).toEqual([
      ['allowed', false],
      ['allowed', true],
    ]);
  });

  it('fails as AuditNotWritten when the log does not take the event', async () => {
    const { request } = requestWith({ write: async () => Promise.reject(new Error('table busy')) });
    await expect(audit(request, { subjects: NO_SUBJECTS })).rejects.toBeInstanceOf(AuditNotWritten);
  });

  it.each([
    [403, 'denied'],
    [404, 'not_found'],
    [412, 'invalid'],
    [503, 'failed'],
  ] as const)('records a %i as %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe('refusals', () => {
  it('are audited with their outcome', async () => {
    const { request, events } = requestWith();
    const result = await refuse(new Error('boom'), request);
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(events).toMatchObject([{ outcome: 'failed', detail: 'Something went wrong' }]);
  });

  it('become a 503 when their own audit event cannot be written', async () => {
    const { request } = requestWith({ write: async () => Promise.reject(new Error('table busy')) });
    expect((await refuse(new Error('boom'), request)).statusCode).toBe(503);
  });

  it('record nothing more when it was the answer’s audit event that failed', async () => {
    const { request, events } = requestWith();
    const result = await refuse(new AuditNotWritten(new Error('table busy')), request);
    expect(result.statusCode).toBe(500);
    expect(events).toEqual([]);
  });
});

describe('the respond stage', () => {
  it('sends JSON with the request id and the route’s headers', () => {
    const result = respond({ status: 201, body: { ref: 'T1' }, headers: { etag: '"1"' }, subjects: NO_SUBJECTS }, 'r1');
    expect(result).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-request-id': 'r1', etag: '"1"' },
      body: '{"ref":"T1"}',
    });
  });

  it('sends a file as base64 to download', () => {
    const file = { contentType: 'text/csv', filename: 'a.csv', bytes: new TextEncoder().encode('a,b') };
    const result = respond({ status: 200, file, subjects: NO_SUBJECTS }, 'r1');
    expect(result).toMatchObject({ body: 'YSxi', isBase64Encoded: true });
    expect(result.headers?.['content-disposition']).toBe('attachment; filename="a.csv"');
  });
});

describe('idempotency', () => {
  const storeAnswering = (answer: IdempotencyClaim, calls: string[] = []): IdempotencyStore => ({
    claim: async () => answer,
    keep: async (_p, _k, _f, response) => void calls.push(`keep ${response.status} ${Object.keys(response.headers)}`),
    release: async () => void calls.push('release'),
  });
  const ticketFor = (store: IdempotencyStore, key = 'k-1') => {
    const ticket = ticketOf(requestWith({ headers: { 'Idempotency-Key': key }, store }).request);
    if (!ticket) throw new Error('no ticket');
    return ticket;
  };
  const answered = (statusCode: number): Answered => ({
    result: { statusCode, headers: { 'x-request-id': 'r1', etag: '"1"' }, body: '{}' },
    subjects: NO_SUBJECTS,
    restricted: false,
  });
  const at = new Date('2026-01-05T10:00:00Z');

  it('asks nothing of a request without a key, or without a store', () => {
    expect(ticketOf(requestWith({ store: storeAnswering({ kind: 'claimed' }) }).request)).toBeUndefined();
    expect(ticketOf(requestWith({ headers: { 'idempotency-key': 'k' } }).request)).toBeUndefined();
  });

  it('scopes the key to the caller and the route', () => {
    const ticket = ticketFor(storeAnswering({ kind: 'claimed' }));
    expect(ticket.key).toMatch(/^[0-9a-f]{64}$/);
    expect(ticket.key).not.toContain('k-1');
  });

  it.each([
    ['a key peermap does not take', { kind: 'claimed' }, 'k 1', /not one peermap takes/],
    ['the same key with another request', { kind: 'different-request' }, 'k-1', /different request/],
    ['a repeat while the first is answered', { kind: 'in-progress' }, 'k-1', /being answered now/],
  ] as const)('refuses %s', async (_, answer, key, message) => {
    await expect(claim(ticketFor(storeAnswering(answer), key), at)).rejects.toThrow(message);
  });

  it('keeps a final answer without its request id, and lets go of one that may change', async () => {
    const calls: string[] = [];
    const store = storeAnswering({ kind: 'claimed' }, calls);
    await keep(ticketFor(store), answered(201), at, logger);
    await keep(ticketFor(store), answered(409), at, logger);
    await keep(ticketFor(store), answered(503), at, logger);
    expect(calls).toEqual(['keep 201 etag', 'release', 'release']);
  });

  it('replays the first answer under the new request id', () => {
    const kept: KeptResponse = {
      status: 201,
      headers: { etag: '"1"' },
      body: '{}',
      isBase64Encoded: false,
      subjects: NO_SUBJECTS,
      restricted: false,
    };
    expect(replayed(kept, 'r2')).toEqual({
      statusCode: 201,
      headers: { etag: '"1"', 'x-request-id': 'r2', 'idempotent-replayed': 'true' },
      body: '{}',
    });
  });
});

async function never(): Promise<never> {
  throw new Error('not used');
}

describe('a public route', () => {
  const partnerships: string[] = [];
  const open = publicRoute({
    method: 'POST',
    path: '/v1/forms/{key}',
    operationId: 'answerForm',
    summary: 'An answer without signing in',
    public: {
      because: 'a test of the opt-in',
      notFound: 'No such form.',
      partnershipOf: (path) => (path['key']?.startsWith('kent.') ? 'kent' : undefined),
    },
    resource: 'forms',
    action: 'create',
    params: z.strictObject({ key: z.string() }),
    body: z.strictObject({ words: z.string() }),
    responses: { 204: {} },
    handle: async ({ partnershipId }) => {
      partnerships.push(partnershipId);
      return { status: 204, subjects: NO_SUBJECTS };
    },
  });
  const call = (key: string, body: string, claims?: Record<string, string>) => {
    const events: AuditEvent[] = [];
    const { request } = requestWith();
    const handler = createApiHandler([open], {
      ...request.deps,
      audit: { ...request.deps.audit, record: async (e: AuditEvent) => void events.push(e) },
    });
    const event: ApiEvent = {
      ...recorded,
      routeKey: 'POST /v1/forms/{key}',
      pathParameters: { key },
      headers: { 'content-type': 'application/json', 'idempotency-key': 'same-for-everyone' },
      body,
      isBase64Encoded: false,
      requestContext: {
        ...recorded.requestContext,
        authorizer: { ...recorded.requestContext.authorizer, jwt: { claims: claims ?? {}, scopes: [] } },
      },
    };
    return handler(event).then((result) => ({ result, events }));
  };

  it('runs as the partnership its path names, audited with an anonymous actor, whatever token came with it', async () => {
    const chair = { sub: 'u1', 'custom:partnership': 'leeds', 'cognito:groups': '[madp-chair]' };
    const { result, events } = await call('kent.abc', '{"words":"thank you"}', chair);
    expect(result.statusCode).toBe(204);
    expect(partnerships).toEqual(['kent']);
    expect(events).toMatchObject([
      {
        partnershipId: 'kent',
        actor: { userId: 'anonymous', role: 'anonymous' },
        action: 'create',
        outcome: 'allowed',
      },
    ]);
  });

  it('answers 404 for a key naming no partnership, recording nothing anywhere', async () => {
    const { result, events } = await call('nobody', '{"words":"hello"}');
    expect(result.statusCode).toBe(404);
    expect(events).toEqual([]);
  });

  it('takes a small body only', async () => {
    const { result, events } = await call('kent.abc', JSON.stringify({ words: 'x'.repeat(9000) }));
    expect(result.statusCode).toBe(413);
    expect(events).toMatchObject([{ actor: { role: 'anonymous' }, outcome: 'invalid' }]);
  });
});
