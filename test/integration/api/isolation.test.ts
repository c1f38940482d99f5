import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, OTHER, startTestApi } from '../../support/api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

/** Every route that names a record, pointed at records that exist only in the demo partnership. */
const probes: { method: string; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/v1/young-people/YP00001' },
  { method: 'PATCH', path: '/v1/young-people/YP00001', body: { status: 'closed' } },
  { method: 'DELETE', path: '/v1/young-people/YP00001?erase=true', body: { reason: 'a probe from elsewhere' } },
  { method: 'GET', path: '/v1/young-people/YP00001/relationships' },
  { method: 'GET', path: '/v1/young-people/YP00001/sightings' },
  { method: 'GET', path: '/v1/young-people/YP00001/concerns' },
  { method: 'GET', path: '/v1/young-people/YP00001/carers' },
  { method: 'GET', path: '/v1/relationships/YP00001/YP00002' },
  { method: 'PATCH', path: '/v1/relationships/YP00001/YP00002', body: { strength: 1 } },
  { method: 'DELETE', path: '/v1/relationships/YP00001/YP00002' },
  { method: 'GET', path: '/v1/locations/LOC0001' },
  { method: 'PATCH', path: '/v1/locations/LOC0001', body: { notes: 'x' } },
  { method: 'DELETE', path: '/v1/locations/LOC0001' },
  { method: 'GET', path: '/v1/locations/LOC0014/sightings' },
  { method: 'GET', path: '/v1/sightings/YP00001~LOC0007~2026-11-04~education' },
  { method: 'PATCH', path: '/v1/sightings/YP00001~LOC0007~2026-11-04~education', body: {} },
  { method: 'DELETE', path: '/v1/sightings/YP00001~LOC0007~2026-11-04~education' },
  { method: 'GET', path: '/v1/concerns/YP00001~missing_episode~2026-11-05~education' },
  { method: 'PATCH', path: '/v1/concerns/YP00001~missing_episode~2026-11-05~education', body: { status: 'closed' } },
  { method: 'DELETE', path: '/v1/concerns/YP00001~missing_episode~2026-11-05~education' },
  { method: 'GET', path: '/v1/carers/CR00001' },
  { method: 'PATCH', path: '/v1/carers/CR00001', body: { transportNeeded: true } },
  { method: 'DELETE', path: '/v1/carers/CR00001' },
  {
    method: 'POST',
    path: '/v1/carers/CR00001/consent',
    body: { status: 'declined', recordedOn: '2026-11-30', recordedBy: 'Kim Keyworker' },
  },
];

describe('partnerships never see each other', () => {
  let api: Api;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(probes)(
    "answers $method $path for another partnership's ref as not found",
    async ({ method, path, body }) => {
      const response = await api.as('madp-chair', OTHER).request(method, path, {
        ...(body === undefined ? {} : { body }),
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(404);
      // The detail may repeat the ref that was asked for, never anything the other partnership holds.
      expect(response.text).not.toMatch(/Leon|Ibrahim|Layla|Old Mill|Riverside|version/);
    },
  );

  it("leaves no trace of the probes in the demo partnership, and no data in the prober's audit", async () => {
    const demoTrail = async () =>
      (await api.table.store.audit.byYoungPerson(DEMO, 'YP00001', { limit: 500 })).items.length;
    const before = await demoTrail();
    for (const { method, path, body } of probes) {
      await api
        .as('madp-chair', OTHER)
        .request(method, path, { ...(body === undefined ? {} : { body }), headers: { 'if-match': '"1"' } });
    }
    expect(await demoTrail()).toBe(before);
    const probersTrail = await api.table.store.audit.byUser(OTHER, `demo-madp-chair@${OTHER}`, { limit: 500 });
    expect(probersTrail.items.length).toBeGreaterThanOrEqual(probes.length);
    for (const event of probersTrail.items) {
      expect(event.partnershipId).toBe(OTHER);
      expect(event.outcome).toBe('not_found');
      expect(event.subjects).toEqual({ youngPeople: [], carers: [] });
    }
  });

  it('lists only the partnership of the user', async () => {
    const response = await api.as('madp-chair', OTHER).request('GET', '/v1/young-people');
    expect(response.body).toEqual({ items: [expect.objectContaining({ ref: 'OT1', partnershipId: OTHER })] });
    const carers = await api.as('madp-chair', OTHER).request('GET', '/v1/carers');
    expect(carers.body).toEqual({ items: [expect.objectContaining({ ref: 'OC1', partnershipId: OTHER })] });
  });

  it("refuses to link a record to another partnership's young person", async () => {
    const response = await api.as('madp-chair', OTHER).request('POST', '/v1/relationships', {
      body: {
        personA: 'OT1',
        personB: 'YP00001',
        kind: 'friend',
        strength: 2,
        sourceAgency: 'police',
        restricted: false,
      },
    });
    expect(response.status).toBe(400);
    expect(await api.table.store.relationships.ofPerson(OTHER, 'OT1')).toEqual([]);
  });

  it("refuses a page cursor from another partnership's list", async () => {
    const page = await api.as('madp-chair').request('GET', '/v1/young-people?limit=1');
    const cursor = (page.body as { cursor: string }).cursor;
    const response = await api.as('madp-chair', OTHER).request('GET', `/v1/young-people?cursor=${cursor}`);
    expect(response.status).toBe(400);
  });
});
