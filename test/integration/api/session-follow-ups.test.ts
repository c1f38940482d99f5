import { type InvitationList, todayOf } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, OTHER, startTestApi } from '../../support/api';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

interface FollowUpsBody {
  sessionId: string;
  held: boolean;
  counts: { open: number; done: number; overdue: number };
  followUps?: { id: string; carerRef: string; kind: string; ownerAgency: string; dueOn: string; doneOn?: string }[];
  suggestions?: { carerRef: string; kind: string; ownerAgency: string; dueOn: string }[];
  couldNotCome?: { carerRef: string; name: string; outcome: string; whyNotFollowedUp?: string }[];
  version: number;
}
interface OwedLine {
  sessionId: string;
  open: number;
  text: string;
}

const SESSION = {
  time: '18:30',
  venue: 'Community Centre',
  facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
};
const daysFromToday = (days: number) => todayOf(new Date(Date.now() + days * 86_400_000));

describe('follow-ups owed to the families who could not come', () => {
  let api: Api;
  let clusterId = '';
  let session: InvitationList;
  /** The invited carers: one came, one sent apologies, one did not answer, one withdrew consent since. */
  let came = '';
  let apologies = '';
  let noAnswer = '';
  let withdrew = '';
  const lead = () => api.as('early-help-lead');
  const path = () => `/v1/sessions/${session.id}/follow-ups`;
  const read = async (role: Parameters<Api['as']>[0] = 'early-help-lead') => {
    const answer = await api.as(role).request('GET', path());
    expect(answer.status).toBe(200);
    return { body: answer.body as FollowUpsBody, etag: answer.headers.get('etag') ?? '', text: answer.text };
  };
  const owedOnAgenda = async (role: Parameters<Api['as']>[0] = 'madp-chair') => {
    const answer = await api.as(role).request('GET', '/v1/clusters?week=2026-W48');
    expect(answer.status).toBe(200);
    return (answer.body as { owedToFamilies: OwedLine[] }).owedToFamilies.filter((l) => l.sessionId === session.id);
  };

  beforeAll(async () => {
    api = await startTestApi();
    const clusters = (await lead().request('GET', '/v1/clusters?week=2026-W48')).body as {
      clusters: { clusterId: string }[];
    };
    clusterId = clusters.clusters[0]?.clusterId ?? '';
    const made = await lead().request('POST', `/v1/clusters/${clusterId}/invitation-lists`, {
      body: { session: { ...SESSION, date: daysFromToday(14) } },
    });
    expect(made.status).toBe(201);
    const planned = made.body as InvitationList;
    // A session already held cannot be made through the API: kept in the store as a list from
    // before sessions had a status, held ten days ago.
    const { id: _id, version: _version, status: _status, ...rest } = planned;
    session = await api.table.store.invitationLists.save(
      make.invitationList(DEMO, { ...rest, session: { ...planned.session, date: daysFromToday(-10) } }),
    );
    [came, apologies, noAnswer, withdrew] = session.invite.map((carer) => carer.carerRef) as [
      string,
      string,
      string,
      string,
    ];
    expect(withdrew).toBeDefined();
  });
  afterAll(async () => {
    await api.close();
  });

  it('marks the session held when its attendance is recorded after its day', async () => {
    expect((await read()).body.held).toBe(false);
    const etag = (await lead().request('GET', `/v1/invitation-lists/${session.id}`)).headers.get('etag') ?? '';
    const recorded = await lead().request('PATCH', `/v1/invitation-lists/${session.id}`, {
      body: {
        attendance: {
          [came]: 'attended',
          [apologies]: 'apologies',
          [noAnswer]: 'no_response',
          [withdrew]: 'apologies',
        },
      },
      headers: { 'if-match': etag },
    });
    expect(recorded.status).toBe(200);
    expect((recorded.body as InvitationList).status).toBe('held');
    const carer = await api.table.store.carers.get(DEMO, withdrew);
    if (!carer) throw new Error(`no carer ${withdrew}`);
    await api.table.store.carers.change(
      carer,
      { consent: { status: 'withdrawn', recordedOn: daysFromToday(-2), recordedBy: 'Kim Keyworker' } },
      carer.version,
    );
  });

  it('suggests the messages and the next invitation for each carer who could not come, never one who withdrew', async () => {
    const { body } = await read();
    expect(body.held).toBe(true);
    expect(body.followUps).toEqual([]);
    expect(body.suggestions).toEqual(
      [apologies, noAnswer].flatMap((carerRef) =>
        ['share_messages', 'invite_next'].map((kind) => ({
          carerRef,
          kind,
          ownerAgency: 'early_help',
          dueOn: daysFromToday(4),
        })),
      ),
    );
    expect(body.couldNotCome?.find((c) => c.carerRef === withdrew)?.whyNotFollowedUp).toBe(
      'consent was withdrawn since',
    );
  });

  it('records the follow-ups, refusing a carer not invited, one who withdrew, a repeat, and no If-Match', async () => {
    const add = async (body: object) =>
      lead().request('POST', path(), { body, headers: { 'if-match': (await read()).etag } });
    for (const suggestion of (await read()).body.suggestions ?? []) {
      expect((await add(suggestion)).status).toBe(201);
    }
    const stranger = await add({ carerRef: 'CR99999', kind: 'share_messages' });
    expect(stranger.status).toBe(400);
    expect(stranger.headers.get('content-type')).toContain('application/problem+json');
    expect((await add({ carerRef: withdrew, kind: 'invite_next' })).status).toBe(400);
    expect((await add({ carerRef: apologies, kind: 'invite_next' })).status).toBe(409);
    expect((await add({ carerRef: apologies, kind: 'sing' })).status).toBe(400);
    const unmatched = await lead().request('POST', path(), { body: { carerRef: apologies, kind: 'other' } });
    expect(unmatched.status).toBe(428);
    const { body } = await read();
    expect(body.counts).toEqual({ open: 4, done: 0, overdue: 0 });
    expect(body.suggestions).toEqual([]);
    expect(body.followUps?.map((f) => f.carerRef)).toEqual([apologies, apologies, noAnswer, noAnswer]);
  });

  it('shows police the counts alone, naming no carer', async () => {
    const { body, text } = await read('police-analyst');
    expect(body.counts).toEqual({ open: 4, done: 0, overdue: 0 });
    expect(body).not.toHaveProperty('followUps');
    expect(body).not.toHaveProperty('couldNotCome');
    for (const ref of [came, apologies, noAnswer, withdrew]) expect(text).not.toContain(ref);
    expect((await api.as('madp-chair').request('POST', path(), { body: {} })).status).toBe(403);
  });

  it("puts the open ones on the meeting's agenda and paper, naming no carer, until they are done", async () => {
    const [line] = await owedOnAgenda('police-analyst');
    expect(line?.open).toBe(4);
    expect(line?.text).toMatch(/^Follow-ups owed to families after the session on \d+ \w+: 4 open, the oldest due/);
    const paper = await api.as('madp-chair').request('GET', `/v1/clusters/${clusterId}/report?format=html`);
    expect(paper.status).toBe(200);
    expect(paper.text).toContain('Owed to families');
    expect(paper.text).toContain(line?.text ?? 'no line');
    for (const ref of [apologies, noAnswer]) expect(JSON.stringify(line)).not.toContain(ref);

    const open = (await read()).body.followUps ?? [];
    const [first] = open;
    const done = await lead().request('PATCH', `${path()}/${first?.id}`, {
      body: { doneOn: daysFromToday(0), ownerName: 'Kim Keyworker' },
      headers: { 'if-match': (await read()).etag },
    });
    expect(done.status).toBe(200);
    expect((done.body as FollowUpsBody).counts).toEqual({ open: 3, done: 1, overdue: 0 });
    expect((await owedOnAgenda())[0]?.open).toBe(3);
    for (const followUp of open.slice(1)) {
      const answer = await lead().request('PATCH', `${path()}/${followUp.id}`, {
        body: { doneOn: daysFromToday(-1) },
        headers: { 'if-match': (await read()).etag },
      });
      expect(answer.status).toBe(200);
    }
    expect(await owedOnAgenda()).toEqual([]);
  });

  it('refuses a done day in the future, an unknown follow-up and a stale version', async () => {
    const { body, etag } = await read();
    const id = body.followUps?.[0]?.id ?? '';
    const future = await lead().request('PATCH', `${path()}/${id}`, {
      body: { doneOn: daysFromToday(3) },
      headers: { 'if-match': etag },
    });
    expect(future.status).toBe(400);
    const unknown = await lead().request('PATCH', `${path()}/no-such-follow-up`, {
      body: { doneOn: null },
      headers: { 'if-match': etag },
    });
    expect(unknown.status).toBe(404);
    const stale = await lead().request('PATCH', `${path()}/${id}`, {
      body: { doneOn: null },
      headers: { 'if-match': `"${body.version - 1}"` },
    });
    expect(stale.status).toBe(412);
  });

  it('answers another partnership as if the session did not exist', async () => {
    const other = api.as('early-help-lead', OTHER);
    const id = (await read()).body.followUps?.[0]?.id ?? '';
    const answers = [
      await other.request('GET', path()),
      await other.request('POST', path(), {
        body: { carerRef: apologies, kind: 'other' },
        headers: { 'if-match': '"1"' },
      }),
      await other.request('PATCH', `${path()}/${id}`, { body: { doneOn: null }, headers: { 'if-match': '"1"' } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain(apologies);
    }
  });
});
