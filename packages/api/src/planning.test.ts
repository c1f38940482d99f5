import { ConflictError, examples, NotFoundError, ValidationError } from '@peermap/domain';
import { createMemoryStore, type MemoryStore } from '@peermap/memory-store';
import { beforeEach, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import { changePlan, createInvitationList, draftPlanForCluster, draftPlanForPlace, movePlan } from './planning';

const p = examples.cluster.partnershipId;
const now = new Date('2026-11-25T10:00:00.000Z');
const session = examples.invitationList.session;

/** A partnership with a completed week-46 run that found group C-1 (YP1, YP2), and their carers. */
async function mapWithAGroup(): Promise<MemoryStore> {
  const store = createMemoryStore();
  const { version: _, ...run } = examples.analysis;
  await store.analyses.save(run);
  await store.analyses.saveClusters([examples.cluster]);
  for (const ref of ['YP1', 'YP2', 'YP3']) await store.youngPeople.save(make.youngPerson(p, ref));
  await store.locations.save(make.location(p, 'LOC1'));
  await store.sightings.save(make.sighting(p, 'YP1', 'LOC1', { seenOn: '2026-11-20' }));
  await store.carers.save(make.carer(p, 'CR1', ['YP1', 'YP2']));
  await store.carers.save(make.carer(p, 'CR2', ['YP2'], { doNotContact: true }));
  return store;
}

describe('planning for a peer group and a place', () => {
  let store: MemoryStore;
  beforeEach(async () => {
    store = await mapWithAGroup();
  });

  it("drafts a group's plan from its latest completed week, for every member", async () => {
    const plan = await draftPlanForCluster(store, { partnershipId: p, clusterId: 'C-1', by: 'chair-1', now });
    expect(plan).toMatchObject({
      clusterId: 'C-1',
      analysisId: examples.analysis.id,
      youngPersonRefs: ['YP1', 'YP2'],
      status: 'draft',
      version: 1,
    });
    expect(await store.actionPlans.get(p, plan.id)).toEqual(plan);
    await expect(
      draftPlanForCluster(store, { partnershipId: p, clusterId: 'C-9', by: 'chair-1', now }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("drafts a place's plan, and refuses a place not on the map", async () => {
    const plan = await draftPlanForPlace(store, { partnershipId: p, locationRef: 'LOC1', by: 'chair-1', now });
    expect(plan).toMatchObject({ locationRef: 'LOC1', status: 'draft' });
    expect(plan.clusterId).toBeUndefined();
    await expect(
      draftPlanForPlace(store, { partnershipId: p, locationRef: 'LOC9', by: 'chair-1', now }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an action for someone outside the group, and sends a changed agreed plan back to draft', async () => {
    const drafted = await draftPlanForCluster(store, { partnershipId: p, clusterId: 'C-1', by: 'chair-1', now });
    const [example] = examples.actionPlan.actions;
    if (!example) throw new Error('the example plan has an action');
    const action = { ...example, id: 'A1', coversRefs: ['YP1', 'YP2'] };
    const covered = await changePlan(store, drafted, { actions: [{ ...action }] }, 'chair-1', now, drafted.version);
    const stranger = { ...action, coversRefs: ['YP3'] };
    await expect(
      changePlan(store, covered, { actions: [stranger] }, 'chair-1', now, covered.version),
    ).rejects.toBeInstanceOf(ValidationError);
    const agreed = await movePlan(store, covered, 'agreed', 'chair-1', now, covered.version);
    expect(agreed.status).toBe('agreed');
    const changed = await changePlan(store, agreed, { summary: 'Changed' }, 'chair-1', now, agreed.version);
    expect(changed).toMatchObject({ status: 'draft', version: agreed.version + 1 });
    expect((await store.actionPlans.versions(p, drafted.id)).map((v) => v.status)).toEqual([
      'draft',
      'draft',
      'agreed',
      'draft',
    ]);
    await expect(movePlan(store, changed, 'reviewed', 'chair-1', now, changed.version)).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("invites a group's carers, and never one who is not to be contacted", async () => {
    const list = await createInvitationList(store, {
      partnershipId: p,
      clusterId: 'C-1',
      session,
      createdBy: 'lead-1',
      now,
    });
    expect(list.youngPersonRefs).toEqual(['YP1', 'YP2']);
    expect(list.invite.map((c) => c.carerRef)).toEqual(['CR1']);
    expect(list.notInvited).toMatchObject([{ carerRef: 'CR2', reason: 'do_not_contact' }]);
    expect((await store.invitationLists.ofCluster(p, 'C-1')).map((l) => l.id)).toEqual([list.id]);
    await expect(
      createInvitationList(store, {
        partnershipId: p,
        clusterId: 'C-1',
        youngPersonRefs: ['YP3'],
        session,
        createdBy: 'lead-1',
        now,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
