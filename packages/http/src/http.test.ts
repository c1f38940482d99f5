import { Logger } from '@aws-lambda-powertools/logger';
import { type AuditEvent, NotFoundError, UnauthenticatedError, ValidationError } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type ApiEvent, createApiHandler } from './api-handler';
import { readJsonBody } from './body';
import { expectedVersion } from './etag';
import recorded from './fixtures/http-api-jwt-event.json' with { type: 'json' };
import { readMultipart } from './multipart';
import { principalFromClaims } from './principal';
import { HttpProblem, problemFor } from './problems';
import { route } from './route';

describe('the principal', () => {
  const claims = { sub: 'u1', 'custom:partnership': 'kent' };

  it.each([
    ['a list in a string, as API Gateway passes it', '[early-help-lead]'],
    ['a list', ['early-help-lead']],
    ['one group with other groups that are not roles', '[staff early-help-lead]'],
  ])('reads the role from %s', (_, groups) => {
    expect(principalFromClaims({ ...claims, 'cognito:groups': groups })).toEqual({
      userId: 'u1',
      partnershipId: 'kent',
      role: 'early-help-lead',
    });
  });

  it.each([
    ['no claims', undefined],
    ['no role', { ...claims }],
    ['two roles', { ...claims, 'cognito:groups': '[madp-chair police-analyst]' }],
    ['an unknown role', { ...claims, 'cognito:groups': '[superuser]' }],
    ['no partnership', { sub: 'u1', 'cognito:groups': '[madp-chair]' }],
    ['a malformed partnership', { ...claims, 'custom:partnership': 'Kent#1', 'cognito:groups': '[madp-chair]' }],
  ])('is unauthenticated with %s', (_, given) => {
    expect(() => principalFromClaims(given)).toThrow(UnauthenticatedError);
  });
});

describe('problems', () => {
  it('show a typed error and its fields', () => {
    const problem = problemFor(
      new ValidationError('The body is not valid.', [{ path: 'ref', message: 'is required' }]),
      'r1',
    );
    expect(problem).toMatchObject({
      status: 400,
      detail: 'The body is not valid.',
      errors: [{ path: 'ref', message: 'is required' }],
    });
    expect(problemFor(new NotFoundError('young person', 'YP1'), 'r1').status).toBe(404);
    expect(problemFor(new HttpProblem(415, 'Unsupported media type', 'Send JSON.'), 'r1').status).toBe(415);
  });

  it('never show the message of an unexpected error', () => {
    const problem = problemFor(new Error('ECONNREFUSED 10.0.0.4:8000 while reading P#demo#YP#YP00001'), 'r1');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|YP00001/);
  });
});

describe('request bodies', () => {
  it('refuse keys that reach a prototype, wherever they are', () => {
    expect(() => readJsonBody('{"a": {"b": {"__proto__": {}}}}', false, 'application/json')).toThrow(ValidationError);
  });

  it('accept JSON with a charset and base64 bodies', () => {
    const body = Buffer.from('{"a":1}').toString('base64');
    expect(readJsonBody(body, true, 'application/json; charset=utf-8')).toEqual({ a: 1 });
  });
});

describe('multipart bodies', () => {
  const BOUNDARY = 'b0undary';
  const contentType = `multipart/form-data; boundary=${BOUNDARY}`;
  const body = (...parts: (readonly [name: string, filename: string | undefined, content: string])[]) =>
    [
      ...parts.map(
        ([name, filename, content]) =>
          `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${content}\r\n`,
      ),
      `--${BOUNDARY}--\r\n`,
    ].join('');

  it('read each part by its name', async () => {
    const files = await readMultipart(body(['a.csv', 'a.csv', 'one'], ['b.csv', 'b.csv', 'two']), false, contentType);
    expect(Object.fromEntries([...files].map(([name, bytes]) => [name, Buffer.from(bytes).toString()]))).toEqual({
      'a.csv': 'one',
      'b.csv': 'two',
    });
  });

  it.each([
    [
      'a sheet',
      [
        ['young_people.csv', 'y.csv', 'first'],
        ['young_people.csv', 'y.csv', 'second'],
      ],
    ],
    [
      'a sheet under another file name',
      [
        ['young_people.csv', 'a.csv', 'first'],
        ['young_people.csv', 'b.csv', 'second'],
      ],
    ],
    [
      'a workbook',
      [
        ['workbook', 'week.xlsx', 'first'],
        ['workbook', 'week (1).xlsx', 'second'],
      ],
    ],
    [
      'a part sent as a file and as a field',
      [
        ['young_people.csv', 'y.csv', 'first'],
        ['young_people.csv', undefined, 'second'],
      ],
    ],
  ] as const)('refuse a repeated part (%s), naming it', async (_, parts) => {
    expect.assertions(2);
    const refused = readMultipart(body(...parts), false, contentType);
    await expect(refused).rejects.toThrow(ValidationError);
    await expect(refused).rejects.toMatchObject({
      problems: [{ path: parts[0][0], message: expect.stringMatching(/twice/) }],
    });
  });
});

describe('If-Match', () => {
  it('reads a strong or weak ETag', () => {
    expect(expectedVersion({ 'If-Match': '"7"' })).toBe(7);
    expect(expectedVersion({ 'if-match': 'W/"12"' })).toBe(12);
  });

  it('is required, and must be one of ours', () => {
    expect(() => expectedVersion({})).toThrow(HttpProblem);
    expect(() => expectedVersion({ 'if-match': '*' })).toThrow(HttpProblem);
  });
});

describe('the handler', () => {
  const events: AuditEvent[] = [];
  const handler = createApiHandler(
    [
      route({
        method: 'GET',
        path: '/v1/things/{ref}',
        operationId: 'getThing',
        summary: 'A thing',
        permission: 'young-people:read',
        resource: 'things',
        action: 'read',
        params: z.strictObject({ ref: z.string() }),
        responses: { 200: { json: z.object({ ref: z.string() }) } },
        handle: async ({ params }) => {
          if (params.ref === 'boom') throw new Error('secret detail');
          return { status: 200, body: { ref: params.ref }, subjects: { youngPeople: [params.ref], carers: [] } };
        },
      }),
    ],
    {
      audit: { record: async (event) => void events.push(event), byYoungPerson: never, byCarer: never, byUser: never },
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
    },
  );
  /** A real HTTP API (JWT authorizer) event, for another ref and other groups. */
  const event = (ref: string, groups: string): ApiEvent => ({
    ...recorded,
    pathParameters: { ref },
    requestContext: {
      ...recorded.requestContext,
      requestId: `req-${ref}`,
      authorizer: {
        ...recorded.requestContext.authorizer,
        jwt: {
          ...recorded.requestContext.authorizer.jwt,
          claims: { ...recorded.requestContext.authorizer.jwt.claims, 'cognito:groups': groups },
        },
      },
    },
  });

  it('answers, and audits what it returned', async () => {
    const result = await handler(event('T1', '[madp-chair]'));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['x-request-id']).toBe('req-T1');
    expect(events.at(-1)).toMatchObject({ outcome: 'allowed', requestId: 'req-T1', subjects: { youngPeople: ['T1'] } });
  });

  it('refuses a role without the permission, and audits the refusal', async () => {
    const result = await handler(event('T2', '[partnership-admin]'));
    expect(result.statusCode).toBe(403);
    expect(events.at(-1)).toMatchObject({ outcome: 'denied', subjects: { youngPeople: [], carers: [] } });
  });

  it('hides an unexpected failure behind a plain 500', async () => {
    const result = await handler(event('boom', '[madp-chair]'));
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('secret detail');
  });
});

async function never(): Promise<never> {
  throw new Error('not used');
}
