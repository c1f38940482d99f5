import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { contractMismatch, routeOf } from './conformance';

const JSON_TYPE = 'application/json';
const answer = (
  method: string,
  path: string,
  status: number,
  body: unknown,
  contentType: string | null = JSON_TYPE,
) => ({
  method,
  path,
  status,
  contentType,
  body,
});

describe("the contract's check of an answer", () => {
  it('finds the route a request went to, a segment the API names before a parameter', () => {
    expect(routeOf('GET', '/v1/uploads/large/UP1')?.template).toBe('/v1/uploads/large/{id}');
    expect(routeOf('POST', '/v1/uploads/large')?.template).toBe('/v1/uploads/large');
    expect(routeOf('GET', '/v1/uploads/template?format=csv')?.template).toBe('/v1/uploads/template');
    expect(routeOf('GET', '/v1/uploads/UP1')?.template).toBe('/v1/uploads/{id}');
    expect(routeOf('GET', '/index.html')).toBeUndefined();
  });

  it('accepts an answer that fits its route and status', () => {
    const person = examples.youngPerson;
    expect(contractMismatch(answer('GET', `/v1/young-people/${person.ref}`, 200, person))).toBeUndefined();
    expect(contractMismatch(answer('GET', '/v1/young-people?limit=2', 200, { items: [person] }))).toBeUndefined();
    expect(contractMismatch(answer('DELETE', '/v1/locations/LOC1', 204, undefined, null))).toBeUndefined();
    expect(contractMismatch(answer('GET', '/v1/clusters/C1/picture', 200, '<svg/>', 'image/svg+xml'))).toBeUndefined();
    const problem = { type: 'about:blank', title: 'Not found', status: 404, detail: 'No such route.' };
    expect(contractMismatch(answer('GET', '/v1/nowhere', 404, problem, 'application/problem+json'))).toBeUndefined();
  });

  it('refuses a body its route does not describe, naming the field', () => {
    const { displayName: _, ...nameless } = examples.youngPerson;
    expect(contractMismatch(answer('GET', '/v1/young-people/YP1', 200, nameless))).toMatch(/displayName/);
    expect(contractMismatch(answer('GET', '/v1/me', 200, { userId: 'u1', role: 'janitor' }))).toMatch(/role/);
  });

  it('refuses a status the route does not list, a file of another type, a body where none is listed', () => {
    expect(contractMismatch(answer('GET', '/v1/me', 201, {}))).toMatch(/does not list/);
    expect(contractMismatch(answer('GET', '/v1/clusters/C1/picture', 200, 'x', 'text/plain'))).toMatch(/svg/);
    expect(contractMismatch(answer('DELETE', '/v1/locations/LOC1', 204, 'surprise', 'text/plain'))).toMatch(/none/);
  });

  it('refuses a problem that is not an RFC 9457 problem', () => {
    expect(contractMismatch(answer('GET', '/v1/me', 500, 'oops', 'text/plain'))).toMatch(/not a problem/);
    expect(contractMismatch(answer('GET', '/v1/me', 403, { title: 'No' }, 'application/problem+json'))).toMatch(
      /detail/,
    );
  });
});
