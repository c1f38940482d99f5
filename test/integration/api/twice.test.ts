import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, DEMO, startTestApi } from '../../support/api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

/**
 * A request delivered twice at once (a retry racing the original, a double click) has one
 * effect: one create wins and the other is told the record exists; one change of a version
 * wins and the other is told the record has changed. Nothing is written twice, nothing fails.
 */
describe('the same write delivered twice, at the same time', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApi();
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  const creates: { path: string; body: unknown; list: string }[] = [
    {
      path: '/v1/young-people',
      list: '/v1/young-people?limit=500',
      body: {
        ref: 'TWICE1',
        displayName: 'Casey T.',
        dateOfBirth: '2012-05-01',
        educationStatus: 'attending',
        agencies: ['early_help'],
        strengths: ['plays in a band'],
        status: 'open',
      },
    },
    {
      path: '/v1/locations',
      list: '/v1/locations?limit=500',
      body: { ref: 'TWICELOC', name: 'Bandstand', kind: 'park', sourceAgency: 'police' },
    },
    {
      path: '/v1/relationships',
      list: '/v1/relationships?limit=500',
      body: {
        personA: 'YP00001',
        personB: 'YP00119',
        kind: 'friend',
        strength: 2,
        sourceAgency: 'early_help',
        restricted: false,
      },
    },
    {
      path: '/v1/concerns',
      list: '/v1/concerns?limit=500',
      body: {
        personRef: 'YP00002',
        category: 'missing_episode',
        occurredOn: '2026-11-20',
        severity: 'medium',
        sourceAgency: 'social_care',
        status: 'open',
      },
    },
    {
      path: '/v1/sightings',
      list: '/v1/sightings?limit=500',
      body: {
        personRef: 'YP00003',
        locationRef: 'LOC0001',
        seenOn: '2026-11-21',
        sourceAgency: 'education',
        restricted: false,
      },
    },
  ];

  const count = async (path: string) => {
    let total = 0;
    let cursor: string | undefined;
    do {
      const page = await api
        .as('madp-chair')
        .request('GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = page.body as { items: unknown[]; cursor?: string };
      total += body.items.length;
      cursor = body.cursor;
    } while (cursor);
    return total;
  };

  it.each(creates)('POST $path: one created, one told it exists, one record', async ({ path, body, list }) => {
    const before = await count(list);
    const send = () => api.as('madp-chair').request('POST', path, { body });
    const results: ApiResponse[] = await Promise.all([send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count(list)).toBe(before + 1);
  });

  it('PATCH of one version: one changed, one told the record has changed, one new version', async () => {
    const chair = api.as('madp-chair');
    const read = await chair.request('GET', '/v1/young-people/YP00004');
    const etag = read.headers.get('etag') ?? '';
    const change = (keyWorker: string) =>
      chair.request('PATCH', '/v1/young-people/YP00004', { body: { keyWorker }, headers: { 'if-match': etag } });
    const results = await Promise.all([change('A. Worker'), change('B. Worker')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const after = await chair.request('GET', '/v1/young-people/YP00004');
    expect(Number(after.headers.get('etag')?.replaceAll('"', ''))).toBe(Number(etag.replaceAll('"', '')) + 1);
  });

  it('the same week uploaded twice at once is written once', async () => {
    const { demoFiles } = await import('@peermap/local');
    const files = demoFiles('week-4');
    const form = () => {
      const data = new FormData();
      for (const [name, bytes] of Object.entries(files)) data.append(name, new Blob([bytes]), name);
      return data;
    };
    const chair = api.as('madp-chair', DEMO);
    const results = await Promise.all([
      chair.request('POST', '/v1/uploads?week=2026-W48', { form: form() }),
      chair.request('POST', '/v1/uploads?week=2026-W48', { form: form() }),
    ]);
    expect(results.every((r) => r.status < 500)).toBe(true);
    const ids = results.map((r) => (r.body as { id?: string }).id).filter(Boolean);
    expect(new Set(ids).size).toBeLessThanOrEqual(1);
  });
});
