import { randomUUID } from 'node:crypto';
import { allRoutes, feedbackKeyOf, tokenHashOf } from '@peermap/api';
import { examples, type FollowUp, type Role, todayOf } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, DEMO, startTestApi } from '../../support/api';
import * as make from '../../support/records';
import { WRITTEN_ASSESSMENT } from '../../support/sessions';

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

  const creates: { path: string; body: unknown; list: string; role?: Role }[] = [
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
      path: '/v1/restricted-relationships',
      list: '/v1/restricted-relationships?limit=500',
      role: 'police-analyst',
      body: {
        personA: 'YP00002',
        personB: 'YP00118',
        kind: 'associate',
        strength: 2,
        sourceAgency: 'police',
        grading: { sourceEvaluation: 2, intelligenceAssessment: 'B', handlingCode: 'P' },
      },
    },
    {
      path: '/v1/restricted-sightings',
      list: '/v1/restricted-sightings?limit=500',
      role: 'police-analyst',
      body: { personRef: 'YP00003', locationRef: 'LOC0001', seenOn: '2026-11-21', sourceAgency: 'police' },
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

  const count = async (path: string, role: Role = 'madp-chair') => {
    let total = 0;
    let cursor: string | undefined;
    do {
      const page = await api.as(role).request('GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = page.body as { items: unknown[]; cursor?: string };
      total += body.items.length;
      cursor = body.cursor;
    } while (cursor);
    return total;
  };

  it.each(creates)('POST $path: one created, one told it exists, one record', async ({ path, body, list, role }) => {
    const before = await count(list, role);
    const send = () => api.as(role ?? 'madp-chair').request('POST', path, { body });
    const results: ApiResponse[] = await Promise.all([send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count(list, role)).toBe(before + 1);
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

  /** A session held a few days ago, whose feedback can be taken. */
  const recentlyHeldSession = async () =>
    (
      await api.table.store.invitationLists.save(
        make.invitationList(DEMO, {
          status: 'held',
          session: { ...examples.invitationList.session, date: todayOf(new Date(Date.now() - 3 * 86_400_000)) },
        }),
      )
    ).id;
  /** A parent group of the demo partnership, its members the carers named. */
  const parentGroup = async (carerRefs: string[]) => {
    const { version: _, ...group } = examples.parentGroup;
    return (
      await api.table.store.parentGroups.save({
        ...group,
        id: randomUUID(),
        partnershipId: DEMO,
        members: carerRefs.map((carerRef) => ({ carerRef, joinedOn: '2026-11-20' })),
      })
    ).id;
  };

  describe('with an Idempotency-Key, the writes that make a new record each time', () => {
    const SESSION = {
      date: '2099-12-10',
      time: '18:30',
      venue: 'Community Centre',
      facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
    };
    let clusterId = '';
    /** A session held a few days ago, and parent groups (one with a member whose child is on the map), for the routes on them. */
    const fixtures = { held: '', groupWithMember: '', groupForPlan: '' };
    beforeAll(async () => {
      const listed = await api.as('madp-chair').request('GET', '/v1/clusters?week=2026-W48');
      clusterId = (listed.body as { clusters: { clusterId: string }[] }).clusters[0]?.clusterId ?? '';
      const store = api.table.store;
      // A place of its own where a young person of its own, with a carer, was seen today.
      await store.locations.save(make.location(DEMO, 'TWICESL'));
      await store.youngPeople.save(make.youngPerson(DEMO, 'TWICESY'));
      await store.carers.save(make.carer(DEMO, 'TWICESC', ['TWICESY']));
      await store.sightings.save(make.sighting(DEMO, 'TWICESY', 'TWICESL', { seenOn: todayOf(new Date()) }));
      await store.carers.save(make.carer(DEMO, 'TWICEGS', ['YP00001']));
      fixtures.held = await recentlyHeldSession();
      fixtures.groupWithMember = await parentGroup(['TWICEGS']);
      fixtures.groupForPlan = await parentGroup([]);
    });

    const cases: {
      name: string;
      path: () => string;
      body: unknown;
      count: () => Promise<number>;
      role?: Role;
    }[] = [
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
      {
        name: 'a session for the families of a place',
        path: () => '/v1/locations/TWICESL/sessions',
        body: { session: SESSION },
        role: 'early-help-lead',
        count: async () => (await api.table.store.invitationLists.ofLocation(DEMO, 'TWICESL')).length,
      },
      {
        name: 'a parent’s feedback on a session',
        path: () => `/v1/sessions/${fixtures.held}/feedback`,
        body: { measures: { knowsSigns: { before: 2, after: 4 }, feelsAlone: {}, knowsWhoToContact: {} } },
        role: 'early-help-lead',
        count: async () => (await api.table.store.sessionFeedback.ofSession(DEMO, fixtures.held)).length,
      },
      {
        name: 'a one-time feedback link',
        path: () => `/v1/sessions/${fixtures.held}/feedback-links`,
        body: {},
        role: 'early-help-lead',
        // Links are kept by their token's hash and never listed: count the session's links as the table holds them.
        count: async () =>
          (await api.table.scanAll()).filter(
            (item) => item['entity'] === 'FeedbackLink' && item['sessionId'] === fixtures.held,
          ).length,
      },
      {
        name: 'a parent group',
        path: () => '/v1/parent-groups',
        body: { name: 'Kitchen table talks' },
        role: 'early-help-lead',
        count: async () => (await api.table.store.parentGroups.list(DEMO, { limit: 500 })).items.length,
      },
      {
        name: 'a parent group’s next session',
        path: () => `/v1/parent-groups/${fixtures.groupWithMember}/sessions`,
        body: { session: SESSION },
        role: 'early-help-lead',
        count: async () => (await api.table.store.invitationLists.ofParentGroup(DEMO, fixtures.groupWithMember)).length,
      },
      {
        name: 'a parent group’s own plan',
        path: () => `/v1/parent-groups/${fixtures.groupForPlan}/plans`,
        body: { summary: 'What we want for our children, and who helps.', actions: [] },
        role: 'early-help-lead',
        count: async () => (await api.table.store.actionPlans.ofParentGroup(DEMO, fixtures.groupForPlan)).length,
      },
    ];

    it.each(cases)('$name: sent twice at once and once more, made once, the same answer replayed', async (c) => {
      const key = `twice-${randomUUID()}`;
      const caller = api.as(c.role ?? 'madp-chair');
      const send = () => caller.request('POST', c.path(), { body: c.body, headers: { 'idempotency-key': key } });
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

  describe('every other write route', () => {
    const chair = () => api.as('madp-chair');
    const admin = () => api.as('partnership-admin');
    const store = () => api.table.store;
    const sameTime = (send: () => Promise<ApiResponse>) => Promise.all([send(), send()]);
    const statuses = (results: ApiResponse[]) => results.map((r) => r.status).sort();
    const etagOf = async (path: string, caller = chair()) =>
      (await caller.request('GET', path)).headers.get('etag') ?? '';
    const patchTwice = async (path: string, body: unknown, caller = chair()) => {
      const etag = await etagOf(path, caller);
      return statuses(await sameTime(() => caller.request('PATCH', path, { body, headers: { 'if-match': etag } })));
    };
    const deleteTwice = async (path: string, caller = chair()) => {
      const etag = await etagOf(path, caller);
      const results = statuses(await sameTime(() => caller.request('DELETE', path, { headers: { 'if-match': etag } })));
      expect(results[0]).toBe(204);
      // The second finds it gone, or at a version that no longer stands: either way, not deleted twice.
      expect([404, 412]).toContain(results[1]);
      expect((await caller.request('GET', path)).status).toBe(404);
    };
    const police = () => api.as('police-analyst');
    const person = (ref: string) =>
      store().youngPeople.save({
        partnershipId: DEMO,
        ref,
        displayName: `Twice ${ref}`,
        dateOfBirth: '2012-05-01',
        educationStatus: 'attending',
        agencies: ['early_help'],
        strengths: [],
        status: 'open',
        provenance: { recordedBy: 'chair-1', recordedAt: new Date().toISOString() },
      });

    const lead = () => api.as('early-help-lead');
    /** A session held in 2020 whose one invited carer (on the map, consent given) sent apologies. */
    const heldSession = async (carerRef: string, followUps: FollowUp[] = []) => {
      await store().carers.save(make.carer(DEMO, carerRef, ['YP00001']));
      const [invited] = make.invitationList(DEMO).invite;
      return store().invitationLists.save(
        make.invitationList(DEMO, {
          session: { date: '2020-01-10', time: '18:30', venue: 'Hall', facilitators: [] },
          youngPersonRefs: ['YP00001'],
          invite: invited ? [{ ...invited, carerRef, youngPersonRefs: ['YP00001'] }] : [],
          attendance: { [carerRef]: 'apologies' },
          status: 'held',
          followUps,
        }),
      );
    };

    /** Each write route not covered above, with what "one effect" means for it. */
    const cases: Record<string, () => Promise<void>> = {
      'PATCH /v1/relationships/{personA}/{personB}': async () => {
        expect(await patchTwice('/v1/relationships/YP00001/YP00119', { strength: 3 })).toEqual([200, 412]);
      },
      'DELETE /v1/relationships/{personA}/{personB}': () => deleteTwice('/v1/relationships/YP00001/YP00119'),
      'PATCH /v1/locations/{ref}': async () => {
        expect(await patchTwice('/v1/locations/TWICELOC', { notes: 'by the bandstand' })).toEqual([200, 412]);
      },
      'DELETE /v1/locations/{ref}': () => deleteTwice('/v1/locations/TWICELOC'),
      'PATCH /v1/sightings/{id}': async () => {
        const path = '/v1/sightings/YP00003~LOC0001~2026-11-21~education';
        expect(await patchTwice(path, {})).toEqual([200, 412]);
      },
      'PATCH /v1/restricted-relationships/{personA}/{personB}': async () => {
        const path = '/v1/restricted-relationships/YP00002/YP00118';
        expect(await patchTwice(path, { strength: 3 }, police())).toEqual([200, 412]);
      },
      'DELETE /v1/restricted-relationships/{personA}/{personB}': () =>
        deleteTwice('/v1/restricted-relationships/YP00002/YP00118', police()),
      'PATCH /v1/restricted-sightings/{id}': async () => {
        const path = '/v1/restricted-sightings/YP00003~LOC0001~2026-11-21~police';
        const grading = { sourceEvaluation: 1, intelligenceAssessment: 'A', handlingCode: 'P' };
        expect(await patchTwice(path, { grading }, police())).toEqual([200, 412]);
      },
      'DELETE /v1/restricted-sightings/{id}': () =>
        deleteTwice('/v1/restricted-sightings/YP00003~LOC0001~2026-11-21~police', police()),
      'DELETE /v1/sightings/{id}': () => deleteTwice('/v1/sightings/YP00003~LOC0001~2026-11-21~education'),
      'PATCH /v1/concerns/{id}': async () => {
        const path = '/v1/concerns/YP00002~missing_episode~2026-11-20~social_care';
        expect(await patchTwice(path, { status: 'closed' })).toEqual([200, 412]);
      },
      'DELETE /v1/concerns/{id}': () => deleteTwice('/v1/concerns/YP00002~missing_episode~2026-11-20~social_care'),
      'POST /v1/carers': async () => {
        const body = {
          ref: 'TWICECR',
          youngPersonRefs: ['YP00010'],
          name: 'Morgan T.',
          relationship: 'mother',
          parentalResponsibility: true,
          contact: {},
          interpreterNeeded: false,
          transportNeeded: false,
          consent: { status: 'not_asked' },
          doNotContact: false,
        };
        expect(statuses(await sameTime(() => chair().request('POST', '/v1/carers', { body })))).toEqual([201, 409]);
        expect(await store().carers.youngPeopleOf(DEMO, 'TWICECR')).toEqual(['YP00010']);
      },
      'PATCH /v1/carers/{ref}': async () => {
        expect(await patchTwice('/v1/carers/TWICECR', { transportNeeded: true })).toEqual([200, 412]);
      },
      'POST /v1/carers/{ref}/consent': async () => {
        const path = '/v1/carers/TWICECR';
        const etag = await etagOf(path, chair());
        const body = { status: 'declined', recordedOn: '2026-11-30', recordedBy: 'Kim Keyworker' };
        const send = () => chair().request('POST', `${path}/consent`, { body, headers: { 'if-match': etag } });
        expect(statuses(await sameTime(send))).toEqual([200, 412]);
        // One decision recorded: the "not asked" it replaced is no decision, so the history stays empty.
        expect((await store().carers.get(DEMO, 'TWICECR'))?.consentHistory ?? []).toEqual([]);
      },
      'DELETE /v1/carers/{ref}': async () => {
        await deleteTwice('/v1/carers/TWICECR');
        expect(await store().carers.youngPeopleOf(DEMO, 'TWICECR')).toEqual([]);
      },
      'DELETE /v1/young-people/{ref}': async () => {
        await person('TWICEGONE');
        const results = await sameTime(() =>
          admin().request('DELETE', '/v1/young-people/TWICEGONE?erase=true', {
            body: { reason: 'added to the map by mistake' },
          }),
        );
        // The second carries on the first one's erasure, or finds the young person gone.
        expect(results.every((r) => r.status === 200 || r.status === 404)).toBe(true);
        const erased = await store().erasures.records(DEMO, { limit: 500 });
        const markers = results.filter((r) => r.status === 200).map((r) => (r.body as { marker: string }).marker);
        expect(new Set(markers).size).toBe(1);
        expect(erased.items.filter((e) => markers.includes(e.marker))).toHaveLength(1);
      },
      'POST /v1/retention/sweep': async () => {
        const results = await sameTime(() => admin().request('POST', '/v1/retention/sweep', { body: {} }));
        expect(results.every((r) => r.status === 200)).toBe(true);
        // Two sweeps at once leave the expiries where one sweep would: a third finds nothing to move.
        const again = await admin().request('POST', '/v1/retention/sweep', { body: {} });
        expect(again.body).toMatchObject({ erased: 0, leftBehind: 0, retentionUpdated: 0 });
      },
      'POST /v1/uploads/large': async () => {
        const key = `twice-${randomUUID()}`;
        const send = () =>
          chair().request('POST', '/v1/uploads/large?week=2026-W48', { headers: { 'idempotency-key': key } });
        const results = await sameTime(send);
        const slots = new Set(
          [...results, await send()].filter((r) => r.status === 201).map((r) => (r.body as { id: string }).id),
        );
        expect(slots.size).toBe(1);
      },
      'PATCH /v1/invitation-lists/{id}': async () => {
        const made = await chair().request('POST', '/v1/invitation-lists', {
          body: {
            session: { date: '2099-12-10', time: '18:30', venue: 'Hall', facilitators: [] },
            youngPersonRefs: ['YP00011'],
          },
        });
        const id = (made.body as { id: string }).id;
        expect(await patchTwice(`/v1/invitation-lists/${id}`, { attendance: {} })).toEqual([200, 412]);
      },
      'POST /v1/sessions/{id}/follow-ups': async () => {
        const path = `/v1/sessions/${(await heldSession('TWICEFU1')).id}/follow-ups`;
        const etag = await etagOf(path, lead());
        const body = { carerRef: 'TWICEFU1', kind: 'share_messages' };
        const send = () => lead().request('POST', path, { body, headers: { 'if-match': etag } });
        expect(statuses(await sameTime(send))).toEqual([201, 412]);
        expect((await lead().request('GET', path)).body).toMatchObject({ counts: { open: 1 } });
      },
      'PATCH /v1/sessions/{id}/follow-ups/{followUpId}': async () => {
        const followUp = {
          id: 'fu-twice',
          carerRef: 'TWICEFU2',
          kind: 'invite_next',
          ownerAgency: 'early_help',
        } as const;
        const path = `/v1/sessions/${(await heldSession('TWICEFU2', [{ ...followUp, dueOn: '2020-01-24' }])).id}/follow-ups`;
        const etag = await etagOf(path, lead());
        const send = () =>
          lead().request('PATCH', `${path}/fu-twice`, {
            body: { doneOn: '2020-01-20' },
            headers: { 'if-match': etag },
          });
        expect(statuses(await sameTime(send))).toEqual([200, 412]);
      },
      ...sessionSteps(),
      ...parentSessionCases(),
      'PATCH /v1/action-plans/{id}': async () => {
        const made = await chair().request('POST', '/v1/locations/LOC0003/action-plans', { body: {} });
        const id = (made.body as { plan: { id: string } }).plan.id;
        expect(await patchTwice(`/v1/action-plans/${id}`, { summary: 'A safer walk home.' })).toEqual([200, 412]);
        expect(await store().actionPlans.versions(DEMO, id)).toHaveLength(2);
      },
      'POST /v1/action-plans/{id}/status': async () => {
        const made = await chair().request('POST', '/v1/locations/LOC0004/action-plans', { body: {} });
        const { id, version } = (made.body as { plan: { id: string; version: number } }).plan;
        const results = await sameTime(() =>
          chair().request('POST', `/v1/action-plans/${id}/status`, {
            body: { status: 'agreed' },
            headers: { 'if-match': `"${version}"` },
          }),
        );
        expect(statuses(results)).toEqual([200, 412]);
        expect(await store().actionPlans.versions(DEMO, id)).toHaveLength(2);
      },
      'POST /v1/language-check': async () => {
        const results = await sameTime(() =>
          chair().request('POST', '/v1/language-check', { body: { fields: { summary: 'a plan' } } }),
        );
        expect(statuses(results)).toEqual([200, 200]);
      },
      'PATCH /v1/settings': async () => {
        expect(await patchTwice('/v1/settings', { inviteSizeLimit: 10 }, admin())).toEqual([200, 412]);
      },
    };

    /** Each step of a session's risk assessment, taken twice at once from one version: one takes effect. */
    function sessionSteps(): Record<string, () => Promise<void>> {
      const lead = () => api.as('early-help-lead');
      const pair = { carerRefs: ['CR1', 'CR2'] as [string, string], reason: 'the families are in conflict' };
      const session = async (over: Parameters<typeof make.invitationList>[1]) =>
        (await store().invitationLists.save(make.invitationList(DEMO, over))).id;
      const stepTwice = async (id: string, step: string, body: object, caller = lead()) => {
        const send = () =>
          caller.request('POST', `/v1/sessions/${id}/${step}`, { body, headers: { 'if-match': '"1"' } });
        expect(statuses(await sameTime(send))).toEqual([200, 412]);
        expect((await store().invitationLists.get(DEMO, id))?.version).toBe(2);
      };
      const completed = { ...WRITTEN_ASSESSMENT, completedBy: 'lead-1', completedAt: '2026-12-01T10:00:00.000Z' };
      return {
        'PATCH /v1/sessions/{id}/risk-assessment': async () => {
          const id = await session({ status: 'planned' });
          expect(await patchTwice(`/v1/sessions/${id}/risk-assessment`, WRITTEN_ASSESSMENT, lead())).toEqual([
            200, 412,
          ]);
        },
        'POST /v1/sessions/{id}/risk-assessment/complete': async () =>
          stepTwice(
            await session({ status: 'planned', riskAssessment: WRITTEN_ASSESSMENT }),
            'risk-assessment/complete',
            {},
          ),
        'POST /v1/sessions/{id}/approval': async () =>
          stepTwice(await session({ status: 'assessed', riskAssessment: completed }), 'approval', {}, chair()),
        'POST /v1/sessions/{id}/offer-another-session': async () =>
          stepTwice(
            await session({ status: 'planned', riskAssessment: { ...WRITTEN_ASSESSMENT, keepApart: [pair] } }),
            'offer-another-session',
            { carerRef: 'CR2' },
          ),
        'POST /v1/sessions/{id}/invitations-sent': async () =>
          stepTwice(await session({ status: 'approved' }), 'invitations-sent', {}),
      };
    }

    /** Parent Empowerment Sessions: a session's plan, parent groups and the parent's own feedback form. */
    function parentSessionCases(): Record<string, () => Promise<void>> {
      const plannedSession = async () =>
        (
          await store().invitationLists.save(
            make.invitationList(DEMO, {
              session: { date: '2099-12-10', time: '18:30', venue: 'Hall', facilitators: [] },
              status: 'planned',
              attendance: {},
            }),
          )
        ).id;
      const membersOf = async (id: string) =>
        ((await store().parentGroups.get(DEMO, id))?.members ?? []).map((member) => member.carerRef);
      /** A request as a parent not signed in: no token at all. */
      const anyone = async (method: string, path: string, body: unknown): Promise<ApiResponse> => {
        const response = await fetch(`${api.server.url}${path}`, {
          method,
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        const text = await response.text();
        return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
      };
      return {
        'PATCH /v1/sessions/{id}': async () => {
          const id = await plannedSession();
          const body = { notes: 'Ask the school about the hall for the next one.' };
          expect(await patchTwice(`/v1/sessions/${id}`, body, lead())).toEqual([200, 412]);
          expect((await store().invitationLists.get(DEMO, id))?.version).toBe(2);
        },
        'POST /v1/sessions/{id}/cancel': async () => {
          const path = `/v1/sessions/${await plannedSession()}`;
          const etag = await etagOf(path, lead());
          const body = { reason: 'The hall is closed for repairs that week.' };
          const send = () => lead().request('POST', `${path}/cancel`, { body, headers: { 'if-match': etag } });
          expect(statuses(await sameTime(send))).toEqual([200, 412]);
          const after = await store().invitationLists.get(DEMO, path.split('/').at(-1) ?? '');
          expect(after).toMatchObject({ status: 'cancelled', version: 2 });
        },
        'PATCH /v1/parent-groups/{id}': async () => {
          const id = await parentGroup([]);
          expect(await patchTwice(`/v1/parent-groups/${id}`, { meets: 'monthly, first Tuesday' }, lead())).toEqual([
            200, 412,
          ]);
          expect((await store().parentGroups.get(DEMO, id))?.version).toBe(2);
        },
        'POST /v1/parent-groups/{id}/members': async () => {
          // The route takes no If-Match: the one that loses finds the group changed, or the carer already in it.
          await store().carers.save(make.carer(DEMO, 'TWICEGJ', ['YP00001']));
          const id = await parentGroup([]);
          const body = { carerRef: 'TWICEGJ', joinedOn: '2026-12-01' };
          const results = statuses(
            await sameTime(() => lead().request('POST', `/v1/parent-groups/${id}/members`, { body })),
          );
          expect(results[0]).toBe(200);
          expect([409, 412]).toContain(results[1]);
          expect(await membersOf(id)).toEqual(['TWICEGJ']);
          expect((await store().parentGroups.get(DEMO, id))?.version).toBe(2);
        },
        'DELETE /v1/parent-groups/{id}/members/{carerRef}': async () => {
          // No If-Match either: the one that loses finds the group changed, or the member gone.
          const id = await parentGroup(['TWICEGL', 'TWICEGK']);
          const results = statuses(
            await sameTime(() => lead().request('DELETE', `/v1/parent-groups/${id}/members/TWICEGL`)),
          );
          expect(results[0]).toBe(200);
          expect([404, 412]).toContain(results[1]);
          expect(await membersOf(id)).toEqual(['TWICEGK']);
          expect((await store().parentGroups.get(DEMO, id))?.version).toBe(2);
        },
        'POST /v1/feedback-form/{key}': async () => {
          const sessionId = await recentlyHeldSession();
          const token = 'twice'.padEnd(43, '0');
          await store().feedbackLinks.save({
            partnershipId: DEMO,
            tokenHash: tokenHashOf(token),
            sessionId,
            validUntil: new Date(Date.now() + 86_400_000).toISOString(),
            createdBy: 'lead-1',
            createdAt: new Date().toISOString(),
          });
          const body = {
            words: 'It helped.',
            measures: { knowsSigns: {}, feelsAlone: { after: 2 }, knowsWhoToContact: {} },
          };
          const path = `/v1/feedback-form/${feedbackKeyOf(DEMO, token)}`;
          // One answer is kept; the other is told, as for any used link, that the link cannot be used.
          expect(statuses(await sameTime(() => anyone('POST', path, body)))).toEqual([204, 404]);
          expect(await store().sessionFeedback.ofSession(DEMO, sessionId)).toHaveLength(1);
        },
      };
    }

    it('covers every write route of the API', () => {
      const covered = new Set([
        ...Object.keys(cases),
        ...creates.map((c) => `POST ${c.path}`),
        'PATCH /v1/young-people/{ref}',
        'POST /v1/uploads',
        'POST /v1/clusters/{id}/action-plans',
        'POST /v1/locations/{ref}/action-plans',
        'POST /v1/clusters/{id}/invitation-lists',
        'POST /v1/invitation-lists',
        'POST /v1/young-people/{ref}/reviews',
        'POST /v1/analyses',
        'POST /v1/locations/{ref}/sessions',
        'POST /v1/sessions/{id}/feedback',
        'POST /v1/sessions/{id}/feedback-links',
        'POST /v1/parent-groups',
        'POST /v1/parent-groups/{id}/sessions',
        'POST /v1/parent-groups/{id}/plans',
      ]);
      const writes = allRoutes({ store: api.table.store, now: () => new Date() })
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.method} ${r.path}`);
      expect(writes.filter((route) => !covered.has(route))).toEqual([]);
    });

    it.each(Object.keys(cases))('%s: one effect', async (route) => {
      await cases[route]?.();
    });
  });
});
