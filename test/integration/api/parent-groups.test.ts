import { randomUUID } from 'node:crypto';
import type { ParentGroupView, PlanView } from '@peermap/contract';
import { type InvitationList, type InvitedCarer, todayOf } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, OTHER, startTestApi } from '../../support/api';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const daysFromToday = (days: number) => todayOf(new Date(Date.now() + days * 86_400_000));
const SESSION = {
  date: daysFromToday(21),
  time: '18:30',
  venue: 'The dessert bar, High Street',
  facilitators: [{ name: 'Sam Okafor', from: 'early_help' as const }],
};

const invited = (carerRef: string, youngPersonRef: string): InvitedCarer => ({
  carerRef,
  name: `Parent ${carerRef}`,
  relationship: 'mother',
  parentalResponsibility: true,
  youngPersonRefs: [youngPersonRef],
  interpreterNeeded: false,
  transportNeeded: false,
  contactRoute: 'phone',
});

describe('a parent group that goes on meeting', () => {
  let api: Api;
  let heldId = '';
  let groupId = '';
  const lead = () => api.as('early-help-lead');
  const chair = () => api.as('madp-chair');
  const groupOf = async (id = groupId) =>
    (await lead().request('GET', `/v1/parent-groups/${id}`)).body as ParentGroupView;

  beforeAll(async () => {
    api = await startTestApi();
    const store = api.table.store;
    // Four families: three came to a session held last month; one more, and one whose consent is still to be asked.
    for (const n of [1, 2, 3, 4, 5]) {
      await store.youngPeople.save(make.youngPerson(DEMO, `PG${n}`, { displayName: `Young person PG${n}` }));
      const notAskedYet = n === 5 ? { consent: { status: 'not_asked' as const } } : {};
      await store.carers.save(make.carer(DEMO, `PGC${n}`, [`PG${n}`], { name: `Parent PGC${n}`, ...notAskedYet }));
    }
    const held: Omit<InvitationList, 'version'> = make.invitationList(DEMO, {
      id: randomUUID(),
      clusterId: undefined,
      status: 'held',
      youngPersonRefs: ['PG1', 'PG2', 'PG3'],
      session: { ...SESSION, date: daysFromToday(-30) },
      invite: ['PGC1', 'PGC2', 'PGC3'].map((ref, index) => invited(ref, `PG${index + 1}`)),
      askConsentFirst: [],
      notInvited: [],
      attendance: { PGC1: 'attended', PGC2: 'attended', PGC3: 'apologies' },
    });
    const { clusterId: _, ...forChosen } = held;
    heldId = (await store.invitationLists.save(forChosen)).id;
  });
  afterAll(async () => {
    await api.close();
  });

  it('starts from a held session with the parents who came', async () => {
    const started = await lead().request('POST', '/v1/parent-groups', {
      body: {
        name: 'Kitchen table talks',
        startedFromSessionId: heldId,
        meets: 'Monthly, first Tuesday',
        topicsAsked: ['Online grooming', 'Talking with the school'],
      },
    });
    expect(started.status).toBe(201);
    const view = started.body as ParentGroupView;
    groupId = view.group.id;
    expect(started.headers.get('location')).toBe(`/v1/parent-groups/${groupId}`);
    expect(view.members.map((m) => [m.carerRef, m.name, m.contact, m.joinedOn])).toEqual([
      ['PGC1', 'Parent PGC1', 'can_be_invited', daysFromToday(-30)],
      ['PGC2', 'Parent PGC2', 'can_be_invited', daysFromToday(-30)],
    ]);
    // The list counts, naming no carer.
    const list = await lead().request('GET', '/v1/parent-groups');
    expect(list.text).not.toContain('PGC1');
    expect((list.body as { items: { id: string; members: number }[] }).items).toContainEqual(
      expect.objectContaining({ id: groupId, members: 2, sessions: 0 }),
    );
  });

  it('welcomes a parent who gave consent, and refuses one not yet asked or not on the map', async () => {
    const join = (carerRef: string) =>
      lead().request('POST', `/v1/parent-groups/${groupId}/members`, {
        body: { carerRef, joinedOn: todayOf(new Date()) },
      });
    const notAsked = await join('PGC5');
    expect(notAsked.status).toBe(409);
    expect(notAsked.text).toContain('record their consent first');
    expect((await join('NOBODY1')).status).toBe(400);
    const joined = await join('PGC4');
    expect(joined.status).toBe(200);
    expect((joined.body as ParentGroupView).members.map((m) => m.carerRef)).toEqual(['PGC1', 'PGC2', 'PGC4']);
    expect((await join('PGC4')).status).toBe(409);
  });

  it("plans the next session for the members, sorted by consent, on the parents' topics", async () => {
    const withdrawn = { status: 'withdrawn' as const, recordedOn: todayOf(new Date()), recordedBy: 'Kim Keyworker' };
    const stored = await api.table.store.carers.get(DEMO, 'PGC2');
    if (stored) await api.table.store.carers.change(stored, { consent: withdrawn });
    const member = (await groupOf()).members.find((m) => m.carerRef === 'PGC2');
    expect(member).toMatchObject({ name: 'Parent PGC2', contact: 'not_contacted', reason: 'consent_withdrawn' });

    const planned = await lead().request('POST', `/v1/parent-groups/${groupId}/sessions`, {
      body: { session: SESSION },
    });
    expect(planned.status).toBe(201);
    const session = planned.body as InvitationList;
    expect(session.parentGroupId).toBe(groupId);
    expect(session.status).toBe('planned');
    expect(session.youngPersonRefs).toEqual(['PG1', 'PG2', 'PG4']);
    expect(session.invite.map((c) => c.carerRef)).toEqual(['PGC1', 'PGC4']);
    expect(session.notInvited.map((c) => [c.carerRef, c.reason])).toEqual([['PGC2', 'consent_withdrawn']]);
    expect(session.topics).toEqual([
      { name: 'Online grooming', askedByParents: true },
      { name: 'Talking with the school', askedByParents: true },
    ]);
    expect((await groupOf()).sessions.map((s) => [s.id, s.status, s.invited])).toEqual([[session.id, 'planned', 2]]);
  });

  it("drafts the group's own plan without young people, and the chair agrees it", async () => {
    const action = {
      id: 'a1',
      description: 'Parents share a list of safe places open after school',
      ownerAgency: 'parent_led_group',
      dueOn: daysFromToday(30),
      status: 'not_started',
      coversRefs: [],
    };
    const summary = 'We want our children to have somewhere to go after school, and to know who to call.';
    const named = await lead().request('POST', `/v1/parent-groups/${groupId}/plans`, {
      body: { summary, actions: [{ ...action, coversRefs: ['PG1'] }] },
    });
    expect(named.status).toBe(400);
    const drafted = await lead().request('POST', `/v1/parent-groups/${groupId}/plans`, {
      body: { summary, actions: [action] },
    });
    expect(drafted.status).toBe(201);
    const { plan, uncovered } = drafted.body as PlanView;
    expect([plan.parentGroupId, plan.status, uncovered]).toEqual([groupId, 'draft', []]);

    const agreed = await chair().request('POST', `/v1/action-plans/${plan.id}/status`, {
      body: { status: 'agreed' },
      headers: { 'if-match': drafted.headers.get('etag') ?? '' },
    });
    expect(agreed.status).toBe(200);
    const paper = await chair().request('GET', `/v1/action-plans/${plan.id}/export?format=html`);
    expect(paper.text).toContain('Joint safeguarding strategy: Kitchen table talks');
    expect(paper.text).toContain('The families of the group');
    expect((await groupOf()).plans.map((p) => [p.id, p.status])).toEqual([[plan.id, 'agreed']]);
  });

  it('is read by the chair; police and other partnerships learn nothing of it', async () => {
    expect((await chair().request('GET', `/v1/parent-groups/${groupId}`)).status).toBe(200);
    const chairJoins = await chair().request('POST', `/v1/parent-groups/${groupId}/members`, {
      body: { carerRef: 'PGC3', joinedOn: todayOf(new Date()) },
    });
    expect(chairJoins.status).toBe(403);
    // Police get the same answer whether or not the group exists.
    const police = api.as('police-analyst');
    const known = await police.request('GET', `/v1/parent-groups/${groupId}`);
    const unknown = await police.request('GET', `/v1/parent-groups/${randomUUID()}`);
    expect([known.status, unknown.status]).toEqual([403, 403]);
    expect(known.text).not.toContain('Kitchen');
    expect((await police.request('GET', '/v1/parent-groups')).status).toBe(403);
    const other = await api.as('early-help-lead', OTHER).request('GET', `/v1/parent-groups/${groupId}`);
    expect(other.status).toBe(404);
    expect(other.text).not.toContain('Kitchen');
  });

  it("lists a carer's membership in their child's subject access, and erasure takes the carer out", async () => {
    const access = await chair().request('GET', '/v1/young-people/PG1/subject-access');
    expect((access.body as { parentGroups: { id: string; members: { carerRef: string }[] }[] }).parentGroups).toEqual([
      expect.objectContaining({ id: groupId, members: [expect.objectContaining({ carerRef: 'PGC1' })] }),
    ]);
    const erased = await chair().request('DELETE', '/v1/young-people/PG4?erase=true', {
      body: { reason: 'The family asked for the record to be erased.' },
    });
    expect(erased.status).toBe(200);
    const after = await groupOf();
    expect(after.members.map((m) => m.carerRef)).toEqual(['PGC1', 'PGC2']);
    expect(JSON.stringify(after)).not.toContain('PGC4');
  });
});
