import {
  ActionPlan,
  AnalysisSnapshot,
  AuditEvent,
  Carer,
  ClusterSnapshot,
  Concern,
  type ConcernKey,
  ErasureJob,
  ErasureRecord,
  type ErasureTarget,
  eraseFrom,
  eraseFromAuditEvent,
  eraseFromCluster,
  eraseFromFeedback,
  eraseFromInvitationList,
  eraseFromKeptCarer,
  eraseFromParentGroup,
  eraseFromPlan,
  FeedbackLink,
  InvitationList,
  Location,
  ParentGroup,
  Partnership,
  Relationship,
  type RelationshipKey,
  Review,
  SessionFeedback,
  Sighting,
  type SightingKey,
  UploadRecord,
  UploadSlot,
  YoungPerson,
} from '@peermap/domain';
import * as z from 'zod';
import { type EntityModel, type Item, type KeptRecord, toItem } from './codec';
import { fitOneItem, fitSummary } from './item-size';
import * as keys from './keys';

/**
 * How erasure treats a kind of record that can name a young person or a carer. The erasure
 * derives what it removes, counts and rewrites from these declarations, so a kind of record
 * that names a person is erased once its model says how, and `erasure-coverage.test.ts` fails
 * while a model whose fields hold a person's ref says nothing.
 */
export interface ErasureRule<T extends KeptRecord> {
  /**
   * The person's own records of this kind (in their item collection, or pairs where they are
   * the second person) go with them, counted in the erasure's record under `countedAs`.
   * Restricted police intelligence goes uncounted: the record says what other roles could see.
   */
  readonly own?: { readonly countedAs?: string };
  /** The partnership's other records of this kind are kept, with the person erased from them. */
  readonly kept?: KeptErasure<T>;
  /** The erasure under way names the person until it completes, and then goes. */
  readonly isTheErasure?: true;
}

/** How a kept record is found and rewritten without the person. */
export interface KeptErasure<T extends KeptRecord> {
  /** The record without the person: one of the pure functions of the domain's erasure. */
  without(record: T, target: ErasureTarget): T;
  /**
   * Records people change through the API move to their next version, so a change sent with
   * the version read before the erasure is refused instead of writing the name back. Records
   * never changed otherwise keep their version.
   */
  readonly versioning: 'keep-version' | 'next-version';
  /**
   * Where the records are: listed by their model (absent), held in the partitions of another
   * kind's records (a run's clusters, a plan's versions), or found through the audit index of
   * each person erased.
   */
  readonly found?: HeldIn | 'through-audit-index';
  /** Each new version is also kept beside the others under this model (a plan's versions). */
  readonly versionsKeptAs?: EntityModel<T, unknown>;
}

/** Records held in the partition of each record of another, listed kind. */
export interface HeldIn {
  readonly heads: EntityModel<KeptRecord, unknown>;
  partition(partnershipId: string, head: Item): keys.QuerySpec;
}

/** A model of records that can name a person: it says how erasure treats them. */
export type ErasableModel<T extends KeptRecord, Key> = EntityModel<T, Key> & { readonly erasure: ErasureRule<T> };

/** Any model, as erasure and the tests go through them all. */
export type AnyModel = EntityModel<KeptRecord, unknown> & { readonly erasure?: ErasureRule<KeptRecord> };

/** A rule for the kept records listed by their model, erased wherever they name the person. */
const keptListed = <T extends KeptRecord>(versioning: KeptErasure<T>['versioning']): ErasureRule<T> => ({
  kept: { without: eraseFrom, versioning },
});

const retention = (record: { retainUntil?: string | undefined }) =>
  record.retainUntil ? new Date(record.retainUntil) : undefined;

/** Keys and schemas of each kind of record. See docs/data-model.md for the access patterns they serve. */
export const youngPersonModel: ErasableModel<YoungPerson, string> = {
  entity: 'YoungPerson',
  label: 'young person',
  schemaVersion: 1,
  schema: YoungPerson,
  keyOf: (r) => r.ref,
  describe: (ref) => ref,
  primaryKey: keys.youngPersonKey,
  indexKeys: (r) => keys.youngPersonIndexKeys(r.partnershipId, r.ref),
  list: (p) => keys.ofKind(p, 'YP'),
  expiresAt: retention,
  // The erased person's own profile goes as the erasure begins; the others' may name them.
  erasure: keptListed('next-version'),
};

/** Whether a record belongs to a layer: the stored flag and the key's layer must agree. */
const ofLayer = (layer: keys.Layer) => (record: { restricted: boolean }) =>
  record.restricted === (layer === 'restricted');
const layerMessage = (layer: keys.Layer) =>
  layer === 'restricted'
    ? 'only restricted police intelligence is kept in the restricted layer'
    : "restricted police intelligence is kept in its own layer, never beside a partner's record";

/** Relationships of one layer: the shared map, or restricted police intelligence. */
function relationshipModelOf(layer: keys.Layer): ErasableModel<Relationship, RelationshipKey> {
  return {
    entity: layer === 'restricted' ? 'RestrictedRelationship' : 'Relationship',
    label: layer === 'restricted' ? 'restricted relationship' : 'relationship',
    schemaVersion: 1,
    schema: Relationship.refine(ofLayer(layer), { message: layerMessage(layer), path: ['restricted'] }),
    keyOf: (r) => ({ personA: r.personA, personB: r.personB }),
    describe: (k) => `${k.personA}–${k.personB}`,
    primaryKey: (p, k) => keys.relationshipKey(p, k, layer),
    indexKeys: (r) => keys.relationshipIndexKeys(r.partnershipId, r, layer),
    list: (p) => keys.ofKind(p, keys.relationshipKind(layer)),
    expiresAt: retention,
    erasure: { own: layer === 'restricted' ? {} : { countedAs: 'relationships' } },
  };
}

export const relationshipModel = relationshipModelOf('shared');
export const restrictedRelationshipModel = relationshipModelOf('restricted');

export const locationModel: ErasableModel<Location, string> = {
  entity: 'Location',
  label: 'location',
  schemaVersion: 1,
  schema: Location,
  keyOf: (r) => r.ref,
  describe: (ref) => ref,
  primaryKey: keys.locationKey,
  indexKeys: (r) => keys.locationIndexKeys(r.partnershipId, r.ref),
  list: (p) => keys.ofKind(p, 'LOC'),
  expiresAt: retention,
  erasure: keptListed('next-version'),
};

/** Sightings of one layer: the shared map, or restricted police intelligence. */
function sightingModelOf(layer: keys.Layer): ErasableModel<Sighting, SightingKey> {
  return {
    entity: layer === 'restricted' ? 'RestrictedSighting' : 'Sighting',
    label: layer === 'restricted' ? 'restricted sighting' : 'sighting',
    schemaVersion: 1,
    schema: Sighting.refine(ofLayer(layer), { message: layerMessage(layer), path: ['restricted'] }),
    keyOf: (r) => ({
      personRef: r.personRef,
      locationRef: r.locationRef,
      seenOn: r.seenOn,
      sourceAgency: r.sourceAgency,
    }),
    describe: (k) => `${k.personRef} at ${k.locationRef} on ${k.seenOn} (${k.sourceAgency})`,
    primaryKey: (p, k) => keys.sightingKey(p, k, layer),
    indexKeys: (r) => keys.sightingIndexKeys(r.partnershipId, r, layer),
    list: (p) => keys.ofKind(p, keys.sightingKind(layer)),
    expiresAt: retention,
    erasure: { own: layer === 'restricted' ? {} : { countedAs: 'sightings' } },
  };
}

export const sightingModel = sightingModelOf('shared');
export const restrictedSightingModel = sightingModelOf('restricted');

export const concernModel: ErasableModel<Concern, ConcernKey> = {
  entity: 'Concern',
  label: 'concern',
  schemaVersion: 1,
  schema: Concern,
  keyOf: (r) => ({
    personRef: r.personRef,
    category: r.category,
    occurredOn: r.occurredOn,
    sourceAgency: r.sourceAgency,
  }),
  describe: (k) => `${k.category} for ${k.personRef} on ${k.occurredOn} (${k.sourceAgency})`,
  primaryKey: keys.concernKey,
  indexKeys: (r) => keys.concernIndexKeys(r.partnershipId, r),
  list: (p) => keys.ofKind(p, 'CONCERN'),
  expiresAt: retention,
  erasure: { own: { countedAs: 'concerns' }, ...keptListed('next-version') },
};

/** The link item between a carer and one of their young people. */
export const CarerLink = z.strictObject({
  partnershipId: z.string(),
  carerRef: z.string(),
  youngPersonRef: z.string(),
  /** The carer's own retention: a link never outlives its carer. */
  retainUntil: z.iso.datetime().optional(),
});
export type CarerLink = z.infer<typeof CarerLink>;

/** Links are written and removed with their carer, never changed: they hold no version of their own. */
export const carerLinkModel: ErasableModel<CarerLink, { carerRef: string; youngPersonRef: string }> = {
  entity: 'CarerLink',
  label: 'carer link',
  schemaVersion: 1,
  schema: CarerLink,
  keyOf: (r) => ({ carerRef: r.carerRef, youngPersonRef: r.youngPersonRef }),
  describe: (k) => `${k.carerRef}–${k.youngPersonRef}`,
  primaryKey: (p, k) => keys.carerLinkKey(p, k.carerRef, k.youngPersonRef),
  indexKeys: (r) => keys.carerLinkIndexKeys(r.partnershipId, r.carerRef, r.youngPersonRef),
  expiresAt: retention,
  // Removed with the change to their carer, in the same transaction.
  erasure: { own: { countedAs: 'carerLinks' } },
};

/**
 * Carers are many-to-many with young people: the carer item holds its young people's refs,
 * and one link item per young person lets each side be found from the other.
 */
export const carerModel: ErasableModel<Carer, string> = {
  entity: 'Carer',
  label: 'carer',
  schemaVersion: 1,
  schema: Carer,
  keyOf: (r) => r.ref,
  describe: (ref) => ref,
  primaryKey: keys.carerKey,
  indexKeys: (r) => keys.carerIndexKeys(r.partnershipId, r.ref),
  list: (p) => keys.ofKind(p, 'CR'),
  expiresAt: retention,
  companions: (carer, previous) => ({
    puts: carer.youngPersonRefs.map((youngPersonRef) =>
      toItem(carerLinkModel, {
        partnershipId: carer.partnershipId,
        carerRef: carer.ref,
        youngPersonRef,
        ...(carer.retainUntil ? { retainUntil: carer.retainUntil } : {}),
      }),
    ),
    deletes: (previous?.youngPersonRefs ?? [])
      .filter((ref) => !carer.youngPersonRefs.includes(ref))
      .map((youngPersonRef) => keys.carerLinkKey(carer.partnershipId, carer.ref, youngPersonRef)),
  }),
  // The person's own carers, found by their links, are removed or changed with their own records.
  erasure: { kept: { without: eraseFromKeptCarer, versioning: 'next-version' } },
};

export const partnershipModel: EntityModel<Partnership & { partnershipId: string }, string> = {
  entity: 'Partnership',
  label: 'partnership',
  schemaVersion: 1,
  schema: Partnership.extend({ partnershipId: z.string() }).refine((p) => p.id === p.partnershipId, 'id mismatch'),
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: (p) => keys.partnershipKey(p),
  indexKeys: () => ({}),
};

export const uploadModel: ErasableModel<UploadRecord, string> = {
  entity: 'Upload',
  label: 'upload',
  schemaVersion: 1,
  schema: UploadRecord,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.uploadKey,
  indexKeys: keys.uploadIndexKeys,
  list: (p) => keys.ofKind(p, 'UPLOAD', true),
  erasure: keptListed('keep-version'),
};

export const uploadSlotModel: EntityModel<UploadSlot, string> = {
  entity: 'UploadSlot',
  label: 'upload slot',
  schemaVersion: 1,
  schema: UploadSlot,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.uploadSlotKey,
  indexKeys: keys.uploadSlotIndexKeys,
  list: (p) => keys.ofKind(p, 'SLOT', true),
};

/**
 * Every run is listed newest first in byLink; only completed runs are in byKind (a sparse
 * index), ordered by week and completion, so "the latest completed snapshot" is one Query.
 */
export const analysisModel: ErasableModel<AnalysisSnapshot, string> = {
  entity: 'Analysis',
  label: 'analysis',
  schemaVersion: 1,
  schema: AnalysisSnapshot,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.analysisKey,
  indexKeys: keys.analysisIndexKeys,
  list: keys.analysesNewestFirst,
  fit: (run) => (run.summary ? { ...run, summary: fitSummary(run.summary) } : run),
  erasure: keptListed('keep-version'),
};

/** A run's clusters are written once and never changed. */
export const clusterSnapshotModel: ErasableModel<ClusterSnapshot, string> = {
  entity: 'ClusterSnapshot',
  label: 'cluster',
  schemaVersion: 1,
  schema: ClusterSnapshot,
  fixed: { version: 1 },
  fit: fitOneItem,
  keyOf: (r) => `${r.analysisId}/${r.clusterId}`,
  describe: (k) => k,
  primaryKey: (p, k) => {
    const [analysisId = '', clusterId = ''] = k.split('/');
    return keys.clusterSnapshotKey(p, analysisId, clusterId);
  },
  indexKeys: keys.clusterSnapshotIndexKeys,
  erasure: {
    kept: {
      without: eraseFromCluster,
      versioning: 'keep-version',
      found: { heads: analysisModel, partition: (p, run) => keys.clustersOfRun(p, String(run['id'])) },
    },
  },
};

/** A kept version of a plan: the same record under its version's key, never rewritten. */
export const actionPlanVersionModel: ErasableModel<ActionPlan, { id: string; version: number }> = {
  entity: 'ActionPlanVersion',
  label: 'action plan version',
  schemaVersion: 1,
  schema: ActionPlan,
  keyOf: (r) => {
    if (r.version === undefined) throw new Error('A kept version of a plan is keyed by its version.');
    return { id: r.id, version: r.version };
  },
  describe: (k) => `${k.id} v${k.version}`,
  primaryKey: (p, k) => keys.actionPlanVersionKey(p, k.id, k.version),
  indexKeys: () => ({}),
  erasure: {
    kept: {
      // A version that was for the person quotes their strengths: those go too.
      without: eraseFromPlan,
      versioning: 'keep-version',
      found: {
        // Read when erasure runs: the plan's own model is declared below, naming this one.
        get heads() {
          return actionPlanModel;
        },
        partition: (p, plan) => keys.planVersions(p, String(plan['id'])),
      },
    },
  },
};

/** The head item of a plan: its current version, found by cluster or place through byLink. */
export const actionPlanModel: ErasableModel<ActionPlan, string> = {
  entity: 'ActionPlan',
  label: 'action plan',
  schemaVersion: 1,
  schema: ActionPlan,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.actionPlanKey,
  indexKeys: keys.actionPlanIndexKeys,
  list: (p) => keys.ofKind(p, 'PLAN'),
  // A plan that named the person moves to a new version, kept beside its others like any change.
  erasure: { kept: { without: eraseFromPlan, versioning: 'next-version', versionsKeptAs: actionPlanVersionModel } },
};

/**
 * Lists made before facilitators were recorded with where they come from held their names only:
 * read as facilitators named without it. Items are not rewritten for this; each is saved in the
 * new shape when it next changes.
 */
const namedFacilitators = (fields: unknown) => {
  if (typeof fields !== 'object' || fields === null) return fields;
  const session: unknown = Reflect.get(fields, 'session');
  const facilitators: unknown =
    typeof session === 'object' && session ? Reflect.get(session, 'facilitators') : undefined;
  if (!Array.isArray(facilitators) || !facilitators.some((f) => typeof f === 'string')) return fields;
  const named = facilitators.map((f: unknown) => (typeof f === 'string' ? { name: f } : f));
  return { ...fields, session: { ...(session as object), facilitators: named } };
};

export const invitationListModel: ErasableModel<InvitationList, string> = {
  entity: 'InvitationList',
  label: 'invitation list',
  schemaVersion: 1,
  schema: z.preprocess(namedFacilitators, InvitationList),
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.invitationListKey,
  indexKeys: keys.invitationListIndexKeys,
  list: (p) => keys.ofKind(p, 'INVITE', true),
  erasure: { kept: { without: eraseFromInvitationList, versioning: 'next-version' } },
};

export const sessionFeedbackModel: ErasableModel<SessionFeedback, string> = {
  entity: 'SessionFeedback',
  label: 'session feedback',
  schemaVersion: 1,
  schema: SessionFeedback,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.sessionFeedbackKey,
  indexKeys: keys.sessionFeedbackIndexKeys,
  list: (p) => keys.ofKind(p, 'FEEDBACK'),
  erasure: { kept: { without: eraseFromFeedback, versioning: 'next-version' } },
};

/** A link holds no person: it goes when it expires, whether used or not. */
export const feedbackLinkModel: EntityModel<FeedbackLink, string> = {
  entity: 'FeedbackLink',
  label: 'feedback link',
  schemaVersion: 1,
  schema: FeedbackLink,
  keyOf: (r) => r.tokenHash,
  describe: () => 'feedback link',
  primaryKey: keys.feedbackLinkKey,
  indexKeys: () => ({}),
  expiresAt: (r) => new Date(r.validUntil),
};

export const parentGroupModel: ErasableModel<ParentGroup, string> = {
  entity: 'ParentGroup',
  label: 'parent group',
  schemaVersion: 1,
  schema: ParentGroup,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.parentGroupKey,
  indexKeys: keys.parentGroupIndexKeys,
  list: (p) => keys.ofKind(p, 'PGROUP'),
  erasure: { kept: { without: eraseFromParentGroup, versioning: 'next-version' } },
};

/** Audit events are only ever added. */
export const auditEventModel: ErasableModel<AuditEvent, string> = {
  entity: 'AuditEvent',
  label: 'audit event',
  schemaVersion: 1,
  schema: AuditEvent,
  fixed: { version: 1 },
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.auditEventKey,
  indexKeys: keys.auditEventIndexKeys,
  list: (p) => keys.ofKind(p, 'AUDIT', true),
  erasure: { kept: { without: eraseFromAuditEvent, versioning: 'keep-version', found: 'through-audit-index' } },
};

export const reviewModel: ErasableModel<Review, { youngPersonRef: string; decidedAt: string }> = {
  entity: 'Review',
  label: 'review',
  schemaVersion: 1,
  schema: Review,
  keyOf: (r) => ({ youngPersonRef: r.youngPersonRef, decidedAt: r.decidedAt }),
  describe: (k) => `${k.youngPersonRef} at ${k.decidedAt}`,
  primaryKey: (p, k) => keys.reviewKey(p, k.youngPersonRef, k.decidedAt),
  indexKeys: keys.reviewIndexKeys,
  list: (p) => keys.ofKind(p, 'REVIEW'),
  erasure: { own: { countedAs: 'reviews' }, ...keptListed('keep-version') },
};

/** Erasures under way are listed so the retention sweep can complete any a crash left. */
export const erasureJobModel: ErasableModel<ErasureJob, string> = {
  entity: 'ErasureJob',
  label: 'erasure',
  schemaVersion: 1,
  schema: ErasureJob,
  keyOf: (r) => r.ref,
  describe: () => 'under way',
  primaryKey: keys.erasureJobKey,
  indexKeys: (r) => keys.erasureJobIndexKeys(r.partnershipId, r.ref),
  list: (p) => keys.ofKind(p, 'ERASURE'),
  erasure: { isTheErasure: true },
};

export const erasureRecordModel: ErasableModel<ErasureRecord, string> = {
  entity: 'ErasureRecord',
  label: 'erasure record',
  schemaVersion: 1,
  schema: ErasureRecord,
  keyOf: (r) => r.marker,
  describe: (marker) => marker,
  primaryKey: keys.erasureRecordKey,
  indexKeys: keys.erasureRecordIndexKeys,
  list: (p) => keys.ofKind(p, 'ERASED', true),
  // Another erasure's reason may name the person.
  erasure: keptListed('keep-version'),
};

/** The models of the map an upload writes and the analysis reads, by the name of their records. */
export const mapModels = {
  youngPeople: youngPersonModel,
  relationships: relationshipModel,
  restrictedRelationships: restrictedRelationshipModel,
  locations: locationModel,
  carers: carerModel,
  sightings: sightingModel,
  restrictedSightings: restrictedSightingModel,
  concerns: concernModel,
} as const;

/**
 * Every model of the table, in the order erasure counts and rewrites their records (the order
 * its erasure record lists them and its writes are packed into transactions).
 */
export const everyModel: readonly AnyModel[] = [
  analysisModel,
  clusterSnapshotModel,
  actionPlanModel,
  actionPlanVersionModel,
  invitationListModel,
  sessionFeedbackModel,
  feedbackLinkModel,
  parentGroupModel,
  uploadModel,
  youngPersonModel,
  locationModel,
  relationshipModel,
  restrictedRelationshipModel,
  sightingModel,
  restrictedSightingModel,
  concernModel,
  carerModel,
  reviewModel,
  carerLinkModel,
  erasureRecordModel,
  auditEventModel,
  erasureJobModel,
  partnershipModel,
  uploadSlotModel,
];
