import { examples, NotFoundError } from '@peermap/domain';
import { createMemoryStore } from '@peermap/memory-store';
import { describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import { subjectAccess, subjectAccessPaper } from './subject-access';

const p = examples.cluster.partnershipId;
const now = new Date('2026-12-07T10:00:00.000Z');

/** YP1 with every kind of record that can name them, and a group, plan and list they are in. */
async function everythingAboutYP1() {
  const store = createMemoryStore();
  for (const ref of ['YP1', 'YP2']) await store.youngPeople.save(make.youngPerson(p, ref));
  await store.relationships.save(make.relationship(p, 'YP1', 'YP2'));
  await store.sightings.save(make.sighting(p, 'YP1', 'LOC1'));
  await store.concerns.save(make.concern(p, 'YP1'));
  await store.concerns.save(make.concern(p, 'YP2'));
  await store.carers.save(make.carer(p, 'CR1', ['YP1']));
  await store.audit.record(make.auditEvent(p, { subjects: { youngPeople: ['YP1'], carers: [] } }));
  const { version: _, ...run } = examples.analysis;
  await store.analyses.save(run);
  await store.analyses.saveClusters([examples.cluster]);
  await store.actionPlans.save(make.actionPlan(p, { clusterId: 'C-1', youngPersonRefs: ['YP1', 'YP2'] }));
  await store.invitationLists.save(make.invitationList(p));
  // A place's session that names them, with a risk assessment that speaks of other families.
  await store.invitationLists.save(
    make.invitationList(p, {
      id: '0b6f5a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b',
      clusterId: undefined,
      locationRef: 'LOC1',
      youngPersonRefs: ['YP1'],
      riskAssessment: {
        groupDynamics: 'Two families do not get on.',
        confidentiality: 'What is said stays in the room.',
        groupAgreement: 'We listen.',
        keepApart: [{ carerRefs: ['CR7', 'CR8'], reason: 'a safety note' }],
      },
    }),
  );
  // Their carer's feedback, another carer's, and an anonymous one.
  const { version: ___, ...feedback } = examples.sessionFeedback;
  await store.sessionFeedback.save({ ...feedback, partnershipId: p, carerRef: 'CR1' });
  await store.sessionFeedback.save({
    ...feedback,
    id: '6c2a0e1f-4b3d-4e5f-8a9b-0c1d2e3f4a5b',
    partnershipId: p,
    carerRef: 'CR9',
  });
  const { carerRef: _anonymous, ...unnamed } = feedback;
  await store.sessionFeedback.save({ ...unnamed, id: '7d3b1f2a-5c4e-4f6a-9b0c-1d2e3f4a5b6c', partnershipId: p });
  const { version: __, ...group } = examples.parentGroup;
  await store.parentGroups.save({
    ...group,
    partnershipId: p,
    members: [
      { carerRef: 'CR1', joinedOn: '2026-11-20' },
      { carerRef: 'CR9', joinedOn: '2026-11-20' },
    ],
  });
  return store;
}

describe('a subject access request', () => {
  it('gathers every record that names the young person, and what needs review before disclosure', async () => {
    const access = await subjectAccess(await everythingAboutYP1(), p, 'YP1', now);
    expect(access.youngPerson.ref).toBe('YP1');
    expect([access.relationships, access.sightings, access.concerns, access.carers].map((r) => r.length)).toEqual([
      1, 1, 1, 1,
    ]);
    expect(access.peerGroups).toEqual([
      {
        clusterId: 'C-1',
        label: 'Group 1',
        week: '2026-W46',
        analysisId: examples.analysis.id,
        narrative: examples.cluster.narrative,
      },
    ]);
    expect([access.actionPlans.length, access.invitationLists.length, access.accessLog.length]).toEqual([1, 2, 1]);
    expect(access.invitationLists.some((list) => 'riskAssessment' in list)).toBe(false);
    expect(access.sessionFeedback.map((f) => f.carerRef)).toEqual(['CR1']);
    // Their carer's membership, never the other parents of the group.
    expect(access.parentGroups.map((g) => g.members)).toEqual([[{ carerRef: 'CR1', joinedOn: '2026-11-20' }]]);
    expect(access.review.status?.ref).toBe('YP1');
    expect(access.reviewBeforeDisclosure.map((r) => r.item)).toEqual([
      'restricted police intelligence',
      'carer CR1',
      'relationship YP1~YP2',
      `feedback ${examples.sessionFeedback.id}`,
    ]);
    expect(access.producedAt).toBe(now.toISOString());
  });

  it('refuses a young person not on the map', async () => {
    await expect(subjectAccess(createMemoryStore(), p, 'YP9', now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads as a paper with one section per kind of record, the review list first', async () => {
    const access = await subjectAccess(await everythingAboutYP1(), p, 'YP1', now);
    const paper = subjectAccessPaper(access, 'OFFICIAL-SENSITIVE');
    expect(paper.title).toContain('(YP1)');
    expect(paper.sections.map((s) => s.heading)).toEqual([
      'Before anything is disclosed',
      'Their record',
      'Relationships recorded',
      'Where they were seen',
      'Concerns recorded',
      'Peer groups they were found in',
      'Plans and invitation lists that name them',
      'Parent groups their carers belong to',
      'Feedback their carers gave on sessions',
      'How long their record is kept',
      'Who read or changed their record',
    ]);
    expect(paper.sections[2]?.table?.rows).toEqual([['YP2', 'friend', '2', '2026-11-10', 'police']]);
  });
});
