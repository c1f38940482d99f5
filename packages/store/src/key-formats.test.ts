import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { type Item, toItem } from './codec';
import * as keys from './keys';
import * as m from './models';

const p = 'south-kent';
const keyAttributes = (item: Item) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => /^(PK|SK|GSI[12](PK|SK))$/.test(name)));

/**
 * The key of every kind of item, byte for byte, as the table already holds them: a refactor
 * that changed one would lose every item written before it.
 */
const PINNED = {
  youngPerson: {
    PK: 'P#south-kent#YP#YP1',
    SK: 'YP',
    GSI1PK: 'P#south-kent#YP',
    GSI1SK: 'YP1',
  },
  relationship: {
    PK: 'P#south-kent#YP#YP1',
    SK: 'REL#YP2',
    GSI1PK: 'P#south-kent#REL',
    GSI1SK: 'YP1#YP2',
    GSI2PK: 'P#south-kent#YP#YP2',
    GSI2SK: 'REL#YP1',
  },
  restrictedRelationship: {
    PK: 'P#south-kent#YP#YP1',
    SK: 'RREL#YP2',
    GSI1PK: 'P#south-kent#RREL',
    GSI1SK: 'YP1#YP2',
    GSI2PK: 'P#south-kent#YP#YP2',
    GSI2SK: 'RREL#YP1',
  },
  location: {
    PK: 'P#south-kent#LOC#LOC1',
    SK: 'LOC',
    GSI1PK: 'P#south-kent#LOC',
    GSI1SK: 'LOC1',
  },
  sighting: {
    PK: 'P#south-kent#YP#YP1',
    SK: 'SIGHT#2026-11-12#LOC1#police',
    GSI1PK: 'P#south-kent#SIGHT',
    GSI1SK: '2026-11-12#YP1#LOC1#police',
    GSI2PK: 'P#south-kent#LOC#LOC1',
    GSI2SK: 'SIGHT#2026-11-12#YP1#police',
  },
  restrictedSighting: {
    PK: 'P#south-kent#YP#YP1',
    SK: 'RSIGHT#2026-11-12#LOC1#police',
    GSI1PK: 'P#south-kent#RSIGHT',
    GSI1SK: '2026-11-12#YP1#LOC1#police',
    GSI2PK: 'P#south-kent#LOC#LOC1',
    GSI2SK: 'RSIGHT#2026-11-12#YP1#police',
  },
  concern: {
    PK: 'P#south-kent#YP#YP1',
    SK: 'CONCERN#2026-11-08#missing_episode#early_help',
    GSI1PK: 'P#south-kent#CONCERN',
    GSI1SK: '2026-11-08#YP1#missing_episode#early_help',
  },
  carer: {
    PK: 'P#south-kent#CR#CR1',
    SK: 'CR',
    GSI1PK: 'P#south-kent#CR',
    GSI1SK: 'CR1',
  },
  carerLinks: [
    {
      PK: 'P#south-kent#YP#YP1',
      SK: 'CARER#CR1',
      GSI2PK: 'P#south-kent#CR#CR1',
      GSI2SK: 'YP#YP1',
    },
    {
      PK: 'P#south-kent#YP#YP2',
      SK: 'CARER#CR1',
      GSI2PK: 'P#south-kent#CR#CR1',
      GSI2SK: 'YP#YP2',
    },
  ],
  partnership: {
    PK: 'P#south-kent#PARTNERSHIP',
    SK: 'PARTNERSHIP',
  },
  upload: {
    PK: 'P#south-kent#UPLOAD#0b5c1a7e-3f53-4a55-9a0e-1c4c8f7f2b10',
    SK: 'UPLOAD',
    GSI1PK: 'P#south-kent#UPLOAD',
    GSI1SK: '2026-11-20T10:00:00.000Z#0b5c1a7e-3f53-4a55-9a0e-1c4c8f7f2b10',
  },
  analysisQueued: {
    PK: 'P#south-kent#ANALYSIS#5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
    SK: 'ANALYSIS',
    GSI2PK: 'P#south-kent#ANALYSIS',
    GSI2SK: '2026-11-20T11:00:00.000Z#5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
  },
  analysisCompleted: {
    PK: 'P#south-kent#ANALYSIS#5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
    SK: 'ANALYSIS',
    GSI2PK: 'P#south-kent#ANALYSIS',
    GSI2SK: '2026-11-20T11:00:00.000Z#5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
    GSI1PK: 'P#south-kent#ANALYSIS',
    GSI1SK: '2026-W46#2026-11-20T11:00:03.000Z#5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
  },
  cluster: {
    PK: 'P#south-kent#ANALYSIS#5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
    SK: 'CLUSTER#C-1',
    GSI2PK: 'P#south-kent#CLUSTER#C-1',
    GSI2SK: 'SNAPSHOT#2026-W46#5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
  },
  actionPlan: {
    PK: 'P#south-kent#PLAN#9c4b2f1e-2d6a-4e8b-b1c3-7f0a5e9d3c42',
    SK: 'PLAN',
    GSI1PK: 'P#south-kent#PLAN',
    GSI1SK: '9c4b2f1e-2d6a-4e8b-b1c3-7f0a5e9d3c42',
    GSI2PK: 'P#south-kent#CLUSTER#C-1',
    GSI2SK: 'PLAN#9c4b2f1e-2d6a-4e8b-b1c3-7f0a5e9d3c42',
  },
  actionPlanVersion: {
    PK: 'P#south-kent#PLAN#9c4b2f1e-2d6a-4e8b-b1c3-7f0a5e9d3c42',
    SK: 'V#0000000001',
  },
  invitationList: {
    PK: 'P#south-kent#INVITE#e1a7c3d2-4b5f-4a69-8c2d-3f1e0b9a7d63',
    SK: 'INVITE',
    GSI1PK: 'P#south-kent#INVITE',
    // By the session's day first: the early help lead's sessions still to come and those held.
    GSI1SK: '2026-12-05#2026-11-21T09:00:00.000Z#e1a7c3d2-4b5f-4a69-8c2d-3f1e0b9a7d63',
    GSI2PK: 'P#south-kent#CLUSTER#C-1',
    GSI2SK: 'INVITE#2026-11-21T09:00:00.000Z#e1a7c3d2-4b5f-4a69-8c2d-3f1e0b9a7d63',
  },
  auditEvent: {
    PK: 'P#south-kent#AUDIT#7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b84',
    SK: 'AUDIT',
    GSI1PK: 'P#south-kent#AUDIT',
    GSI1SK: '2026-11-21T09:00:00.000Z#7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b84',
    GSI2PK: 'P#south-kent#USER#lead-1',
    GSI2SK: 'AUDIT#2026-11-21T09:00:00.000Z#7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b84',
  },
  restrictedAuditEvent: {
    PK: 'P#south-kent#AUDIT#7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b84',
    SK: 'AUDIT',
    GSI1PK: 'P#south-kent#AUDIT',
    GSI1SK: '2026-11-21T09:00:00.000Z#7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b84',
    GSI2PK: 'P#south-kent#USER#lead-1',
    GSI2SK: 'RAUDIT#2026-11-21T09:00:00.000Z#7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b84',
  },
  auditSubject: {
    PK: 'P#south-kent#AUDIT#e1',
    SK: 'SUBJECT#YP#YP1',
  },
  reviewKey: {
    PK: 'P#south-kent#YP#YP1',
    SK: 'REVIEW#2026-11-28T09:00:00.000Z',
  },
  overdueKey: {
    PK: 'P#south-kent#YP#YP1',
    SK: 'OVERDUE',
  },
  idem: {
    PK: 'P#south-kent#IDEMPOTENCY#h',
    SK: 'IDEMPOTENCY',
  },
  lease: {
    PK: 'P#south-kent#LEASE#map-writer',
    SK: 'LEASE',
  },
  moved: {
    PK: 'P#south-kent#LAYERS',
    SK: 'RESTRICTED-MOVED',
  },
  erasureJob: {
    PK: 'P#south-kent#ERASURE#YP1',
    SK: 'ERASURE',
  },
  erasureRecord: {
    PK: 'P#south-kent#ERASED#erased-0a1b2c3d',
    SK: 'ERASED',
  },
  slot: {
    PK: 'P#south-kent#SLOT#s1',
    SK: 'SLOT',
  },
};

const written = {
  youngPerson: keyAttributes(toItem(m.youngPersonModel, examples.youngPerson)),
  relationship: keyAttributes(toItem(m.relationshipModel, examples.relationship)),
  restrictedRelationship: keyAttributes(
    toItem(m.restrictedRelationshipModel, { ...examples.relationship, restricted: true }),
  ),
  location: keyAttributes(toItem(m.locationModel, examples.location)),
  sighting: keyAttributes(toItem(m.sightingModel, examples.sighting)),
  restrictedSighting: keyAttributes(toItem(m.restrictedSightingModel, { ...examples.sighting, restricted: true })),
  concern: keyAttributes(toItem(m.concernModel, examples.concern)),
  carer: keyAttributes(toItem(m.carerModel, examples.carer)),
  carerLinks: (m.carerModel.companions?.(examples.carer, undefined).puts ?? []).map(keyAttributes),
  partnership: keyAttributes(toItem(m.partnershipModel, { ...examples.partnership, partnershipId: p })),
  upload: keyAttributes(toItem(m.uploadModel, examples.upload)),
  analysisQueued: keyAttributes(toItem(m.analysisModel, { ...examples.analysis, status: 'queued' })),
  analysisCompleted: keyAttributes(toItem(m.analysisModel, examples.analysis)),
  cluster: keyAttributes(toItem(m.clusterSnapshotModel, examples.cluster)),
  actionPlan: keyAttributes(toItem(m.actionPlanModel, examples.actionPlan)),
  actionPlanVersion: keyAttributes(toItem(m.actionPlanVersionModel, examples.actionPlan)),
  invitationList: keyAttributes(toItem(m.invitationListModel, examples.invitationList)),
  auditEvent: keyAttributes(toItem(m.auditEventModel, examples.auditEvent)),
  restrictedAuditEvent: keyAttributes(toItem(m.auditEventModel, { ...examples.auditEvent, restricted: true })),
  auditSubject: keys.auditSubjectKey(p, 'e1', { kind: 'YP', ref: 'YP1' }),
  reviewKey: keys.reviewKey(p, 'YP1', '2026-11-28T09:00:00.000Z'),
  overdueKey: keys.overdueKey(p, 'YP1'),
  idem: keys.idempotencyKey(p, 'h'),
  lease: keys.leaseKey(p, 'map-writer'),
  moved: keys.restrictedLayerMovedKey(p),
  erasureJob: keys.erasureJobKey(p, 'YP1'),
  erasureRecord: keys.erasureRecordKey(p, 'erased-0a1b2c3d'),
  slot: keys.uploadSlotKey(p, 's1'),
};

describe('the key of every kind of item', () => {
  it.each(Object.keys(PINNED) as (keyof typeof PINNED)[])('is what the table already holds: %s', (name) => {
    expect(written[name]).toEqual(PINNED[name]);
  });
});

describe('the named access patterns', () => {
  it('query the partitions and sort-key prefixes the items are written under', () => {
    expect(keys.concernsOfPerson(p, 'YP1')).toEqual({
      partnershipId: p,
      partition: 'P#south-kent#YP#YP1',
      sortKeyPrefix: 'CONCERN#',
    });
    expect(keys.pairsOfPerson(p, 'YP2', 'restricted').asSecond).toEqual({
      partnershipId: p,
      index: 'byLink',
      partition: 'P#south-kent#YP#YP2',
      sortKeyPrefix: 'RREL#',
    });
    expect(keys.sightingsAtLocation(p, 'LOC1', 'shared')).toMatchObject({ sortKeyPrefix: 'SIGHT#', newestFirst: true });
    expect(keys.carerLinksOfYoungPerson(p, 'YP1').sortKeyPrefix).toBe('CARER#');
    expect(keys.youngPeopleLinksOfCarer(p, 'CR1')).toMatchObject({
      partition: 'P#south-kent#CR#CR1',
      sortKeyPrefix: 'YP#',
    });
    expect(keys.reviewsOfPerson(p, 'YP1').sortKeyPrefix).toBe('REVIEW#');
    expect(keys.clustersOfRun(p, 'a1')).toMatchObject({
      partition: 'P#south-kent#ANALYSIS#a1',
      sortKeyPrefix: 'CLUSTER#',
    });
    expect(keys.clusterHistory(p, 'C-1')).toMatchObject({
      partition: 'P#south-kent#CLUSTER#C-1',
      sortKeyPrefix: 'SNAPSHOT#',
    });
    expect(keys.planVersions(p, 'x').sortKeyPrefix).toBe('V#');
    expect(keys.plansOfLocation(p, 'LOC1')).toMatchObject({
      partition: 'P#south-kent#LOC#LOC1',
      sortKeyPrefix: 'PLAN#',
    });
    expect(keys.invitationListsOfCluster(p, 'C-1').sortKeyPrefix).toBe('INVITE#');
    expect(keys.sessionsFrom(p, '2026-12-08')).toMatchObject({
      index: 'byKind',
      partition: 'P#south-kent#INVITE',
      sortKeyFrom: '2026-12-08',
    });
    expect(keys.sessionsFrom(p, '2026-12-08').newestFirst).toBeUndefined();
    expect(keys.sessionsBefore(p, '2026-12-08')).toMatchObject({ sortKeyBelow: '2026-12-08', newestFirst: true });
    expect(keys.completedAnalyses(p, '2026-W46')).toMatchObject({
      index: 'byKind',
      partition: 'P#south-kent#ANALYSIS',
      sortKeyPrefix: '2026-W46#',
    });
    expect(keys.completedAnalysesBefore(p, '2026-W46')).toMatchObject({ sortKeyBelow: '2026-W46#', newestFirst: true });
    expect(keys.auditOfUser(p, 'a#b')).toMatchObject({ partition: 'P#south-kent#USER#a%23b', sortKeyPrefix: 'AUDIT#' });
    expect(keys.everyAuditOf(p, { kind: 'CR', ref: 'CR1' }).map((spec) => spec.sortKeyPrefix)).toEqual([
      'AUDIT#',
      'RAUDIT#',
    ]);
    expect(keys.subjectsOfAuditEvent(p, 'e1')).toMatchObject({
      partition: 'P#south-kent#AUDIT#e1',
      sortKeyPrefix: 'SUBJECT#',
    });
    expect(keys.ofKind(p, 'OVERDUE')).toEqual({ partnershipId: p, index: 'byKind', partition: 'P#south-kent#OVERDUE' });
  });

  it('index an audit event under each person it names, in the layer of the event', () => {
    const event = { partnershipId: p, id: 'e1', at: '2026-11-21T09:00:00.000Z', restricted: true };
    expect(keys.auditSubjectIndexKeys(event, { kind: 'CR', ref: 'CR1' })).toEqual({
      GSI2PK: 'P#south-kent#CR#CR1',
      GSI2SK: 'RAUDIT#2026-11-21T09:00:00.000Z#e1',
    });
    expect(keys.overdueIndexKeys(p, 'YP1')).toEqual({ GSI1PK: 'P#south-kent#OVERDUE', GSI1SK: 'YP1' });
    expect(keys.idempotencyIndexKeys(p, 'h')).toEqual({ GSI1PK: 'P#south-kent#IDEMPOTENCY', GSI1SK: 'h' });
  });
});
