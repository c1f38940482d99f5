import { ConflictError, examples, NotFoundError, ValidationError } from '@peermap/domain';
import { createMemoryStore } from '@peermap/memory-store';
import { describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import { draftGroupPlan, groupView, leaveGroup, planNextSession, startGroup } from './parent-groups';
import { changePlan, movePlan } from './planning';

const p = examples.partnership.id;
const now = new Date('2026-12-07T10:00:00.000Z');
const SESSION = { ...examples.invitationList.session, date: '2026-12-20' };
const action = {
  id: 'a1',
  description: 'Parents share the places open after school',
  ownerAgency: 'parent_led_group' as const,
  dueOn: '2027-01-10',
  status: 'not_started' as const,
  coversRefs: [],
};

/** Two families on the map, and a session still to come (not yet held). */
async function aPartnership() {
  const store = createMemoryStore();
  for (const n of [1, 2]) {
    await store.youngPeople.save(make.youngPerson(p, `YP${n}`));
    await store.carers.save(make.carer(p, `CR${n}`, [`YP${n}`]));
  }
  const upcoming = await store.invitationLists.save(make.invitationList(p, { session: SESSION }));
  return { store, upcoming };
}

describe('a parent group', () => {
  it('starts only from a session that has been held', async () => {
    const { store, upcoming } = await aPartnership();
    const start = { name: 'Kitchen table talks', startedFromSessionId: upcoming.id, topicsAsked: [] };
    await expect(startGroup(store, p, start, 'lead-1', now)).rejects.toBeInstanceOf(ConflictError);
    await expect(
      startGroup(store, p, { ...start, startedFromSessionId: crypto.randomUUID() }, 'lead-1', now),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("invites only its members to its next session, not their children's other carers", async () => {
    const { store } = await aPartnership();
    await store.carers.save(make.carer(p, 'CR3', ['YP1'], { name: 'Another carer' }));
    const group = await startGroup(store, p, { name: 'Group', topicsAsked: ['Online grooming'] }, 'lead-1', now);
    const joined = await store.parentGroups.change(group, { members: [{ carerRef: 'CR1', joinedOn: '2026-12-01' }] });
    const list = await planNextSession(store, joined, { session: SESSION }, 'lead-1', now);
    expect(list.invite.map((c) => c.carerRef)).toEqual(['CR1']);
    expect([list.youngPersonRefs, list.topics]).toEqual([['YP1'], [{ name: 'Online grooming', askedByParents: true }]]);
    expect((await groupView(store, joined)).sessions.map((s) => s.id)).toEqual([list.id]);
  });

  it('plans no session without members, nor once it has ended; a stranger cannot leave it', async () => {
    const { store } = await aPartnership();
    const group = await startGroup(store, p, { name: 'Group', topicsAsked: [] }, 'lead-1', now);
    await expect(planNextSession(store, group, { session: SESSION }, 'lead-1', now)).rejects.toThrow(/add a parent/);
    const ended = await store.parentGroups.change(group, { status: 'ended' });
    await expect(planNextSession(store, ended, { session: SESSION }, 'lead-1', now)).rejects.toThrow(/has ended/);
    await expect(leaveGroup(store, group, 'CR9', 'lead-1', now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('has its own plan, naming no young person, agreed without one', async () => {
    const { store } = await aPartnership();
    const group = await startGroup(store, p, { name: 'Group', topicsAsked: [] }, 'lead-1', now);
    const summary = 'Somewhere safe after school, and knowing who to call.';
    await expect(
      draftGroupPlan(store, group, { summary, actions: [{ ...action, coversRefs: ['YP1'] }] }, 'lead-1', now),
    ).rejects.toBeInstanceOf(ValidationError);
    const plan = await draftGroupPlan(store, group, { summary, actions: [action] }, 'lead-1', now);
    await expect(
      changePlan(store, plan, { actions: [{ ...action, coversRefs: ['YP2'] }] }, 'lead-1', now, plan.version),
    ).rejects.toThrow(/names no young person/);
    const agreed = await movePlan(store, plan, 'agreed', 'chair-1', now, plan.version);
    expect([agreed.status, agreed.parentGroupId]).toEqual(['agreed', group.id]);
  });
});
