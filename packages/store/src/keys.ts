import { type ConcernKey, orderPair, type RelationshipKey, type SightingKey } from '@peermap/domain';

/**
 * Key builders: pure functions, one per entity. Every partition key, of the table and of
 * both indexes, starts with `P#<partnership>#`, so a query can only ever reach one
 * partnership's items, and IAM can pin a caller to that prefix.
 */

/** The part of a key every item of a partnership starts with. */
export const partnershipPrefix = (partnershipId: string) => `P#${partnershipId}#`;

const partition = (partnershipId: string, ...parts: string[]) => partnershipPrefix(partnershipId) + parts.join('#');

/** Free-form values (user ids) are escaped so they can never carry the `#` delimiter. */
const escapeDelimiter = (value: string) => encodeURIComponent(value);

export interface PrimaryKey {
  PK: string;
  SK: string;
}

export interface IndexKeys {
  GSI1PK?: string;
  GSI1SK?: string;
  GSI2PK?: string;
  GSI2SK?: string;
}

export const youngPersonPartition = (partnershipId: string, ref: string) => partition(partnershipId, 'YP', ref);
export const carerPartition = (partnershipId: string, ref: string) => partition(partnershipId, 'CR', ref);
export const locationPartition = (partnershipId: string, ref: string) => partition(partnershipId, 'LOC', ref);
export const clusterPartition = (partnershipId: string, clusterId: string) =>
  partition(partnershipId, 'CLUSTER', clusterId);
export const userPartition = (partnershipId: string, userId: string) =>
  partition(partnershipId, 'USER', escapeDelimiter(userId));

/** The byKind partition that lists every record of one kind in a partnership. */
export const kindPartition = (partnershipId: string, kind: string) => partition(partnershipId, kind);

export const partnershipKey = (partnershipId: string): PrimaryKey => ({
  PK: partition(partnershipId, 'PARTNERSHIP'),
  SK: 'PARTNERSHIP',
});

export const youngPersonKey = (partnershipId: string, ref: string): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, ref),
  SK: 'YP',
});

/**
 * A relationship lives under the first person of the ordered pair; the byLink index finds
 * it from the second person's side. Either order of the pair gives the same key.
 */
export const relationshipKey = (partnershipId: string, pair: RelationshipKey): PrimaryKey => {
  const { personA, personB } = orderPair(pair.personA, pair.personB);
  return { PK: youngPersonPartition(partnershipId, personA), SK: `REL#${personB}` };
};

/** byKind lists every pair of a partnership; byLink holds the pair under its second person. */
export const relationshipIndexKeys = (partnershipId: string, pair: RelationshipKey): IndexKeys => {
  const { personA, personB } = orderPair(pair.personA, pair.personB);
  return {
    GSI1PK: kindPartition(partnershipId, 'REL'),
    GSI1SK: `${personA}#${personB}`,
    GSI2PK: youngPersonPartition(partnershipId, personB),
    GSI2SK: `REL#${personA}`,
  };
};

export const locationKey = (partnershipId: string, ref: string): PrimaryKey => ({
  PK: locationPartition(partnershipId, ref),
  SK: 'LOC',
});

/** A sighting's natural key is its key: the same sighting uploaded twice is one item. */
export const sightingKey = (partnershipId: string, s: SightingKey): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, s.personRef),
  SK: `SIGHT#${s.seenOn}#${s.locationRef}#${s.sourceAgency}`,
});

export const sightingIndexKeys = (partnershipId: string, s: SightingKey): IndexKeys => ({
  GSI1PK: kindPartition(partnershipId, 'SIGHT'),
  GSI1SK: `${s.seenOn}#${s.personRef}#${s.locationRef}#${s.sourceAgency}`,
  GSI2PK: locationPartition(partnershipId, s.locationRef),
  GSI2SK: `SIGHT#${s.seenOn}#${s.personRef}#${s.sourceAgency}`,
});

export const concernKey = (partnershipId: string, c: ConcernKey): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, c.personRef),
  SK: `CONCERN#${c.occurredOn}#${c.category}#${c.sourceAgency}`,
});

export const concernIndexKeys = (partnershipId: string, c: ConcernKey): IndexKeys => ({
  GSI1PK: kindPartition(partnershipId, 'CONCERN'),
  GSI1SK: `${c.occurredOn}#${c.personRef}#${c.category}#${c.sourceAgency}`,
});

export const carerKey = (partnershipId: string, ref: string): PrimaryKey => ({
  PK: carerPartition(partnershipId, ref),
  SK: 'CR',
});

/** A carer–young person link: in the young person's collection, and under the carer in byLink. */
export const carerLinkKey = (partnershipId: string, carerRef: string, youngPersonRef: string): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, youngPersonRef),
  SK: `CARER#${carerRef}`,
});

export const carerLinkIndexKeys = (partnershipId: string, carerRef: string, youngPersonRef: string): IndexKeys => ({
  GSI2PK: carerPartition(partnershipId, carerRef),
  GSI2SK: `YP#${youngPersonRef}`,
});

export const uploadKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'UPLOAD', id),
  SK: 'UPLOAD',
});

export const analysisKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'ANALYSIS', id),
  SK: 'ANALYSIS',
});

export const clusterSnapshotKey = (partnershipId: string, analysisId: string, clusterId: string): PrimaryKey => ({
  PK: partition(partnershipId, 'ANALYSIS', analysisId),
  SK: `CLUSTER#${clusterId}`,
});

export const actionPlanKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'PLAN', id),
  SK: 'PLAN',
});

/** Versions sort as numbers because they are zero-padded to ten digits. */
export const actionPlanVersionKey = (partnershipId: string, id: string, version: number): PrimaryKey => ({
  PK: partition(partnershipId, 'PLAN', id),
  SK: `V#${String(version).padStart(10, '0')}`,
});

export const invitationListKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'INVITE', id),
  SK: 'INVITE',
});

export const auditEventKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'AUDIT', id),
  SK: 'AUDIT',
});

/** One index entry per person an audit event names, so events can be found by person. */
export const auditSubjectKey = (
  partnershipId: string,
  eventId: string,
  subject: { kind: 'YP' | 'CR'; ref: string },
): PrimaryKey => ({
  PK: partition(partnershipId, 'AUDIT', eventId),
  SK: `SUBJECT#${subject.kind}#${subject.ref}`,
});
