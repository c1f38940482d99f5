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
  InvitationList,
  Location,
  Partnership,
  Relationship,
  type RelationshipKey,
  Review,
  Sighting,
  type SightingKey,
  UploadRecord,
  UploadSlot,
  YoungPerson,
} from '@peermap/domain';
import * as z from 'zod';
import { type EntityModel, toItem } from './codec';
import { fitOneItem, fitSummary } from './item-size';
import * as keys from './keys';

const retention = (record: { retainUntil?: string | undefined }) =>
  record.retainUntil ? new Date(record.retainUntil) : undefined;

/** Keys and schemas of each kind of record. See docs/data-model.md for the access patterns they serve. */
export const youngPersonModel: EntityModel<YoungPerson, string> = {
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
};

/** Whether a record belongs to a layer: the stored flag and the key's layer must agree. */
const ofLayer = (layer: keys.Layer) => (record: { restricted: boolean }) =>
  record.restricted === (layer === 'restricted');
const layerMessage = (layer: keys.Layer) =>
  layer === 'restricted'
    ? 'only restricted police intelligence is kept in the restricted layer'
    : "restricted police intelligence is kept in its own layer, never beside a partner's record";

/** Relationships of one layer: the shared map, or restricted police intelligence. */
function relationshipModelOf(layer: keys.Layer): EntityModel<Relationship, RelationshipKey> {
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
  };
}

export const relationshipModel = relationshipModelOf('shared');
export const restrictedRelationshipModel = relationshipModelOf('restricted');

export const locationModel: EntityModel<Location, string> = {
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
};

/** Sightings of one layer: the shared map, or restricted police intelligence. */
function sightingModelOf(layer: keys.Layer): EntityModel<Sighting, SightingKey> {
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
  };
}

export const sightingModel = sightingModelOf('shared');
export const restrictedSightingModel = sightingModelOf('restricted');

export const concernModel: EntityModel<Concern, ConcernKey> = {
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
export const carerLinkModel: EntityModel<CarerLink, { carerRef: string; youngPersonRef: string }> = {
  entity: 'CarerLink',
  label: 'carer link',
  schemaVersion: 1,
  schema: CarerLink,
  keyOf: (r) => ({ carerRef: r.carerRef, youngPersonRef: r.youngPersonRef }),
  describe: (k) => `${k.carerRef}–${k.youngPersonRef}`,
  primaryKey: (p, k) => keys.carerLinkKey(p, k.carerRef, k.youngPersonRef),
  indexKeys: (r) => keys.carerLinkIndexKeys(r.partnershipId, r.carerRef, r.youngPersonRef),
  expiresAt: retention,
};

/**
 * Carers are many-to-many with young people: the carer item holds its young people's refs,
 * and one link item per young person lets each side be found from the other.
 */
export const carerModel: EntityModel<Carer, string> = {
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

export const uploadModel: EntityModel<UploadRecord, string> = {
  entity: 'Upload',
  label: 'upload',
  schemaVersion: 1,
  schema: UploadRecord,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.uploadKey,
  indexKeys: keys.uploadIndexKeys,
  list: (p) => keys.ofKind(p, 'UPLOAD', true),
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
export const analysisModel: EntityModel<AnalysisSnapshot, string> = {
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
};

/** A run's clusters are written once and never changed. */
export const clusterSnapshotModel: EntityModel<ClusterSnapshot, string> = {
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
};

/** The head item of a plan: its current version, found by cluster or place through byLink. */
export const actionPlanModel: EntityModel<ActionPlan, string> = {
  entity: 'ActionPlan',
  label: 'action plan',
  schemaVersion: 1,
  schema: ActionPlan,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.actionPlanKey,
  indexKeys: keys.actionPlanIndexKeys,
  list: (p) => keys.ofKind(p, 'PLAN'),
};

/** A kept version of a plan: the same record under its version's key, never rewritten. */
export const actionPlanVersionModel: EntityModel<ActionPlan, { id: string; version: number }> = {
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
};

export const invitationListModel: EntityModel<InvitationList, string> = {
  entity: 'InvitationList',
  label: 'invitation list',
  schemaVersion: 1,
  schema: InvitationList,
  keyOf: (r) => r.id,
  describe: (id) => id,
  primaryKey: keys.invitationListKey,
  indexKeys: keys.invitationListIndexKeys,
  list: (p) => keys.ofKind(p, 'INVITE', true),
};

/** Audit events are only ever added. */
export const auditEventModel: EntityModel<AuditEvent, string> = {
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
};

export const reviewModel: EntityModel<Review, { youngPersonRef: string; decidedAt: string }> = {
  entity: 'Review',
  label: 'review',
  schemaVersion: 1,
  schema: Review,
  keyOf: (r) => ({ youngPersonRef: r.youngPersonRef, decidedAt: r.decidedAt }),
  describe: (k) => `${k.youngPersonRef} at ${k.decidedAt}`,
  primaryKey: (p, k) => keys.reviewKey(p, k.youngPersonRef, k.decidedAt),
  indexKeys: keys.reviewIndexKeys,
  list: (p) => keys.ofKind(p, 'REVIEW'),
};

/** Erasures under way are listed so the retention sweep can complete any a crash left. */
export const erasureJobModel: EntityModel<ErasureJob, string> = {
  entity: 'ErasureJob',
  label: 'erasure',
  schemaVersion: 1,
  schema: ErasureJob,
  keyOf: (r) => r.ref,
  describe: () => 'under way',
  primaryKey: keys.erasureJobKey,
  indexKeys: (r) => keys.erasureJobIndexKeys(r.partnershipId, r.ref),
  list: (p) => keys.ofKind(p, 'ERASURE'),
};

export const erasureRecordModel: EntityModel<ErasureRecord, string> = {
  entity: 'ErasureRecord',
  label: 'erasure record',
  schemaVersion: 1,
  schema: ErasureRecord,
  keyOf: (r) => r.marker,
  describe: (marker) => marker,
  primaryKey: keys.erasureRecordKey,
  indexKeys: keys.erasureRecordIndexKeys,
  list: (p) => keys.ofKind(p, 'ERASED', true),
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
