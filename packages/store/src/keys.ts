import { type ConcernKey, orderPair, type RelationshipKey, type SightingKey } from '@peermap/domain';
import { type IndexName, TABLE_DEFINITION } from './table';

/**
 * Every key of the table lives here, and nowhere else: each kind of record's primary key and
 * index keys, and the named access patterns the store queries them by (after ElectroDB's idea).
 * Items already in tables are found by these exact bytes: `key-formats.test.ts` pins them.
 * Every partition key, of the table and of both indexes, starts with `P#<partnership>#`, so a
 * query can only ever reach one partnership's items, and IAM can pin a caller to that prefix.
 */

/** The part of a key every item of a partnership starts with. */
export const partnershipPrefix = (partnershipId: string) => `P#${partnershipId}#`;

const partition = (partnershipId: string, ...parts: string[]) => partnershipPrefix(partnershipId) + parts.join('#');

/** Free-form values (user ids) are escaped so they can never carry the `#` delimiter. */
const escapeDelimiter = (value: string) => encodeURIComponent(value);

/** The sort-key prefixes of the items that share a partition with others. */
const CONCERN_PREFIX = 'CONCERN#';
const REVIEW_PREFIX = 'REVIEW#';
const CARER_LINK_PREFIX = 'CARER#';
const YOUNG_PERSON_LINK_PREFIX = 'YP#';
const CLUSTER_PREFIX = 'CLUSTER#';
const PLAN_VERSION_PREFIX = 'V#';
const AUDIT_SUBJECT_PREFIX = 'SUBJECT#';

export interface PrimaryKey {
  PK: string;
  SK: string;
}

/** The primary key of an item read from the table. */
export const primaryKeyOf = (item: Record<string, unknown>): PrimaryKey => ({
  PK: String(item[TABLE_DEFINITION.partitionKey]),
  SK: String(item[TABLE_DEFINITION.sortKey]),
});

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

/**
 * The kinds of record a partnership's byKind index lists, each under its own partition
 * (`P#<partnership>#<kind>`). `RREL` and `RSIGHT` are the restricted layer's.
 */
export type Kind =
  | 'YP'
  | 'CR'
  | 'LOC'
  | 'REL'
  | 'RREL'
  | 'SIGHT'
  | 'RSIGHT'
  | 'CONCERN'
  | 'UPLOAD'
  | 'SLOT'
  | 'ANALYSIS'
  | 'PLAN'
  | 'INVITE'
  | 'FEEDBACK'
  | 'FEEDBACKLINK'
  | 'PGROUP'
  | 'AUDIT'
  | 'REVIEW'
  | 'ERASURE'
  | 'ERASED'
  | 'IDEMPOTENCY'
  | 'OVERDUE';

/** The byKind partition that lists every record of one kind in a partnership. */
export const kindPartition = (partnershipId: string, kind: Kind) => partition(partnershipId, kind);

/**
 * A named access pattern: which index (the table when absent), which partition, and which
 * sort-key prefix within it. The store's one query function takes nothing else.
 */
export interface QuerySpec {
  readonly partnershipId: string;
  readonly index?: IndexName;
  readonly partition: string;
  readonly sortKeyPrefix?: string;
  /** Only sort keys below this one (instead of a prefix). */
  readonly sortKeyBelow?: string;
  /** Only sort keys from this one on (instead of a prefix). */
  readonly sortKeyFrom?: string;
  readonly newestFirst?: boolean;
  /** Items past their expiry too (erasure must find what DynamoDB has not yet deleted). */
  readonly includeExpired?: boolean;
}

/** Listed in byKind under its kind, in the order of `sortKey`. */
const listedAs = (partnershipId: string, kind: Kind, sortKey: string): IndexKeys => ({
  GSI1PK: kindPartition(partnershipId, kind),
  GSI1SK: sortKey,
});

/** Every record of one kind in a partnership, from byKind. */
export const ofKind = (partnershipId: string, kind: Kind, newestFirst = false): QuerySpec => ({
  partnershipId,
  index: 'byKind',
  partition: kindPartition(partnershipId, kind),
  ...(newestFirst ? { newestFirst } : {}),
});

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

const layered = (layer: Layer, prefix: 'REL' | 'SIGHT') => (layer === 'restricted' ? (`R${prefix}` as const) : prefix);

/** The byKind kind of the relationships of a layer: `REL` or `RREL`. */
export const relationshipKind = (layer: Layer): Kind => layered(layer, 'REL');
/** The byKind kind of the sightings of a layer: `SIGHT` or `RSIGHT`. */
export const sightingKind = (layer: Layer): Kind => layered(layer, 'SIGHT');

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
    GSI1PK: kindPartition(partnershipId, relationshipKind(layer)),
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
  GSI1PK: kindPartition(partnershipId, sightingKind(layer)),
  GSI1SK: `${s.seenOn}#${s.personRef}#${s.locationRef}#${s.sourceAgency}`,
  GSI2PK: locationPartition(partnershipId, s.locationRef),
  GSI2SK: `${sightingPrefix(layer)}${s.seenOn}#${s.personRef}#${s.sourceAgency}`,
});

/** A concern's natural key is its key: the same concern uploaded twice is one item. */
export const concernKey = (partnershipId: string, c: ConcernKey): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, c.personRef),
  SK: `${CONCERN_PREFIX}${c.occurredOn}#${c.category}#${c.sourceAgency}`,
});

/** byKind lists concerns by day. */
export const concernIndexKeys = (partnershipId: string, c: ConcernKey): IndexKeys => ({
  ...listedAs(partnershipId, 'CONCERN', `${c.occurredOn}#${c.personRef}#${c.category}#${c.sourceAgency}`),
});

/** A carer's item. */
export const carerKey = (partnershipId: string, ref: string): PrimaryKey => ({
  PK: carerPartition(partnershipId, ref),
  SK: 'CR',
});

/** A carer–young person link: in the young person's collection, and under the carer in byLink. */
export const carerLinkKey = (partnershipId: string, carerRef: string, youngPersonRef: string): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, youngPersonRef),
  SK: `${CARER_LINK_PREFIX}${carerRef}`,
});

/** The link under the carer in byLink, so a carer's young people are one Query. */
export const carerLinkIndexKeys = (partnershipId: string, carerRef: string, youngPersonRef: string): IndexKeys => ({
  GSI2PK: carerPartition(partnershipId, carerRef),
  GSI2SK: `${YOUNG_PERSON_LINK_PREFIX}${youngPersonRef}`,
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
  SK: `${CLUSTER_PREFIX}${clusterId}`,
});

/** A plan's head item: its current version. */
export const actionPlanKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'PLAN', id),
  SK: 'PLAN',
});

/** Versions sort as numbers because they are zero-padded to ten digits. */
export const actionPlanVersionKey = (partnershipId: string, id: string, version: number): PrimaryKey => ({
  PK: partition(partnershipId, 'PLAN', id),
  SK: `${PLAN_VERSION_PREFIX}${String(version).padStart(10, '0')}`,
});

/** An invitation list's item. */
export const invitationListKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'INVITE', id),
  SK: 'INVITE',
});

/** A parent's feedback on a session. */
export const sessionFeedbackKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'FEEDBACK', id),
  SK: 'FEEDBACK',
});

/** A one-time feedback link, under the hash of its token. */
export const feedbackLinkKey = (partnershipId: string, tokenHash: string): PrimaryKey => ({
  PK: partition(partnershipId, 'FEEDBACKLINK', tokenHash),
  SK: 'FEEDBACKLINK',
});

/** A parent group's item. */
export const parentGroupKey = (partnershipId: string, id: string): PrimaryKey => ({
  PK: partition(partnershipId, 'PGROUP', id),
  SK: 'PGROUP',
});

/** A session's byLink partition: its parents' feedback. */
const sessionPartition = (partnershipId: string, sessionId: string) => partition(partnershipId, 'INVITE', sessionId);

/** A parent group's byLink partition: its sessions and its plans. */
const parentGroupPartition = (partnershipId: string, id: string) => partition(partnershipId, 'PGROUP', id);

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
  AUDIT_INDEX_PREFIXES[event.restricted ? 1 : 0];
/** Both audit prefixes (shared, restricted), for erasure, which must find every event that names a person. */
export const AUDIT_INDEX_PREFIXES = ['AUDIT#', 'RAUDIT#'] as const;

/** One index entry per person an audit event names, so events can be found by person. */
export const auditSubjectKey = (
  partnershipId: string,
  eventId: string,
  subject: { kind: 'YP' | 'CR'; ref: string },
): PrimaryKey => ({
  PK: partition(partnershipId, 'AUDIT', eventId),
  SK: `${AUDIT_SUBJECT_PREFIX}${subject.kind}#${subject.ref}`,
});

/** A decision to keep a young person, in their item collection (so it goes with them). */
export const reviewKey = (partnershipId: string, youngPersonRef: string, decidedAt: string): PrimaryKey => ({
  PK: youngPersonPartition(partnershipId, youngPersonRef),
  SK: `${REVIEW_PREFIX}${decidedAt}`,
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

/* The index keys of each kind of record, beside its primary key above. */

export const youngPersonIndexKeys = (partnershipId: string, ref: string) => listedAs(partnershipId, 'YP', ref);
export const locationIndexKeys = (partnershipId: string, ref: string) => listedAs(partnershipId, 'LOC', ref);
export const carerIndexKeys = (partnershipId: string, ref: string) => listedAs(partnershipId, 'CR', ref);
/** Uploads and slots are listed newest first, by when they were made. */
export const uploadIndexKeys = (r: { partnershipId: string; createdAt: string; id: string }) =>
  listedAs(r.partnershipId, 'UPLOAD', `${r.createdAt}#${r.id}`);
export const uploadSlotIndexKeys = (r: { partnershipId: string; createdAt: string; id: string }) =>
  listedAs(r.partnershipId, 'SLOT', `${r.createdAt}#${r.id}`);

/** Every run in byLink by when it was asked for; only a completed run in byKind (sparse), by week and completion. */
export const analysisIndexKeys = (r: {
  partnershipId: string;
  id: string;
  week: string;
  createdAt: string;
  status: string;
  completedAt?: string | undefined;
}): IndexKeys => ({
  GSI2PK: kindPartition(r.partnershipId, 'ANALYSIS'),
  GSI2SK: `${r.createdAt}#${r.id}`,
  ...(r.status === 'completed' && r.completedAt
    ? listedAs(r.partnershipId, 'ANALYSIS', `${r.week}#${r.completedAt}#${r.id}`)
    : {}),
});

const SNAPSHOT_PREFIX = 'SNAPSHOT#';
/** A cluster's snapshots across weeks, under the cluster in byLink. */
export const clusterSnapshotIndexKeys = (r: {
  partnershipId: string;
  clusterId: string;
  week: string;
  analysisId: string;
}): IndexKeys => ({
  GSI2PK: clusterPartition(r.partnershipId, r.clusterId),
  GSI2SK: `${SNAPSHOT_PREFIX}${r.week}#${r.analysisId}`,
});

const PLAN_PREFIX = 'PLAN#';
/** A plan is found by its cluster, its parent group or its place. */
export const actionPlanIndexKeys = (r: {
  partnershipId: string;
  id: string;
  clusterId?: string | undefined;
  locationRef?: string | undefined;
  parentGroupId?: string | undefined;
}): IndexKeys => ({
  ...listedAs(r.partnershipId, 'PLAN', r.id),
  GSI2PK: r.clusterId
    ? clusterPartition(r.partnershipId, r.clusterId)
    : r.parentGroupId
      ? parentGroupPartition(r.partnershipId, r.parentGroupId)
      : locationPartition(r.partnershipId, r.locationRef ?? ''),
  GSI2SK: `${PLAN_PREFIX}${r.id}`,
});

const INVITE_PREFIX = 'INVITE#';
/**
 * byKind lists a partnership's invitation lists by their session's day (then when made), so the
 * early help lead's sessions still to come and those held are each one Query from today's day;
 * byLink holds a group's lists under the group, newest made first.
 */
export const invitationListIndexKeys = (r: {
  partnershipId: string;
  id: string;
  createdAt: string;
  clusterId?: string | undefined;
  locationRef?: string | undefined;
  parentGroupId?: string | undefined;
  session: { date: string };
}): IndexKeys => {
  const under = r.clusterId
    ? clusterPartition(r.partnershipId, r.clusterId)
    : r.parentGroupId
      ? parentGroupPartition(r.partnershipId, r.parentGroupId)
      : r.locationRef
        ? locationPartition(r.partnershipId, r.locationRef)
        : undefined;
  return {
    ...listedAs(r.partnershipId, 'INVITE', `${r.session.date}#${r.createdAt}#${r.id}`),
    ...(under ? { GSI2PK: under, GSI2SK: `${INVITE_PREFIX}${r.createdAt}#${r.id}` } : {}),
  };
};

const FEEDBACK_PREFIX = 'FEEDBACK#';
/** Feedback is listed by when it was given, and held under its session in byLink. */
export const sessionFeedbackIndexKeys = (r: {
  partnershipId: string;
  id: string;
  sessionId: string;
  createdAt: string;
}): IndexKeys => ({
  ...listedAs(r.partnershipId, 'FEEDBACK', `${r.createdAt}#${r.id}`),
  GSI2PK: sessionPartition(r.partnershipId, r.sessionId),
  GSI2SK: `${FEEDBACK_PREFIX}${r.createdAt}#${r.id}`,
});

/** Parent groups are listed by when they began. */
export const parentGroupIndexKeys = (r: { partnershipId: string; id: string; createdAt: string }): IndexKeys =>
  listedAs(r.partnershipId, 'PGROUP', `${r.createdAt}#${r.id}`);

/** An audit event under its user in byLink (and in byKind by time). */
export const auditEventIndexKeys = (r: {
  partnershipId: string;
  id: string;
  at: string;
  actor: { userId: string };
  restricted?: boolean | undefined;
}): IndexKeys => ({
  ...listedAs(r.partnershipId, 'AUDIT', `${r.at}#${r.id}`),
  GSI2PK: userPartition(r.partnershipId, r.actor.userId),
  GSI2SK: `${auditIndexPrefix(r)}${r.at}#${r.id}`,
});

/** An audit event's entry under one person it names, in byLink. */
export const auditSubjectIndexKeys = (
  event: { partnershipId: string; id: string; at: string; restricted?: boolean | undefined },
  subject: { kind: 'YP' | 'CR'; ref: string },
): IndexKeys => ({
  GSI2PK: (subject.kind === 'YP' ? youngPersonPartition : carerPartition)(event.partnershipId, subject.ref),
  GSI2SK: `${auditIndexPrefix(event)}${event.at}#${event.id}`,
});

export const reviewIndexKeys = (r: { partnershipId: string; youngPersonRef: string; decidedAt: string }) =>
  listedAs(r.partnershipId, 'REVIEW', `${r.youngPersonRef}#${r.decidedAt}`);
export const erasureJobIndexKeys = (partnershipId: string, ref: string) => listedAs(partnershipId, 'ERASURE', ref);
export const erasureRecordIndexKeys = (r: { partnershipId: string; completedAt: string; marker: string }) =>
  listedAs(r.partnershipId, 'ERASED', `${r.completedAt}#${r.marker}`);
export const overdueIndexKeys = (partnershipId: string, youngPersonRef: string) =>
  listedAs(partnershipId, 'OVERDUE', youngPersonRef);
export const idempotencyIndexKeys = (partnershipId: string, hashedKey: string) =>
  listedAs(partnershipId, 'IDEMPOTENCY', hashedKey);

/* The named access patterns: every Query the store makes is one of these. */

/** A young person's whole collection (what erasure removes with them). */
export const personCollection = (partnershipId: string, ref: string): QuerySpec => ({
  partnershipId,
  partition: youngPersonPartition(partnershipId, ref),
});

/** A young person's pairs of a layer: those held under them (as first person), and those under the other. */
export const pairsOfPerson = (partnershipId: string, ref: string, layer: Layer) => {
  const asFirst: QuerySpec = {
    partnershipId,
    partition: youngPersonPartition(partnershipId, ref),
    sortKeyPrefix: relationshipPrefix(layer),
  };
  return { asFirst, asSecond: { ...asFirst, index: 'byLink' } satisfies QuerySpec };
};

export const sightingsOfPerson = (partnershipId: string, ref: string, layer: Layer): QuerySpec => ({
  partnershipId,
  partition: youngPersonPartition(partnershipId, ref),
  sortKeyPrefix: sightingPrefix(layer),
});

/** A place's sightings of a layer, latest first. */
export const sightingsAtLocation = (partnershipId: string, locationRef: string, layer: Layer): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: locationPartition(partnershipId, locationRef),
  sortKeyPrefix: sightingPrefix(layer),
  newestFirst: true,
});

export const concernsOfPerson = (partnershipId: string, ref: string): QuerySpec => ({
  partnershipId,
  partition: youngPersonPartition(partnershipId, ref),
  sortKeyPrefix: CONCERN_PREFIX,
});

export const reviewsOfPerson = (partnershipId: string, ref: string): QuerySpec => ({
  partnershipId,
  partition: youngPersonPartition(partnershipId, ref),
  sortKeyPrefix: REVIEW_PREFIX,
});

/** The links of a young person to their carers, in the young person's collection. */
export const carerLinksOfYoungPerson = (partnershipId: string, youngPersonRef: string): QuerySpec => ({
  partnershipId,
  partition: youngPersonPartition(partnershipId, youngPersonRef),
  sortKeyPrefix: CARER_LINK_PREFIX,
});

/** The links of a carer to their young people, under the carer in byLink. */
export const youngPeopleLinksOfCarer = (partnershipId: string, carerRef: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: carerPartition(partnershipId, carerRef),
  sortKeyPrefix: YOUNG_PERSON_LINK_PREFIX,
});

/** Every run, newest first (byLink). */
export const analysesNewestFirst = (partnershipId: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: kindPartition(partnershipId, 'ANALYSIS'),
  newestFirst: true,
});

/** Completed runs, newest first: of one week when a week is given. */
export const completedAnalyses = (partnershipId: string, week?: string): QuerySpec => ({
  ...ofKind(partnershipId, 'ANALYSIS', true),
  ...(week ? { sortKeyPrefix: `${week}#` } : {}),
});

/** Completed runs of weeks before this one, newest first: they sort below `<week>#`. */
export const completedAnalysesBefore = (partnershipId: string, week: string): QuerySpec => ({
  ...ofKind(partnershipId, 'ANALYSIS', true),
  sortKeyBelow: `${week}#`,
});

/** The clusters of one run, in the run's partition. */
export const clustersOfRun = (partnershipId: string, analysisId: string): QuerySpec => ({
  partnershipId,
  partition: analysisKey(partnershipId, analysisId).PK,
  sortKeyPrefix: CLUSTER_PREFIX,
});

/** One cluster's snapshots across runs, latest week first. */
export const clusterHistory = (partnershipId: string, clusterId: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: clusterPartition(partnershipId, clusterId),
  sortKeyPrefix: SNAPSHOT_PREFIX,
  newestFirst: true,
});

/** Every kept version of a plan, in the plan's partition. */
export const planVersions = (partnershipId: string, planId: string): QuerySpec => ({
  partnershipId,
  partition: actionPlanKey(partnershipId, planId).PK,
  sortKeyPrefix: PLAN_VERSION_PREFIX,
});

export const plansOfCluster = (partnershipId: string, clusterId: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: clusterPartition(partnershipId, clusterId),
  sortKeyPrefix: PLAN_PREFIX,
});

export const plansOfLocation = (partnershipId: string, locationRef: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: locationPartition(partnershipId, locationRef),
  sortKeyPrefix: PLAN_PREFIX,
});

export const invitationListsOfCluster = (partnershipId: string, clusterId: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: clusterPartition(partnershipId, clusterId),
  sortKeyPrefix: INVITE_PREFIX,
  newestFirst: true,
});

export const invitationListsOfLocation = (partnershipId: string, locationRef: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: locationPartition(partnershipId, locationRef),
  sortKeyPrefix: INVITE_PREFIX,
  newestFirst: true,
});

export const invitationListsOfParentGroup = (partnershipId: string, parentGroupId: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: parentGroupPartition(partnershipId, parentGroupId),
  sortKeyPrefix: INVITE_PREFIX,
  newestFirst: true,
});

export const plansOfParentGroup = (partnershipId: string, parentGroupId: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: parentGroupPartition(partnershipId, parentGroupId),
  sortKeyPrefix: PLAN_PREFIX,
});

export const feedbackOfSession = (partnershipId: string, sessionId: string): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition: sessionPartition(partnershipId, sessionId),
  sortKeyPrefix: FEEDBACK_PREFIX,
});

/** Sessions on or after a day (UK), the nearest first. */
export const sessionsFrom = (partnershipId: string, day: string): QuerySpec => ({
  ...ofKind(partnershipId, 'INVITE'),
  sortKeyFrom: day,
});

/** Sessions before a day (UK), the latest first: their sort keys start with an earlier day. */
export const sessionsBefore = (partnershipId: string, day: string): QuerySpec => ({
  ...ofKind(partnershipId, 'INVITE', true),
  sortKeyBelow: day,
});

/** The shared-layer audit events under a partition of byLink (a user, a young person, a carer), latest first. */
const auditUnder = (partnershipId: string, partition: string, prefix: string = AUDIT_INDEX_PREFIXES[0]): QuerySpec => ({
  partnershipId,
  index: 'byLink',
  partition,
  sortKeyPrefix: prefix,
  newestFirst: true,
});

export const auditOfUser = (partnershipId: string, userId: string) =>
  auditUnder(partnershipId, userPartition(partnershipId, userId));
export const auditOfYoungPerson = (partnershipId: string, ref: string) =>
  auditUnder(partnershipId, youngPersonPartition(partnershipId, ref));
export const auditOfCarer = (partnershipId: string, ref: string) =>
  auditUnder(partnershipId, carerPartition(partnershipId, ref));

/** Every audit entry naming a person, of both layers: erasure must find them all. */
export const everyAuditOf = (partnershipId: string, person: { kind: 'YP' | 'CR'; ref: string }): QuerySpec[] =>
  AUDIT_INDEX_PREFIXES.map((prefix) =>
    auditUnder(
      partnershipId,
      (person.kind === 'YP' ? youngPersonPartition : carerPartition)(partnershipId, person.ref),
      prefix,
    ),
  );

/** The entries of one audit event under each person it names, in the event's partition. */
export const subjectsOfAuditEvent = (partnershipId: string, eventId: string): QuerySpec => ({
  partnershipId,
  partition: auditEventKey(partnershipId, eventId).PK,
  sortKeyPrefix: AUDIT_SUBJECT_PREFIX,
});
