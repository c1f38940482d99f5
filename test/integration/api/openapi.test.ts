import { apiDocument, FUNCTIONS } from '@peermap/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../support/api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

describe('the API document', () => {
  let api: Api;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is served as OpenAPI 3.1 without signing in', async () => {
    const response = await fetch(`${api.server.url}/v1/openapi.json`);
    expect(response.status).toBe(200);
    const served = (await response.json()) as ReturnType<typeof apiDocument>;
    expect(served.openapi).toBe('3.1.0');
    expect(served).toEqual(JSON.parse(JSON.stringify(apiDocument())));
  });

  it('describes every path parameter of every path, and a body for every change', () => {
    const { paths } = apiDocument();
    for (const [path, operations] of Object.entries(paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const described = (operation as { parameters: { name: string; in: string }[] }).parameters
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name);
        expect(described, `${method} ${path}`).toEqual(inPath);
        // Opening a large upload is the one change without a body: the file goes elsewhere.
        if ((method === 'post' && path !== '/v1/uploads/large') || method === 'patch') {
          expect(operation, `${method} ${path}`).toHaveProperty('requestBody');
        }
      }
    }
  });

  it('names only routes that answer, and every route that does', async () => {
    const { paths } = apiDocument();
    const chair = api.as('madp-chair');
    for (const [path, operations] of Object.entries(paths)) {
      for (const method of Object.keys(operations)) {
        const concrete = path.replaceAll(/\{\w+\}/g, 'X1');
        const response = await chair.request(method.toUpperCase(), concrete, { headers: { 'if-match': '"1"' } });
        // Any answer but "no such route" (404 from routing says "There is no such route.").
        expect(response.text, `${method} ${path}`).not.toContain('There is no such route');
        expect(response.status, `${method} ${path}`).not.toBe(405);
      }
    }
  });

  it('has a Lambda function for every group of routes', () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual([
      'action-plans',
      'analyses',
      'audit',
      'carers',
      'concerns',
      'exports',
      'feedback-form',
      'invitation-lists',
      'locations',
      'relationships',
      'reports',
      'settings',
      'sightings',
      'uploads',
      'young-people',
    ]);
  });
});
