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

/** A young person's item collection: profile, pairs as person A, sightings, concerns, carer links. */
export const youngPersonPartition = (partnershipId: string, ref: string) => partition(partnershipId, 'YP', ref);
/** A carer's partition (the carer item; in byLink, its links to young people). */
export const carerPartition = (partnershipId: string, ref: string) => partition(partnershipId, 'CR', ref);
/** A place's partition (the location item; in byLink, its sightings and plans). */
export const locationPartition = (partnershipId: string, ref: string) => partition(partnershipId, 'LOC', ref);
/** A peer group's byLink partition: its snapshots, plans and invitation lists across weeks. */
export const clusterPartition = (partnershipId: string, clusterId: string) =>
  partition(partnershipId, 'CLUSTER', clusterId);
/** A user's byLink partition: the audit events of what they did. */
export const userPartition = (partnershipId: string, userId: string) =>
  partition(partnershipId, 'USER', escapeDelimiter(userId));

/** The byKind partition that lists every record of one kind in a partnership. */
export const kindPartition = (partnershipId: string, kind: string) => partition(partnershipId, kind);

/** The partnership's own settings item. */
export const partnershipKey = (partnershipId: string): PrimaryKey => ({
  PK: partition(partnershipId, 'PARTNERSHIP'),
  SK: 'PARTNERSHIP',
});

/** A young person's profile item. */
export const youngPersonKey = (partnershipId: string, ref: string): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, ref),
  SK: 'YP',
});

/**
 * Which layer a relationship or sighting belongs to. Restricted police intelligence is its own
 * layer with its own sort-key and index prefixes (`RREL#`, `RSIGHT#`), so a Query of the shared
 * layer can never reach it: what another role reads, pages and counts is the same whether or
 * not police hold intelligence about the same pair or sighting.
 */
export type Layer = 'shared' | 'restricted';

const layered = (layer: Layer, prefix: string) => (layer === 'restricted' ? `R${prefix}` : prefix);

/** The sort-key prefix of relationships of a layer: `REL#` or `RREL#`. */
export const relationshipPrefix = (layer: Layer) => `${layered(layer, 'REL')}#`;
/** The sort-key prefix of sightings of a layer: `SIGHT#` or `RSIGHT#`. */
export const sightingPrefix = (layer: Layer) => `${layered(layer, 'SIGHT')}#`;

/**
 * A relationship lives under the first person of the ordered pair; the byLink index finds
 * it from the second person's side. Either order of the pair gives the same key.
 */
export const relationshipKey = (partnershipId: string, pair: RelationshipKey, layer: Layer = 'shared'): PrimaryKey => {
  const { personA, personB } = orderPair(pair.personA, pair.personB);
  return { PK: youngPersonPartition(partnershipId, personA), SK: `${relationshipPrefix(layer)}${personB}` };
};

/** byKind lists every pair of a partnership (per layer); byLink holds the pair under its second person. */
export const relationshipIndexKeys = (
  partnershipId: string,
  pair: RelationshipKey,
  layer: Layer = 'shared',
): IndexKeys => {
  const { personA, personB } = orderPair(pair.personA, pair.personB);
  return {
    GSI1PK: kindPartition(partnershipId, layered(layer, 'REL')),
    GSI1SK: `${personA}#${personB}`,
    GSI2PK: youngPersonPartition(partnershipId, personB),
    GSI2SK: `${relationshipPrefix(layer)}${personA}`,
  };
};

/** A place's item. */
export const locationKey = (partnershipId: string, ref: string): PrimaryKey => ({
  PK: locationPartition(partnershipId, ref),
  SK: 'LOC',
});

/** A sighting's natural key is its key: the same sighting uploaded twice is one item (per layer). */
export const sightingKey = (partnershipId: string, s: SightingKey, layer: Layer = 'shared'): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, s.personRef),
  SK: `${sightingPrefix(layer)}${s.seenOn}#${s.locationRef}#${s.sourceAgency}`,
});

/** byKind lists sightings by day (per layer); byLink finds them from the place. */
export const sightingIndexKeys = (partnershipId: string, s: SightingKey, layer: Layer = 'shared'): IndexKeys => ({
  GSI1PK: kindPartition(partnershipId, layered(layer, 'SIGHT')),
  GSI1SK: `${s.seenOn}#${s.personRef}#${s.locationRef}#${s.sourceAgency}`,
  GSI2PK: locationPartition(partnershipId, s.locationRef),
  GSI2SK: `${sightingPrefix(layer)}${s.seenOn}#${s.personRef}#${s.sourceAgency}`,
});

/** A concern's natural key is its key: the same concern uploaded twice is one item. */
export const concernKey = (partnershipId: string, c: ConcernKey): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, c.personRef),
  SK: `CONCERN#${c.occurredOn}#${c.category}#${c.sourceAgency}`,
});

/** byKind lists concerns by day. */
export const concernIndexKeys = (partnershipId: string, c: ConcernKey): IndexKeys => ({
  GSI1PK: kindPartition(partnershipId, 'CONCERN'),
  GSI1SK: `${c.occurredOn}#${c.personRef}#${c.category}#${c.sourceAgency}`,
});

/** A carer's item. */
export const carerKey = (partnershipId: string, ref: string): PrimaryKey => ({
  PK: carerPartition(partnershipId, ref),
  SK: 'CR',
});

/** A carer–young person link: in the young person's collection, and under the carer in byLink. */
export const carerLinkKey = (partnershipId: string, carerRef: string, youngPersonRef: string): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, youngPersonRef),
  SK: `CARER#${carerRef}`,
});

/** The link under the carer in byLink, so a carer's young people are one Query. */
export const carerLinkIndexKeys = (partnershipId: string, carerRef: string, youngPersonRef: string): IndexKeys => ({
  GSI2PK: carerPartition(partnershipId, carerRef),
  GSI2SK: `YP#${youngPersonRef}`,
});

/** An upload record's item. */
export const uploadKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'UPLOAD', id),
  SK: 'UPLOAD',
});

/** A large upload's slot. */
export const uploadSlotKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'SLOT', id),
  SK: 'SLOT',
});

/** An analysis run's summary item; its clusters share its partition. */
export const analysisKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'ANALYSIS', id),
  SK: 'ANALYSIS',
});

/** One cluster of one run, in the run's partition. */
export const clusterSnapshotKey = (partnershipId: string, analysisId: string, clusterId: string): PrimaryKey => ({
  PK: partition(partnershipId, 'ANALYSIS', analysisId),
  SK: `CLUSTER#${clusterId}`,
});

/** A plan's head item: its current version. */
export const actionPlanKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'PLAN', id),
  SK: 'PLAN',
});

/** Versions sort as numbers because they are zero-padded to ten digits. */
export const actionPlanVersionKey = (partnershipId: string, id: string, version: number): PrimaryKey => ({
  PK: partition(partnershipId, 'PLAN', id),
  SK: `V#${String(version).padStart(10, '0')}`,
});

/** An invitation list's item. */
export const invitationListKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'INVITE', id),
  SK: 'INVITE',
});

/** An audit event's item. */
export const auditEventKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'AUDIT', id),
  SK: 'AUDIT',
});

/**
 * The byLink sort-key prefix of an audit event (under its user and under each person it
 * names). Events about restricted police intelligence have their own prefix, so the audit
 * other roles read, page by page, is the same whether or not police hold any.
 */
export const auditIndexPrefix = (event: { restricted?: boolean | undefined }) =>
  event.restricted ? 'RAUDIT#' : 'AUDIT#';
/** Both audit prefixes, for erasure, which must find every event that names a person. */
export const AUDIT_INDEX_PREFIXES = ['AUDIT#', 'RAUDIT#'] as const;

/** One index entry per person an audit event names, so events can be found by person. */
export const auditSubjectKey = (
  partnershipId: string,
  eventId: string,
  subject: { kind: 'YP' | 'CR'; ref: string },
): PrimaryKey => ({
  PK: partition(partnershipId, 'AUDIT', eventId),
  SK: `SUBJECT#${subject.kind}#${subject.ref}`,
});

/** A decision to keep a young person, in their item collection (so it goes with them). */
export const reviewKey = (partnershipId: string, youngPersonRef: string, decidedAt: string): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, youngPersonRef),
  SK: `REVIEW#${decidedAt}`,
});

/** Says a partnership's table has been moved into the restricted layer, so the move is not read again. */
export const restrictedLayerMovedKey = (partnershipId: string): PrimaryKey => ({
  PK: partition(partnershipId, 'LAYERS'),
  SK: 'RESTRICTED-MOVED',
});

/** An erasure under way, found by the ref it erases so that a retry completes it. */
export const erasureJobKey = (partnershipId: string, ref: string): PrimaryKey => ({
  PK: partition(partnershipId, 'ERASURE', ref),
  SK: 'ERASURE',
});

/** What remains of a completed erasure, under its anonymous marker. */
export const erasureRecordKey = (partnershipId: string, marker: string): PrimaryKey => ({
  PK: partition(partnershipId, 'ERASED', marker),
  SK: 'ERASED',
});

/** A request's idempotency record, by a hash of who sent it, to which route, with which key. */
export const idempotencyKey = (partnershipId: string, hashedKey: string): PrimaryKey => ({
  PK: partition(partnershipId, 'IDEMPOTENCY', hashedKey),
  SK: 'IDEMPOTENCY',
});

/** The day a young person was first shown overdue for review, in their collection (erased with them). */
export const overdueKey = (partnershipId: string, youngPersonRef: string): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, youngPersonRef),
  SK: 'OVERDUE',
});

/** A lease held by running work: the partnership's map writer, or one analysis run or large-upload slot. */
export const leaseKey = (partnershipId: string, name: string): PrimaryKey => ({
  PK: partition(partnershipId, 'LEASE', name),
  SK: 'LEASE',
});
