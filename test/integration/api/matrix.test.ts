import { apiDocument } from '@peermap/api';
import { Role as Roles } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../support/api';
import { type Api, makeRouteCases, TAG } from '../../support/route-cases';

const { cases, prepare } = makeRouteCases();

describe('every route, every role', () => {
  let api: Api;

  beforeAll(async () => {
    api = await startTestApi();
    await prepare(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('covers every route of the API, once', () => {
    const document = apiDocument();
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...cases.map((c) => c.route)].sort()).toEqual(documented.sort());
  });

  it.each(cases)('$route answers each role as its permissions say', async (c) => {
    const got: Record<string, number> = {};
    for (const role of Roles.options) {
      const { method, path, body, form, headers } = c.request(TAG[role]);
      const response = await api.as(role).request(method, path, {
        ...(body === undefined ? {} : { body }),
        ...(form ? { form } : {}),
        ...(headers ? { headers } : {}),
      });
      got[role] = response.status;
    }
    expect(got).toEqual(c.expected);
  });
});
