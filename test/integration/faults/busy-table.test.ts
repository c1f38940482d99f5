import { demoFiles } from '@peermap/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, DEMO, startTestApi } from '../../support/api';
import { type BusyTable, injectBusyTable } from '../../support/faults';

type Api = Awaited<ReturnType<typeof startTestApi>>;

/** A partnership of its own for the week uploaded while the table is busy. */
const BUSY = 'busy';
const SESSION = {
  date: '2099-12-10',
  time: '18:30',
  venue: 'Community Centre',
  facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
};
const ifMatch = (response: ApiResponse) => ({ 'if-match': response.headers.get('etag') ?? '' });

/**
 * Every write path with DynamoDB throttling one write call in three and leaving half of each
 * batch unprocessed at first: each request still answers as it would on a well table, and
 * what it wrote reads back whole. A table that stays busy gets a 503 with nothing written,
 * and the same request succeeds once the table recovers.
 */
describe('writes while the table is busy', () => {
  let api: Api;
  let busy: BusyTable;
  const chair = (p = DEMO) => api.as('madp-chair', p);
  const lead = () => api.as('early-help-lead');
  const admin = () => api.as('partnership-admin');

  beforeAll(async () => {
    api = await startTestApi();
    busy = injectBusyTable(api.table.ctx.client, { throttleEvery: 3 });
  }, 120_000);
  afterAll(async () => {
    busy.stop();
    process.stdout.write(
      `\nBusy table: ${busy.throttled} write calls throttled, ${busy.transactionsCancelled} transactions cancelled for throttling, ${busy.heldBack} batch requests held back as UnprocessedItems; every request answered as on a well table.\n`,
    );
    await api.close();
  });

  const expectStatus = async (response: Promise<ApiResponse>, status: number) => {
    const answered = await response;
    expect({ status: answered.status, body: answered.status === status ? '' : answered.text }).toEqual({
      status,
      body: '',
    });
    return answered;
  };

  it('changes the map through every record route', async () => {
    const person = {
      ref: 'BUSY1',
      displayName: 'Robin B.',
      dateOfBirth: '2012-03-04',
      educationStatus: 'attending',
      agencies: ['early_help'],
      strengths: ['plays chess'],
      status: 'open',
    };
    await expectStatus(chair().request('POST', '/v1/young-people', { body: person }), 201);
    const read = await chair().request('GET', '/v1/young-people/BUSY1');
    await expectStatus(
      chair().request('PATCH', '/v1/young-people/BUSY1', { body: { keyWorker: 'Kim K.' }, headers: ifMatch(read) }),
      200,
    );
    const pair = { personA: 'BUSY1', personB: 'YP00001', kind: 'friend', strength: 2, sourceAgency: 'early_help' };
    await expectStatus(chair().request('POST', '/v1/relationships', { body: { ...pair, restricted: false } }), 201);
    const rel = await chair().request('GET', '/v1/relationships/BUSY1/YP00001');
    await expectStatus(
      chair().request('PATCH', '/v1/relationships/BUSY1/YP00001', { body: { strength: 3 }, headers: ifMatch(rel) }),
      200,
    );
    const place = { ref: 'BUSYLOC', name: 'Bus station', kind: 'transport', sourceAgency: 'police' };
    await expectStatus(chair().request('POST', '/v1/locations', { body: place }), 201);
    const sighting = { personRef: 'BUSY1', locationRef: 'BUSYLOC', seenOn: '2026-11-20', sourceAgency: 'police' };
    await expectStatus(chair().request('POST', '/v1/sightings', { body: { ...sighting, restricted: false } }), 201);
    const concern = {
      personRef: 'BUSY1',
      category: 'missing_episode',
      occurredOn: '2026-11-21',
      severity: 'medium',
      sourceAgency: 'social_care',
      status: 'open',
    };
    await expectStatus(chair().request('POST', '/v1/concerns', { body: concern }), 201);
    const carer = {
      ref: 'BUSYCR',
      youngPersonRefs: ['BUSY1', 'YP00002'],
      name: 'Jordan B.',
      relationship: 'mother',
      parentalResponsibility: true,
      contact: { phone: '07700 900123' },
      interpreterNeeded: false,
      transportNeeded: false,
      consent: { status: 'not_asked' },
      doNotContact: false,
    };
    await expectStatus(lead().request('POST', '/v1/carers', { body: carer }), 201);
    const storedCarer = await lead().request('GET', '/v1/carers/BUSYCR');
    await expectStatus(
      lead().request('PATCH', '/v1/carers/BUSYCR', {
        body: { youngPersonRefs: ['BUSY1'] },
        headers: ifMatch(storedCarer),
      }),
      200,
    );

    const store = api.table.store;
    expect((await store.youngPeople.get(DEMO, 'BUSY1'))?.keyWorker).toBe('Kim K.');
    expect((await store.relationships.get(DEMO, { personA: 'BUSY1', personB: 'YP00001' }))?.strength).toBe(3);
    expect(await store.sightings.ofPerson(DEMO, 'BUSY1')).toHaveLength(1);
    expect(await store.concerns.ofPerson(DEMO, 'BUSY1')).toHaveLength(1);
    expect(await store.carers.youngPeopleOf(DEMO, 'BUSYCR')).toEqual(['BUSY1']);
    expect(busy.throttled).toBeGreaterThan(0);
    expect(busy.transactionsCancelled).toBeGreaterThan(0);
  }, 60_000);

  it('uploads a whole week, analyses it, and plans for a group', async () => {
    const form = new FormData();
    for (const [name, bytes] of Object.entries(demoFiles('week-1'))) form.append(name, new Blob([bytes]), name);
    const uploaded = await expectStatus(chair(BUSY).request('POST', '/v1/uploads?week=2026-W45', { form }), 201);
    const counts = (uploaded.body as { counts: Record<string, { created: number }> }).counts;
    expect(counts['young_people']?.created).toBe(120);
    // Week 1's 28 restricted rows go to police's own layer, counted apart.
    expect(counts['relationships']?.created).toBe(326);
    expect((uploaded.body as { restrictedReceived?: number }).restrictedReceived).toBe(28);
    expect((await chair(BUSY).request('GET', '/v1/young-people?limit=500')).body).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ ref: 'YP00120' })]),
    });

    const started = await expectStatus(
      chair(BUSY).request('POST', '/v1/analyses', { body: { week: '2026-W45', purpose: 'safety_planning' } }),
      202,
    );
    let run = { status: 'queued', id: '' };
    for (let attempt = 0; attempt < 300 && (run.status === 'queued' || run.status === 'running'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await chair(BUSY).request('GET', started.headers.get('location') ?? '')).body as typeof run;
    }
    expect(run.status).toBe('completed');
    const clusters = (await chair(BUSY).request('GET', '/v1/clusters?week=2026-W45')).body as {
      clusters: { clusterId: string }[];
    };
    const clusterId = clusters.clusters[0]?.clusterId ?? '';
    const drafted = await expectStatus(
      chair(BUSY).request('POST', `/v1/clusters/${clusterId}/action-plans`, { body: {} }),
      201,
    );
    const plan = (drafted.body as { plan: { id: string; version: number } }).plan;
    await expectStatus(
      chair(BUSY).request('PATCH', `/v1/action-plans/${plan.id}`, {
        body: { summary: 'Youth club offer for the whole group.' },
        headers: { 'if-match': `"${plan.version}"` },
      }),
      200,
    );
    const versions = (await chair(BUSY).request('GET', `/v1/action-plans/${plan.id}/versions`)).body as {
      items: unknown[];
    };
    expect(versions.items).toHaveLength(2);
    const list = await expectStatus(
      chair(BUSY).request('POST', `/v1/clusters/${clusterId}/invitation-lists`, { body: { session: SESSION } }),
      201,
    );
    const listId = (list.body as { id: string }).id;
    await expectStatus(
      chair(BUSY).request('PATCH', `/v1/invitation-lists/${listId}`, {
        body: { attendance: {} },
        headers: ifMatch(list),
      }),
      200,
    );
  }, 120_000);

  it('keeps, erases and sweeps, and changes the settings', async () => {
    await expectStatus(
      chair().request('POST', '/v1/young-people/YP00003/reviews', {
        body: { decision: 'keep', reason: 'the group work is still going on' },
      }),
      200,
    );
    const heldBefore = busy.heldBack;
    await expectStatus(
      admin().request('DELETE', '/v1/young-people/BUSY1?erase=true', {
        body: { reason: 'added to the map by mistake' },
      }),
      200,
    );
    // The erasure's deletes went in batches, half held back at first, and none was lost.
    expect(busy.heldBack).toBeGreaterThan(heldBefore);
    expect(await api.table.store.sightings.ofPerson(DEMO, 'BUSY1')).toEqual([]);
    expect(await api.table.store.relationships.ofPerson(DEMO, 'BUSY1')).toEqual([]);
    expect(await api.table.store.erasures.pending(DEMO, 'BUSY1')).toBeUndefined();
    await expectStatus(admin().request('POST', '/v1/retention/sweep', { body: {} }), 200);
    const settings = await admin().request('GET', '/v1/settings');
    await expectStatus(
      admin().request('PATCH', '/v1/settings', { body: { reviewAfterWeeks: 10 }, headers: ifMatch(settings) }),
      200,
    );
    expect((await api.table.store.partnerships.get(DEMO))?.reviewAfterWeeks).toBe(10);
  }, 60_000);

  it('answers 503 with nothing written while the table stays busy, and succeeds once it recovers', async () => {
    const person = {
      ref: 'BUSY2',
      displayName: 'Sky B.',
      dateOfBirth: '2012-03-04',
      educationStatus: 'attending',
      agencies: ['early_help'],
      strengths: [],
      status: 'open',
    };
    busy.refuseAll = true;
    const refused = await chair().request('POST', '/v1/young-people', { body: person });
    busy.refuseAll = false;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await api.table.store.youngPeople.get(DEMO, 'BUSY2')).toBeUndefined();
    await expectStatus(chair().request('POST', '/v1/young-people', { body: person }), 201);
  }, 60_000);
});
