import { feedbackKeyOf, parseFeedbackKey, tokenHashOf } from '@peermap/api';
import { examples, todayOf } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, DEMO, OTHER, startTestApi } from '../../support/api';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const daysFromToday = (days: number) => todayOf(new Date(Date.now() + days * 86_400_000));
const measures = {
  knowsSigns: { before: 2, after: 4 },
  feelsAlone: { before: 4, after: 2 },
  knowsWhoToContact: { after: 5 },
};
const [invited] = examples.invitationList.invite;

describe("parents' feedback on a session", () => {
  let api: Api;
  let held = '';
  let comingUp = '';
  const lead = () => api.as('early-help-lead');
  /** A request as someone not signed in: no token at all. */
  const anyone = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const response = await fetch(`${api.server.url}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
  };
  /** A problem without the request it answered, to compare two refusals. */
  const withoutInstance = (answer: ApiResponse) => ({ ...(answer.body as object), instance: undefined });

  beforeAll(async () => {
    api = await startTestApi();
    if (!invited) throw new Error('the example session invites a carer');
    const session = (date: string, venue: string) => ({ ...examples.invitationList.session, date, venue });
    const heldSession = await api.table.store.invitationLists.save(
      make.invitationList(DEMO, {
        status: 'held',
        session: session(daysFromToday(-5), 'Harbour Road Family Hub'),
        invite: [{ ...invited, carerRef: 'CR00001', name: 'Dana Fenwick' }],
        attendance: { CR00001: 'attended' },
      }),
    );
    held = heldSession.id;
    comingUp = (
      await api.table.store.invitationLists.save(
        make.invitationList(DEMO, { status: 'invitations_sent', session: session(daysFromToday(7), 'Later') }),
      )
    ).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('are recorded by the lead, naming an invited carer (audited as theirs) or no one, and read back with the measures', async () => {
    const named = await lead().request('POST', `/v1/sessions/${held}/feedback`, {
      body: { carerRef: 'CR00001', words: 'I know who to ring now.', measures },
    });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({
      feedback: { carerRef: 'CR00001', enteredBy: 'worker', recordedBy: expect.any(String), measures },
      languageNotes: [],
    });
    const anonymous = await lead().request('POST', `/v1/sessions/${held}/feedback`, {
      body: { measures: { knowsSigns: { before: 1 }, feelsAlone: {}, knowsWhoToContact: {} } },
    });
    expect(anonymous.status).toBe(201);
    expect((anonymous.body as { feedback: object }).feedback).not.toHaveProperty('carerRef');

    const listed = await api.as('madp-chair').request('GET', `/v1/sessions/${held}/feedback`);
    expect(listed.status).toBe(200);
    expect((listed.body as { items: { carerRef?: string }[] }).items.map((f) => f.carerRef)).toEqual([
      'CR00001',
      undefined,
    ]);
    const audited = await api.table.store.audit.byCarer(DEMO, 'CR00001');
    expect(audited.items.map((e) => `${e.action} ${e.resource}`)).toEqual(
      expect.arrayContaining(['create session-feedback', 'list session-feedback']),
    );
  });

  it('are refused for a carer not invited, without a measure, or on a session still to come', async () => {
    const stranger = await lead().request('POST', `/v1/sessions/${held}/feedback`, {
      body: { carerRef: 'CR00002', measures },
    });
    expect(stranger.status).toBe(400);
    const empty = await lead().request('POST', `/v1/sessions/${held}/feedback`, {
      body: { measures: { knowsSigns: {}, feelsAlone: {}, knowsWhoToContact: {} } },
    });
    expect(empty.status).toBe(400);
    const early = await lead().request('POST', `/v1/sessions/${comingUp}/feedback-links`, { body: {} });
    expect(early.status).toBe(409);
  });

  it('are for the chair and the lead only, and for their own partnership only', async () => {
    const police = api.as('police-analyst');
    expect((await police.request('GET', `/v1/sessions/${held}/feedback`)).status).toBe(403);
    expect((await police.request('POST', `/v1/sessions/${held}/feedback-links`, { body: {} })).status).toBe(403);
    expect(
      (await api.as('madp-chair').request('POST', `/v1/sessions/${held}/feedback`, { body: { measures } })).status,
    ).toBe(403);
    const elsewhere = api.as('early-help-lead', OTHER);
    expect((await elsewhere.request('GET', `/v1/sessions/${held}/feedback`)).status).toBe(404);
    expect((await elsewhere.request('POST', `/v1/sessions/${held}/feedback-links`, { body: {} })).status).toBe(404);
  });

  it('come from a parent once through a one-time link that shows no names, then the link is spent like any unknown one', async () => {
    const given = await lead().request('POST', `/v1/sessions/${held}/feedback-links`, { body: { days: 3 } });
    expect(given.status).toBe(201);
    const { key, formPath } = given.body as { key: string; formPath: string };
    expect(formPath).toBe(`/#/feedback/${key}`);

    const form = await anyone('GET', `/v1/feedback-form/${key}`);
    expect(form.status).toBe(200);
    expect(form.body).toEqual({
      sessionDay: daysFromToday(-5),
      measures: [
        { name: 'knowsSigns', words: 'I know the signs that my child may be at risk' },
        { name: 'feelsAlone', words: 'I feel on my own with this' },
        { name: 'knowsWhoToContact', words: 'I know who to contact' },
      ],
    });
    for (const named of ['Dana', 'CR00001', 'Harbour', 'Fenwick', held]) expect(form.text).not.toContain(named);

    const answers = { words: 'Thank you for listening.', measures };
    expect((await anyone('POST', `/v1/feedback-form/${key}`, answers)).status).toBe(204);
    const again = await anyone('POST', `/v1/feedback-form/${key}`, answers);
    expect(again.status).toBe(404);
    expect((await anyone('GET', `/v1/feedback-form/${key}`)).status).toBe(404);

    const stored = await api.table.store.sessionFeedback.ofSession(DEMO, held);
    const fromLink = stored.filter((f) => f.enteredBy === 'parent_link');
    expect(fromLink).toHaveLength(1);
    expect(fromLink[0]).toMatchObject({ words: 'Thank you for listening.', measures });
    expect(fromLink[0]).not.toHaveProperty('carerRef');
    const events = await api.table.store.audit.byUser(DEMO, 'anonymous');
    expect(events.items.map((e) => `${e.action} ${e.resource} ${e.outcome}`)).toEqual(
      expect.arrayContaining(['create feedback-form allowed', 'create feedback-form not_found']),
    );

    // Unknown, malformed and expired keys: the same answer as the spent one.
    const unknown = await anyone('POST', `/v1/feedback-form/${feedbackKeyOf(DEMO, 'x'.repeat(43))}`, answers);
    const malformed = await anyone('GET', '/v1/feedback-form/not-a-key');
    const { token } = parseFeedbackKey(key) ?? { token: '' };
    const link = await api.table.store.feedbackLinks.get(DEMO, tokenHashOf(token));
    if (!link) throw new Error('the link is kept');
    const expiredToken = 'e'.repeat(43);
    const { usedAt: _, version: __, ...unused } = link;
    await api.table.store.feedbackLinks.save({
      ...unused,
      tokenHash: tokenHashOf(expiredToken),
      validUntil: new Date(Date.now() - 1000).toISOString(),
    });
    const expired = await anyone('GET', `/v1/feedback-form/${feedbackKeyOf(DEMO, expiredToken)}`);
    for (const refusal of [unknown, malformed, expired]) {
      expect(refusal.status).toBe(404);
      expect(withoutInstance(refusal)).toEqual(withoutInstance(again));
    }
  });
});
