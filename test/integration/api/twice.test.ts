import { randomUUID } from 'node:crypto';
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

  describe('with an Idempotency-Key, the writes that make a new record each time', () => {
    const SESSION = { date: '2026-12-10', time: '18:30', venue: 'Community Centre', facilitators: ['Early Help'] };
    let clusterId = '';
    beforeAll(async () => {
      const listed = await api.as('madp-chair').request('GET', '/v1/clusters?week=2026-W48');
      clusterId = (listed.body as { clusters: { clusterId: string }[] }).clusters[0]?.clusterId ?? '';
    });

    const cases = [
      {
        name: 'a group’s action plan',
        path: () => `/v1/clusters/${clusterId}/action-plans`,
        body: {},
        count: async () => (await api.table.store.actionPlans.ofCluster(DEMO, clusterId)).length,
      },
      {
        name: 'a place’s action plan',
        path: () => '/v1/locations/LOC0002/action-plans',
        body: {},
        count: async () => (await api.table.store.actionPlans.ofLocation(DEMO, 'LOC0002')).length,
      },
      {
        name: 'a group’s invitation list',
        path: () => `/v1/clusters/${clusterId}/invitation-lists`,
        body: { session: SESSION },
        count: async () => (await api.table.store.invitationLists.ofCluster(DEMO, clusterId)).length,
      },
      {
        name: 'an invitation list for chosen young people',
        path: () => '/v1/invitation-lists',
        body: { session: SESSION, youngPersonRefs: ['YP00005', 'YP00006'] },
        count: async () => (await api.table.store.invitationLists.list(DEMO, { limit: 500 })).items.length,
      },
      {
        name: 'a review’s decision to keep',
        path: () => '/v1/young-people/YP00007/reviews',
        body: { decision: 'keep', reason: 'the youth work is still going on' },
        count: async () => (await api.table.store.reviews.ofPerson(DEMO, 'YP00007')).length,
      },
      {
        name: 'an analysis run',
        path: () => '/v1/analyses',
        body: { week: '2026-W48', purpose: 'safety_planning' },
        count: async () => (await api.table.store.analyses.list(DEMO, { limit: 500 })).items.length,
      },
    ];

    it.each(cases)('$name: sent twice at once and once more, made once, the same answer replayed', async (c) => {
      const key = `twice-${randomUUID()}`;
      const chair = api.as('madp-chair');
      const send = () => chair.request('POST', c.path(), { body: c.body, headers: { 'idempotency-key': key } });
      const before = await c.count();
      const racing = await Promise.all([send(), send()]);
      const made = racing.filter((r) => r.status < 300);
      // The one that lost the race either waited for the first answer or was told to ask again.
      expect(racing.every((r) => r.status < 300 || r.status === 409)).toBe(true);
      expect(made.length).toBeGreaterThanOrEqual(1);
      const again = await send();
      expect(again.status).toBe(made[0]?.status);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.text).toBe(made[0]?.text);
      expect(await c.count()).toBe(before + 1);
    });

    it('refuses the same key with a different request, and takes a new key as a new request', async () => {
      const chair = api.as('madp-chair');
      const key = `twice-${randomUUID()}`;
      const first = await chair.request('POST', '/v1/invitation-lists', {
        body: { session: SESSION, youngPersonRefs: ['YP00008'] },
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(201);
      const other = await chair.request('POST', '/v1/invitation-lists', {
        body: { session: SESSION, youngPersonRefs: ['YP00009'] },
        headers: { 'idempotency-key': key },
      });
      expect(other.status).toBe(400);
      expect(other.headers.get('content-type')).toContain('application/problem+json');
      const badKey = await chair.request('POST', '/v1/invitation-lists', {
        body: { session: SESSION, youngPersonRefs: ['YP00009'] },
        headers: { 'idempotency-key': 'not a key!' },
      });
      expect(badKey.status).toBe(400);
    });
  });
});
