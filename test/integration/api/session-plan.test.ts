import { todayOf } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, OTHER, startTestApi } from '../../support/api';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const daysFromToday = (days: number) => todayOf(new Date(Date.now() + days * 86_400_000));

const SESSION = {
  date: daysFromToday(20),
  time: '18:30',
  endTime: '20:00',
  venue: 'Sandgate Family Hub',
  address: '12 Harbour Road, Sandgate',
  accessibility: 'Step-free entrance, a hearing loop and a quiet room',
  facilitators: [
    { name: 'Sam Early', from: 'early_help' as const, organisation: 'Early Help South Kent' },
    { name: 'PC Jo Patel', from: 'police' as const },
    { name: 'Dee Hart', from: 'expert_by_experience' as const, organisation: 'Parents Together' },
  ],
};

interface SessionBody {
  id: string;
  for: { kind: string; id?: string; name?: string };
  session: typeof SESSION & { onlineLink?: string };
  status: string;
  topics: { name: string; askedByParents: boolean }[];
  budget?: { lines: unknown[]; plannedPence: number; actualPence: number; linesWithActual: number };
  notes?: string;
  languageNotes?: { field: string; phrase: string }[];
  cancelledReason?: string;
  counts: { invited: number; askConsentFirst: number; notInvited: number };
  version: number;
}

interface Problem {
  errors?: { path: string; message: string }[];
}

const pathsOf = (body: unknown) => ((body as Problem).errors ?? []).map((problem) => problem.path);

describe('a Parent Empowerment Session planned through the API', () => {
  let api: Api;
  let clusterId = '';
  let sessionId = '';
  const lead = () => api.as('early-help-lead');
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

  beforeAll(async () => {
    api = await startTestApi();
    const listed = await lead().request('GET', '/v1/clusters?week=2026-W48');
    clusterId = (listed.body as { clusters: { clusterId: string }[] }).clusters[0]?.clusterId ?? '';
  });
  afterAll(async () => {
    await api.close();
  });

  it('is made for a peer group with its times, place, facilitators, topics and budget, and read as its life stands', async () => {
    const made = await lead().request('POST', `/v1/clusters/${clusterId}/invitation-lists`, {
      body: {
        session: SESSION,
        topics: [
          { name: 'recognising risk', askedByParents: false },
          { name: 'Knowing where they are at night', askedByParents: true },
        ],
        budget: [
          { kind: 'venue', plannedPence: 4500 },
          { kind: 'refreshments', note: 'Tea, coffee and sandwiches', plannedPence: 2250 },
        ],
      },
    });
    expect(made.status).toBe(201);
    sessionId = (made.body as { id: string }).id;
    const read = await lead().request('GET', `/v1/sessions/${sessionId}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    const session = read.body as SessionBody;
    expect(session.for).toEqual({ kind: 'peer_group', id: clusterId, name: expect.stringMatching(/^Group \d+$/) });
    expect(session.session).toEqual(SESSION);
    // A topic from the partnership's list is written as the list words it.
    expect(session.topics).toEqual([
      { name: 'Recognising risk', askedByParents: false },
      { name: 'Knowing where they are at night', askedByParents: true },
    ]);
    expect(session.budget).toMatchObject({ plannedPence: 6750, actualPence: 0, linesWithActual: 0 });
    expect(session.counts.invited + session.counts.askConsentFirst + session.counts.notInvited).toBeGreaterThan(0);
    expect(JSON.stringify(session)).not.toMatch(/"carerRef"|"phone"/);

    const listed = await lead().request('GET', '/v1/invitation-lists?when=upcoming');
    const summary = (listed.body as { items: { id: string; stage: string; for: { kind: string } }[] }).items.find(
      (item) => item.id === sessionId,
    );
    expect(summary).toMatchObject({ stage: expect.any(String), for: { kind: 'peer_group' } });
  });

  it('changes the plan against the version read, refusing a past day, an insecure link and an unlisted topic by field', async () => {
    const path = `/v1/sessions/${sessionId}`;
    const changed = await lead().request('PATCH', path, {
      body: {
        session: { ...SESSION, venue: 'Online, by video call', onlineLink: 'https://meet.example.org/kent-parents' },
        budget: [{ kind: 'interpreter', note: 'Polish interpreter', plannedPence: 6000, actualPence: 6250 }],
        notes: 'Two gang members’ parents asked to come together.',
      },
      headers: ifMatch(1),
    });
    expect(changed.status).toBe(200);
    const session = changed.body as SessionBody;
    expect(session.version).toBe(2);
    expect(session.session.onlineLink).toBe('https://meet.example.org/kent-parents');
    expect(session.budget).toMatchObject({ plannedPence: 6000, actualPence: 6250, linesWithActual: 1 });
    expect(session.topics).toHaveLength(2);
    expect(session.languageNotes?.map((note) => [note.field, note.phrase])).toEqual([['notes', 'gang member']]);

    const refused = async (body: object, field: string) => {
      const answer = await lead().request('PATCH', path, { body, headers: ifMatch(2) });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
      expect(pathsOf(answer.body)).toContain(field);
    };
    await refused({ session: { ...SESSION, date: daysFromToday(-1) } }, 'session.date');
    await refused({ session: { ...SESSION, onlineLink: 'http://meet.example.org/kent' } }, 'session.onlineLink');
    await refused({ session: { ...SESSION, endTime: '17:00' } }, 'session.endTime');
    await refused({ topics: [{ name: 'Knife crime', askedByParents: false }] }, 'topics.0.askedByParents');
    await refused({ budget: [{ kind: 'venue', plannedPence: 12.5 }] }, 'budget.0.plannedPence');

    const stale = await lead().request('PATCH', path, { body: { notes: 'Later.' }, headers: ifMatch(1) });
    expect(stale.status).toBe(412);
    expect((await api.as('early-help-lead', OTHER).request('GET', path)).status).toBe(404);
    expect(
      (await api.as('early-help-lead', OTHER).request('PATCH', path, { body: {}, headers: ifMatch(2) })).status,
    ).toBe(404);
  });

  it('shows police when, where, who and what, without the budget or notes, and lets only the lead plan', async () => {
    const police = api.as('police-analyst');
    const read = await police.request('GET', `/v1/sessions/${sessionId}`);
    expect(read.status).toBe(200);
    const session = read.body as SessionBody;
    expect(session.session.facilitators).toHaveLength(3);
    expect(session.topics).toHaveLength(2);
    expect(session).not.toHaveProperty('budget');
    expect(session).not.toHaveProperty('notes');
    expect(session).not.toHaveProperty('languageNotes');
    // The online link the lead set goes out only once the session's risk assessment is approved.
    expect(session.session.onlineLink).toBeUndefined();
    const chairRead = await api.as('madp-chair').request('GET', `/v1/sessions/${sessionId}`);
    expect((chairRead.body as SessionBody).session.onlineLink).toBeUndefined();
    const change = { body: { notes: 'A note.' }, headers: ifMatch(2) };
    expect((await police.request('PATCH', `/v1/sessions/${sessionId}`, change)).status).toBe(403);
    expect((await api.as('madp-chair').request('PATCH', `/v1/sessions/${sessionId}`, change)).status).toBe(403);
    const events = await api.table.store.audit.byYoungPerson(DEMO, (await firstRefOf(sessionId)) ?? '');
    expect(events.items.some((event) => event.resource === 'invitation-lists' && event.action === 'read')).toBe(true);
  });

  it('is called off with a reason, after which only its costs and notes change', async () => {
    const path = `/v1/sessions/${sessionId}`;
    const cancelled = await lead().request('POST', `${path}/cancel`, {
      body: { reason: 'The hall flooded; the families will be offered the next date.' },
      headers: ifMatch(2),
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledReason: expect.stringMatching(/hall flooded/),
    });
    const moved = await lead().request('PATCH', path, {
      body: { session: { ...SESSION, date: daysFromToday(30) } },
      headers: ifMatch(3),
    });
    expect(moved.status).toBe(409);
    const costed = await lead().request('PATCH', path, {
      body: { budget: [{ kind: 'venue', plannedPence: 4500, actualPence: 2000 }] },
      headers: ifMatch(3),
    });
    expect(costed.status).toBe(200);
    const again = await lead().request('POST', `${path}/cancel`, { body: { reason: 'Twice.' }, headers: ifMatch(4) });
    expect(again.status).toBe(409);
  });

  it("is made for a place's families from the partners' recent sightings, never from restricted intelligence", async () => {
    const store = api.table.store;
    const today = todayOf(new Date());
    await store.locations.save(make.location(DEMO, 'PLS1', { name: 'Harbour Road shops' }));
    for (const ref of ['PLY1', 'PLY2']) {
      await store.youngPeople.save(make.youngPerson(DEMO, ref));
      await store.carers.save(make.carer(DEMO, `${ref}C`, [ref]));
    }
    await store.sightings.save(make.sighting(DEMO, 'PLY1', 'PLS1', { seenOn: today }));
    // PLY2 is seen there only in restricted police intelligence: not a reason to invite their family.
    await store.restrictedSightings.save(make.sighting(DEMO, 'PLY2', 'PLS1', { seenOn: today, restricted: true }));
    const made = await lead().request('POST', '/v1/locations/PLS1/sessions', {
      body: { session: SESSION, topics: [{ name: 'Recognising risk', askedByParents: false }] },
    });
    expect(made.status).toBe(201);
    const list = made.body as { id: string; locationRef: string; youngPersonRefs: string[] };
    expect(made.headers.get('location')).toBe(`/v1/sessions/${list.id}`);
    expect(list.locationRef).toBe('PLS1');
    expect(list.youngPersonRefs).toEqual(['PLY1']);
    const read = await lead().request('GET', `/v1/sessions/${list.id}`);
    expect((read.body as SessionBody).for).toEqual({ kind: 'place', id: 'PLS1', name: 'Harbour Road shops' });
    const listed = await lead().request('GET', '/v1/invitation-lists?when=upcoming&limit=50');
    const summary = (listed.body as { items: { id: string; for: unknown }[] }).items.find((i) => i.id === list.id);
    expect(summary?.for).toEqual({ kind: 'place', id: 'PLS1', name: 'Harbour Road shops' });
    expect((await lead().request('POST', '/v1/locations/NOSUCH/sessions', { body: { session: SESSION } })).status).toBe(
      404,
    );
    expect(
      (await api.as('police-analyst').request('POST', '/v1/locations/PLS1/sessions', { body: { session: SESSION } }))
        .status,
    ).toBe(403);
  });

  /** The first young person a session is for, as stored. */
  async function firstRefOf(id: string) {
    return (await api.table.store.invitationLists.get(DEMO, id))?.youngPersonRefs[0];
  }
});
