import { routeKeys } from '@peermap/contract';
import { describe, expect, it } from 'vitest';
import { apiDocument } from './openapi';

type Operation = {
  operationId: string;
  responses: Record<string, unknown>;
  requestBody?: unknown;
  security?: unknown[];
};

const operations = (): [string, Operation][] =>
  Object.entries(apiDocument().paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(
      ([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, Operation],
    ),
  );

describe('the API document', () => {
  it('names every operation with its own identifier, as generated clients need', () => {
    const ids = operations().map(([, operation]) => operation.operationId);
    expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const byRoute = Object.fromEntries(operations().map(([route, operation]) => [route, operation.operationId]));
    expect(byRoute['GET /v1/young-people']).toBe('listYoungPeople');
    expect(byRoute['PATCH /v1/young-people/{ref}']).toBe('updateYoungPerson');
    expect(byRoute['GET /v1/locations/{ref}/restricted-sightings']).toBe('listLocationRestrictedSightings');
  });

  it('documents the problems every operation can answer with, and where the API is and under which licence', () => {
    const document = apiDocument();
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.info.license).toEqual({ name: 'Apache-2.0', identifier: 'Apache-2.0' });
    for (const [route, operation] of operations()) {
      const documented = Object.keys(operation.responses);
      // A public route (no sign-in) is never refused for who asks, nor changes a record by its version.
      const open = operation.security?.length === 0;
      expect({ route, documented }).toEqual({
        route,
        documented: expect.arrayContaining([...(open ? [] : ['401', '403']), '404', '409', '503', 'default']),
      });
      if (open) expect({ route, documented }).not.toEqual({ route, documented: expect.arrayContaining(['401']) });
      const changes = !route.startsWith('GET ') && !open;
      expect({ route, ifMatch: documented.includes('412') && documented.includes('428') }).toEqual({
        route,
        ifMatch: changes,
      });
      const takesBody = operation.requestBody !== undefined;
      expect({ route, body: documented.includes('413') && documented.includes('415') }).toEqual({
        route,
        body: takesBody,
      });
    }
    for (const [, response] of Object.entries(document.components.responses)) {
      expect(response).toMatchObject({ content: { 'application/problem+json': expect.anything() } });
    }
  });

  it('opens only the parent’s feedback form without signing in, saying why', () => {
    const open = operations().filter(([, operation]) => operation.security?.length === 0);
    expect(open.map(([route]) => route).sort()).toEqual([
      'GET /v1/feedback-form/{key}',
      'POST /v1/feedback-form/{key}',
    ]);
    for (const [, operation] of open) expect(operation).toHaveProperty('x-peermap-public', expect.any(String));
  });

  it('describes exactly the routes of the contract, each once', () => {
    const served = operations().map(([route]) => route);
    expect(served.toSorted()).toEqual(routeKeys().toSorted());
  });

  it('documents a success body for every route that answers JSON', () => {
    const document = apiDocument();
    const cluster = document.paths['/v1/clusters/{id}']?.['get'] as Operation;
    expect(cluster.responses['200']).toMatchObject({ content: { 'application/json': { schema: expect.anything() } } });
    const dryRun = document.paths['/v1/uploads']?.['post'] as Operation;
    expect(Object.keys(dryRun.responses)).toEqual(expect.arrayContaining(['200', '201']));
  });
});
