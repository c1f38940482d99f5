import { examples, todayOf } from '@peermap/domain';
import { demoFiles } from '@peermap/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, OTHER, startTestApi } from '../../support/api';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

interface SessionBody {
  id: string;
  clusterId?: string;
  groupLabel?: string;
  session: { date: string; venue: string };
  status: string;
  youngPeople: number;
  counts: { invited: number; askConsentFirst: number; notInvited: number; attended: number; apologies: number };
}
interface SessionsPage {
  items: SessionBody[];
  cursor?: string;
}
interface CarerBody {
  ref: string;
  consent?: { status: string; recordedOn?: string; recordedBy?: string; scope?: string; note?: string };
  consentHistory?: { status: string; recordedBy?: string; scope?: string }[];
}

const SESSION = {
  time: '18:30',
  venue: 'Community Centre',
  facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
};
const daysFromToday = (days: number) => todayOf(new Date(Date.now() + days * 86_400_000));

describe("the early help lead's sessions and carers' consent", () => {
  let api: Api;
  let clusterId = '';
  const lead = () => api.as('early-help-lead');
  /** Records a consent decision for a carer, at the version the lead just read. */
  const decide = async (ref: string, body: object) => {
    const etag = (await lead().request('GET', `/v1/carers/${ref}`)).headers.get('etag') ?? '';
    return lead().request('POST', `/v1/carers/${ref}/consent`, { body, headers: { 'if-match': etag } });
  };

  beforeAll(async () => {
    api = await startTestApi();
    const clusters = (await lead().request('GET', '/v1/clusters?week=2026-W48')).body as {
      clusters: { clusterId: string; label: string }[];
    };
    clusterId = clusters.clusters[0]?.clusterId ?? '';
    // Two sessions still to come (the later one made first), through the API as a lead makes them.
    for (const days of [30, 7]) {
      const made = await lead().request('POST', `/v1/clusters/${clusterId}/invitation-lists`, {
        body: { session: { ...SESSION, date: daysFromToday(days) } },
      });
      expect(made.status).toBe(201);
    }
    // Sessions already held cannot be made through the API: put straight in the store, as they were then.
    for (const days of [-40, -10]) {
      const held = make.invitationList(DEMO, {
        clusterId,
        session: { ...SESSION, date: daysFromToday(days), venue: `Held ${-days} days ago` },
        attendance: { CR00001: 'attended' },
      });
      await api.table.store.invitationLists.save(held);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists sessions still to come, the nearest first, with the group, day and counts, naming no carer', async () => {
    const answer = await lead().request('GET', '/v1/invitation-lists?when=upcoming');
    expect(answer.status).toBe(200);
    const { items } = answer.body as SessionsPage;
    expect(items.map((s) => s.session.date)).toEqual([daysFromToday(7), daysFromToday(30)]);
    for (const session of items) {
      expect(session).toMatchObject({ clusterId, status: 'upcoming', counts: { attended: 0 } });
      expect(session.groupLabel).toMatch(/^Group \d+$/);
      expect(session.youngPeople).toBeGreaterThan(0);
      expect(session.counts.invited + session.counts.askConsentFirst + session.counts.notInvited).toBeGreaterThan(0);
    }
    expect(answer.text).not.toMatch(/carerRef|Hussain|07700/);
  });

  it('lists sessions held, the latest first, page by page', async () => {
    const first = (await lead().request('GET', '/v1/invitation-lists?when=past&limit=1')).body as SessionsPage;
    expect(first.items.map((s) => [s.session.venue, s.status])).toEqual([['Held 10 days ago', 'held']]);
    expect(first.cursor).toBeDefined();
    const next = await lead().request(
      'GET',
      `/v1/invitation-lists?when=past&limit=1&cursor=${encodeURIComponent(first.cursor ?? '')}`,
    );
    expect((next.body as SessionsPage).items.map((s) => s.session.venue)).toEqual(['Held 40 days ago']);
  });

  it('audits the list as a read of every carer and young person on the lists it counts', async () => {
    const before = (await api.table.store.audit.byUser(DEMO, 'demo-early-help-lead@demo', { limit: 500 })).items.length;
    await lead().request('GET', '/v1/invitation-lists?when=past');
    const events = (await api.table.store.audit.byUser(DEMO, 'demo-early-help-lead@demo', { limit: 500 })).items;
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ action: 'list', resource: 'invitation-lists', outcome: 'allowed' });
    expect(events[0]?.subjects.carers.length).toBeGreaterThan(0);
  });

  it("refuses police analysts and partnership admins, and shows another partnership none of the demo's", async () => {
    for (const role of ['police-analyst', 'partnership-admin'] as const) {
      expect((await api.as(role).request('GET', '/v1/invitation-lists')).status).toBe(403);
    }
    for (const when of ['upcoming', 'past']) {
      const other = await api.as('early-help-lead', OTHER).request('GET', `/v1/invitation-lists?when=${when}`);
      expect(other.status).toBe(200);
      expect((other.body as SessionsPage).items).toEqual([]);
    }
  });

  it('records, changes and withdraws consent, keeping who recorded what, when; invitations follow', async () => {
    const today = daysFromToday(0);
    // Given, then given for more, then withdrawn: each answered as the carer now stands.
    const decisions = [
      { status: 'given', recordedOn: daysFromToday(-3), recordedBy: 'Kim Keyworker', scope: 'parent sessions' },
      {
        status: 'given',
        recordedOn: daysFromToday(-1),
        recordedBy: 'Sam Early',
        scope: 'parent sessions and contact by the parent-led group',
      },
      { status: 'withdrawn', recordedOn: today, recordedBy: 'Sam Early', note: 'Asked us to stop' },
    ];
    const answers = [];
    for (const decision of decisions) answers.push(await decide('CR00001', decision));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const carer = answers.at(-1)?.body as CarerBody;
    expect(carer.consent).toMatchObject({
      status: 'withdrawn',
      recordedOn: today,
      scope: 'parent sessions and contact by the parent-led group',
    });
    expect(carer.consentHistory?.map((c) => [c.status, c.recordedBy, c.scope])).toEqual([
      ['given', 'Sam Early', 'parent sessions and contact by the parent-led group'],
      ['given', 'Kim Keyworker', 'parent sessions'],
    ]);
    // The audit says what changed (no note), naming the carer.
    const trail = (await api.table.store.audit.byCarer(DEMO, 'CR00001', { limit: 10 })).items;
    expect(trail.find((e) => e.action === 'update')).toMatchObject({
      resource: 'carers',
      detail: `consent withdrawn, recorded on ${today}`,
    });
    // An invitation list made from now on leaves the carer out, saying why.
    const list = await lead().request('POST', '/v1/invitation-lists', {
      body: { session: { ...SESSION, date: daysFromToday(14) }, youngPersonRefs: ['YP00001'] },
    });
    const { notInvited } = list.body as { notInvited: { carerRef: string; reason: string }[] };
    expect(notInvited).toContainEqual(expect.objectContaining({ carerRef: 'CR00001', reason: 'consent_withdrawn' }));
  });

  it('counts a held session as it was held: the carer who came and then withdrew consent still came', async () => {
    // CR00001 withdrew consent in the test before; the session 20 days ago invited and saw them.
    const invited = examples.invitationList.invite[0];
    if (!invited) throw new Error('the example list invites a carer');
    await api.table.store.invitationLists.save(
      make.invitationList(DEMO, {
        clusterId,
        youngPersonRefs: ['YP00001'],
        session: { ...SESSION, date: daysFromToday(-20), venue: 'Held 20 days ago' },
        invite: [{ ...invited, carerRef: 'CR00001', youngPersonRefs: ['YP00001'] }],
        askConsentFirst: [],
        notInvited: [],
        attendance: { CR00001: 'attended' },
      }),
    );
    const { items } = (await lead().request('GET', '/v1/invitation-lists?when=past')).body as SessionsPage;
    const held = items.find((s) => s.session.venue === 'Held 20 days ago');
    expect(held?.counts).toMatchObject({ invited: 1, attended: 1, apologies: 0 });

    // Opened, the list says the same: they came, and are reached now only through their key worker.
    const opened = await lead().request('GET', `/v1/invitation-lists/${held?.id}`);
    expect(opened.status).toBe(200);
    const list = opened.body as { invite: object[]; notInvited: object[]; attendance: Record<string, string> };
    expect(list.invite).toEqual([expect.objectContaining({ carerRef: 'CR00001', contactRoute: 'key_worker' })]);
    expect(list.invite[0]).not.toHaveProperty('phone');
    expect(list.notInvited).not.toContainEqual(expect.objectContaining({ carerRef: 'CR00001' }));
    expect(list.attendance).toEqual({ CR00001: 'attended' });
  });

  it('pages sessions fifty at most, and tells the lead so', async () => {
    expect((await lead().request('GET', '/v1/invitation-lists?when=past&limit=50')).status).toBe(200);
    const tooMany = await lead().request('GET', '/v1/invitation-lists?when=past&limit=51');
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get('content-type')).toContain('application/problem+json');
    expect(tooMany.text).toContain('limit');
  });

  it('refuses a decision dated before the one that stands, naming the day', async () => {
    // CR00004's sheet says consent was given on 2026-10-23: a withdrawal "of 1900" would put an older decision on top.
    const backdated = await decide('CR00004', { status: 'withdrawn', recordedOn: '1900-01-01', recordedBy: 'Kim' });
    expect(backdated.status).toBe(400);
    expect(backdated.headers.get('content-type')).toContain('application/problem+json');
    expect(backdated.text).toContain('recordedOn');
    expect(((await lead().request('GET', '/v1/carers/CR00004')).body as CarerBody).consent?.status).toBe('given');
  });

  it('keeps a withdrawal recorded in peermap when a sheet of the same day says "given"', async () => {
    // CR00003's sheet says consent was given on 2026-09-20; the carer withdrew it that same day.
    const withdrawn = await decide('CR00003', {
      status: 'withdrawn',
      recordedOn: '2026-09-20',
      recordedBy: 'Kim Keyworker',
    });
    expect(withdrawn.status).toBe(200);
    const data = new FormData();
    for (const [name, content] of Object.entries(demoFiles('week-4'))) data.append(name, new Blob([content]), name);
    const upload = await api.as('madp-chair').request('POST', '/v1/uploads?week=2026-W49', { form: data });
    expect(upload.status).toBe(201);
    const carer = (await lead().request('GET', '/v1/carers/CR00003')).body as CarerBody;
    expect(carer.consent).toMatchObject({ status: 'withdrawn', recordedOn: '2026-09-20', recordedBy: 'Kim Keyworker' });
  });

  it('refuses a decision dated after today, a withdrawal of nothing given, and consent inside a plain change', async () => {
    const etag = (await lead().request('GET', '/v1/carers/CR00002')).headers.get('etag') ?? '';
    const ask = (body: object) =>
      lead().request('POST', '/v1/carers/CR00002/consent', { body, headers: { 'if-match': etag } });
    const tomorrow = await ask({ status: 'declined', recordedOn: daysFromToday(1), recordedBy: 'Kim' });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.text).toContain('recordedOn');
    const noScope = await ask({ status: 'given', recordedOn: daysFromToday(0), recordedBy: 'Kim' });
    expect(noScope.status).toBe(400);
    const plain = await lead().request('PATCH', '/v1/carers/CR00002', {
      body: { consent: { status: 'declined', recordedOn: daysFromToday(0), recordedBy: 'Kim' } },
      headers: { 'if-match': etag },
    });
    expect(plain.status).toBe(400);
    const noIfMatch = await lead().request('POST', '/v1/carers/CR00002/consent', {
      body: { status: 'declined', recordedOn: daysFromToday(0), recordedBy: 'Kim' },
    });
    expect(noIfMatch.status).toBe(428);
  });

  it('keeps consent and its history from police analysts, who may not record it', async () => {
    const read = await api.as('police-analyst').request('GET', '/v1/carers/CR00001');
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('consent');
    expect(read.body).not.toHaveProperty('consentHistory');
    const attempt = await api.as('police-analyst').request('POST', '/v1/carers/CR00001/consent', {
      body: { status: 'declined', recordedOn: daysFromToday(0), recordedBy: 'A. Analyst' },
      headers: { 'if-match': '"1"' },
    });
    expect(attempt.status).toBe(403);
    expect(attempt.text).not.toMatch(/withdrawn|Keyworker/);
    const other = await api.as('early-help-lead', OTHER).request('POST', '/v1/carers/CR00001/consent', {
      body: { status: 'declined', recordedOn: daysFromToday(0), recordedBy: 'Kim' },
      headers: { 'if-match': '"1"' },
    });
    expect(other.status).toBe(404);
  });
});
