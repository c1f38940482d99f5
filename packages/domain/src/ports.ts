import type { AnalysisSnapshot, ClusterSnapshot } from './analysis';
import type { AuditEvent } from './audit';
import type { ErasureJob, ErasureRecord } from './erasure';
import type { Carer, Concern, Location, Relationship, Sighting, YoungPerson } from './map';
import type { FeedbackLink, ParentGroup, SessionFeedback } from './parent-session';
import type { Partnership } from './partnership';
import type { ActionPlan, InvitationList } from './planning';
import type { IsoWeek, PartnershipId, Ref } from './primitives';
import type { Review } from './review';
import type { UploadRecord, UploadSlot } from './upload';
import type { LeaseStore } from './work';

/** A page of results; `cursor` is opaque and absent on the last page. */
export interface Page<T> {
  readonly items: T[];
  readonly cursor?: string;
}

export interface PageRequest {
  /** At most this many items (the store caps it). */
  readonly limit?: number;
  /** The `cursor` of the previous page. */
  readonly cursor?: string;
}

/** A record as a use case hands it to the store: the store owns the version. */
export type Draft<T extends { version: number }> = Omit<T, 'version'>;

/**
 * A change of a record as read: `current` with `patch` applied is saved whole at its next
 * version, only while the stored record is still at the version read (or at `expectedVersion`,
 * the version the caller says it read: an If-Match), and returned as saved.
 */
export interface Changes<T extends { version: number }> {
  change(current: T, patch: Partial<Draft<T>>, expectedVersion?: number): Promise<T>;
}

/**
 * Storage of one kind of versioned record. `save` without `expectedVersion` creates and
 * fails if the record exists; with it, it replaces the record only if it is still at that
 * version (optimistic locking) and returns the record at its new version.
 */
export interface VersionedRepository<T extends { version: number }, Key> extends Changes<T> {
  get(partnershipId: PartnershipId, key: Key): Promise<T | undefined>;
  save(record: Draft<T>, expectedVersion?: number): Promise<T>;
  remove(partnershipId: PartnershipId, key: Key, expectedVersion: number): Promise<void>;
  list(partnershipId: PartnershipId, page?: PageRequest): Promise<Page<T>>;
}

/** The values each guarded field must still hold for a change of state to apply: the statuses it moves from. */
export type TransitionGuard<T> = { readonly [K in keyof T]?: readonly T[K][] };

/**
 * Changes of state made in place: only what changed is written, the record moves to its next
 * version, and the change applies only while the record is still at the version read (`current`)
 * and holds what the guard allows; otherwise `VersionConflictError` (`NotFoundError` once gone).
 */
export interface Transitions<T extends { version: number }> {
  transition(current: T, patch: Partial<Draft<T>>, guard?: TransitionGuard<T>): Promise<T>;
}

/** Parents' feedback on sessions. */
export interface SessionFeedbackRepository extends VersionedRepository<SessionFeedback, string> {
  /** A session's feedback, oldest first. */
  ofSession(partnershipId: PartnershipId, sessionId: string): Promise<SessionFeedback[]>;
}

/** One-time feedback links, kept by the hash of their token only. */
export interface FeedbackLinksRepository extends VersionedRepository<FeedbackLink, string> {}

/** Parent groups that go on meeting after a session. */
export interface ParentGroupsRepository extends VersionedRepository<ParentGroup, string> {}

export type RelationshipKey = Pick<Relationship, 'personA' | 'personB'>;
export type SightingKey = Pick<Sighting, 'personRef' | 'locationRef' | 'seenOn' | 'sourceAgency'>;
export type ConcernKey = Pick<Concern, 'personRef' | 'category' | 'occurredOn' | 'sourceAgency'>;

export interface YoungPeopleRepository extends VersionedRepository<YoungPerson, Ref> {}

export interface RelationshipsRepository extends VersionedRepository<Relationship, RelationshipKey> {
  /** Every relationship a young person is part of, from either side of the pair. */
  ofPerson(partnershipId: PartnershipId, ref: Ref): Promise<Relationship[]>;
}

export interface LocationsRepository extends VersionedRepository<Location, Ref> {}

export interface SightingsRepository extends VersionedRepository<Sighting, SightingKey> {
  ofPerson(partnershipId: PartnershipId, ref: Ref): Promise<Sighting[]>;
  atLocation(partnershipId: PartnershipId, locationRef: Ref, page?: PageRequest): Promise<Page<Sighting>>;
}

export interface ConcernsRepository extends VersionedRepository<Concern, ConcernKey> {
  ofPerson(partnershipId: PartnershipId, ref: Ref): Promise<Concern[]>;
}

export interface CarersRepository extends VersionedRepository<Carer, Ref> {
  /** The carers linked to a young person. */
  ofYoungPerson(partnershipId: PartnershipId, youngPersonRef: Ref): Promise<Carer[]>;
  /** The refs of the young people a carer is linked to, from the link index. */
  youngPeopleOf(partnershipId: PartnershipId, carerRef: Ref): Promise<Ref[]>;
}

export interface PartnershipsRepository extends Changes<Partnership> {
  get(partnershipId: PartnershipId): Promise<Partnership | undefined>;
  save(record: Draft<Partnership>, expectedVersion?: number): Promise<Partnership>;
}

export interface UploadsRepository extends VersionedRepository<UploadRecord, string>, Transitions<UploadRecord> {}

export interface UploadSlotsRepository extends Transitions<UploadSlot> {
  get(partnershipId: PartnershipId, id: string): Promise<UploadSlot | undefined>;
  save(record: Draft<UploadSlot>, expectedVersion?: number): Promise<UploadSlot>;
  /** The partnership's slots, newest first (the sweep settles those whose processing stopped). */
  list(partnershipId: PartnershipId, page?: PageRequest): Promise<Page<UploadSlot>>;
}

/** Where a large upload's file goes: a URL the client sends it to, and the file once there. */
export interface LargeUploadFiles {
  target(
    slot: Pick<UploadSlot, 'partnershipId' | 'id'>,
  ): Promise<{ method: 'PUT'; url: string; headers: Record<string, string> }>;
  /**
   * The file a slot's client sent, `undefined` while none is there, or `'too-large'` for one
   * larger than `maxBytes`, which is never read into memory (storage takes gigabytes).
   */
  read(slot: Pick<UploadSlot, 'partnershipId' | 'id'>, maxBytes: number): Promise<Uint8Array | 'too-large' | undefined>;
}

export interface AnalysesRepository
  extends VersionedRepository<AnalysisSnapshot, string>,
    Transitions<AnalysisSnapshot> {
  /** The newest completed snapshot, of one week when a week is given. */
  latestCompleted(partnershipId: PartnershipId, week?: IsoWeek): Promise<AnalysisSnapshot | undefined>;
  /** The newest completed snapshot of any week before this one: what a run follows clusters from. */
  latestCompletedBefore(partnershipId: PartnershipId, week: IsoWeek): Promise<AnalysisSnapshot | undefined>;
  /** Every stored snapshot of one cluster, latest week first (a cluster keeps its id across weeks). */
  clusterHistory(partnershipId: PartnershipId, clusterId: string): Promise<ClusterSnapshot[]>;
  /** Stores a run's clusters; a snapshot's clusters are written once and never changed. */
  saveClusters(clusters: readonly ClusterSnapshot[]): Promise<void>;
  /** Removes what a run that stopped part-way stored of its clusters, before it runs again (never a completed run's). */
  discardClusters(partnershipId: PartnershipId, analysisId: string): Promise<void>;
  clusters(partnershipId: PartnershipId, analysisId: string): Promise<ClusterSnapshot[]>;
}

export interface ActionPlansRepository extends Changes<ActionPlan> {
  get(partnershipId: PartnershipId, planId: string): Promise<ActionPlan | undefined>;
  /** Saves a new version; every earlier version stays readable. */
  save(record: Draft<ActionPlan>, expectedVersion?: number): Promise<ActionPlan>;
  versions(partnershipId: PartnershipId, planId: string): Promise<ActionPlan[]>;
  ofCluster(partnershipId: PartnershipId, clusterId: string): Promise<ActionPlan[]>;
  /** The plans of a place (its safety assessment and actions). */
  ofLocation(partnershipId: PartnershipId, locationRef: Ref): Promise<ActionPlan[]>;
  /** A parent group's plans: its joint safeguarding strategy, made with early help. */
  ofParentGroup(partnershipId: PartnershipId, parentGroupId: string): Promise<ActionPlan[]>;
}

export interface InvitationListsRepository extends VersionedRepository<InvitationList, string> {
  ofCluster(partnershipId: PartnershipId, clusterId: string): Promise<InvitationList[]>;
  /** A place's sessions (for the families of those seen there), newest made first. */
  ofLocation(partnershipId: PartnershipId, locationRef: Ref): Promise<InvitationList[]>;
  /** A parent group's sessions, newest made first. */
  ofParentGroup(partnershipId: PartnershipId, parentGroupId: string): Promise<InvitationList[]>;
  /**
   * The partnership's lists by their session's day: from `today` on, the nearest first
   * (`upcoming`), or before it, the latest first (`past`).
   */
  sessions(
    partnershipId: PartnershipId,
    when: 'upcoming' | 'past',
    today: string,
    page?: PageRequest,
  ): Promise<Page<InvitationList>>;
  /**
   * Lists kept from before lists were ordered by their session's day (or written since by an
   * older copy of the code) are listed by it: one Query, a write only for those listed the
   * older way. A list whose day cannot be read is left and named, never stopping the others.
   */
  listSessionsByDay(partnershipId: PartnershipId): Promise<SessionsRelisted>;
}

/** What listing the sessions by their day did: how many lists moved, and the ids of those it could not read. */
export interface SessionsRelisted {
  relisted: number;
  unreadable: string[];
}

export interface AuditLog {
  /** Writes the event and its index entries; throws if it cannot, so nothing goes unaudited. */
  record(event: AuditEvent): Promise<void>;
  byYoungPerson(partnershipId: PartnershipId, ref: Ref, page?: PageRequest): Promise<Page<AuditEvent>>;
  byCarer(partnershipId: PartnershipId, ref: Ref, page?: PageRequest): Promise<Page<AuditEvent>>;
  byUser(partnershipId: PartnershipId, userId: string, page?: PageRequest): Promise<Page<AuditEvent>>;
}

/** The records one weekly upload states, sheet by sheet. */
export interface MapRecords {
  youngPeople: Draft<YoungPerson>[];
  relationships: Draft<Relationship>[];
  locations: Draft<Location>[];
  carers: Draft<Carer>[];
  sightings: Draft<Sighting>[];
  concerns: Draft<Concern>[];
}

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface MapWriterResult {
  /** Of the shared map only: what restricted intelligence an upload met is never told. */
  counts: Record<keyof MapRecords, UpsertCounts>;
  /** Rows of restricted police intelligence the upload carried (handed to that layer, new or not). */
  restrictedReceived: number;
  /** Records not written (changed meanwhile, or the table stayed busy): the upload must be run again. */
  failed: number;
}

/**
 * The fields of each kind of record that an upload did not state (their columns were not in
 * its sheet): a record already held keeps its own values for them.
 */
export type UnstatedFields = Partial<Record<keyof MapRecords, readonly string[]>>;

/** Applies an upload to the map: new and changed records only, each conditional on what was read. */
export interface MapWriter {
  /** Stops writing once `signal` aborts (the upload's lease was taken over); what is left counts as failed. */
  apply(records: MapRecords, unstated?: UnstatedFields, options?: { signal?: AbortSignal }): Promise<MapWriterResult>;
  /** The refs of the young people and places a partnership holds, for checking an upload's references. */
  knownRefs(partnershipId: PartnershipId): Promise<{ youngPeople: Set<string>; locations: Set<string> }>;
}

/** The whole map a partnership holds, as the peer-group analysis reads it. */
export interface WholeMap {
  youngPeople: YoungPerson[];
  relationships: Relationship[];
  locations: Location[];
  sightings: Sighting[];
  concerns: Concern[];
}

/** What a whole-map read takes beyond the shared map. */
export interface MapReadOptions {
  /** Restricted police intelligence too (its own layer), for police analysts only. */
  restricted?: boolean;
}

export interface MapReader {
  /** The shared map; with `restricted`, police's restricted relationships and sightings beside it. */
  wholeMap(partnershipId: PartnershipId, options?: MapReadOptions): Promise<WholeMap>;
}

/** Starts an analysis run away from the request that asked for it (an async Lambda, a background task). */
export interface AnalysisRunner {
  start(job: { partnershipId: PartnershipId; analysisId: string }): Promise<void>;
}

/** Decisions to keep young people on the map; each is kept in the young person's collection. */
export interface ReviewsRepository {
  /** Adds a decision; a decision is never changed (the store keeps it at version 1). */
  add(review: Draft<Review>): Promise<void>;
  ofPerson(partnershipId: PartnershipId, ref: Ref): Promise<Review[]>;
  all(partnershipId: PartnershipId): Promise<Review[]>;
  /**
   * Moves young people's expiry (their `retainUntil`, and so DynamoDB's TTL), each only if
   * still at the version read; returns the refs changed meanwhile or not written, left for next time.
   */
  moveExpiry(changes: readonly { person: YoungPerson; retainUntil: string }[]): Promise<{ notMoved: Ref[] }>;
  /** The day each young person was first shown overdue, for those still overdue. */
  overdueSince(partnershipId: PartnershipId): Promise<Map<Ref, string>>;
  /** Records (a day) or clears (`undefined`) the day young people were first shown overdue. */
  markOverdue(partnershipId: PartnershipId, changes: readonly { ref: Ref; since: string | undefined }[]): Promise<void>;
}

/**
 * The steps of an erasure. Each is safe to repeat: a retry after a crash at any point runs
 * the remaining work and ends where an uninterrupted erasure would.
 */
export interface ErasureStore {
  /** The erasure under way for a ref, if any. */
  pending(partnershipId: PartnershipId, ref: Ref): Promise<ErasureJob | undefined>;
  /** A young person's record even past its expiry (DynamoDB deletes expired items days late): whose name to clear. */
  expiredProfile(partnershipId: PartnershipId, ref: Ref): Promise<YoungPerson | undefined>;
  /** Every erasure under way in a partnership (for the sweep to complete). */
  allPending(partnershipId: PartnershipId): Promise<ErasureJob[]>;
  /**
   * Records the erasure and removes the young person's own record in one transaction, so from
   * then on they are off the map. `profileVersion` is the version read (undefined: already gone).
   */
  begin(job: Omit<ErasureJob, 'version'>, profileVersion: number | undefined): Promise<ErasureJob>;
  /** Decides which carers go with the young person and counts their records, once. */
  plan(job: ErasureJob): Promise<ErasureJob>;
  /** Removes their relationships, sightings, concerns, reviews, carer links and the carers planned. */
  removeOwnRecords(job: ErasureJob): Promise<void>;
  /** Replaces them in the audit events that name them and removes the audit's index entries for them. */
  eraseFromAudit(job: ErasureJob): Promise<void>;
  /**
   * Replaces them in the groups, plans, invitation lists, uploads and other records' notes; drops kept answers.
   * Several erasures of one partnership (the sweep's) are made in one pass over what it keeps.
   */
  eraseFromKeptRecords(jobs: readonly ErasureJob[]): Promise<void>;
  /** Ends the erasure: the job goes, the record of it (no personal data) stays, as stored. */
  complete(job: ErasureJob, record: Draft<ErasureRecord>): Promise<ErasureRecord>;
  records(partnershipId: PartnershipId, page?: PageRequest): Promise<Page<ErasureRecord>>;
  /** The record of one completed erasure, by its marker. */
  record(partnershipId: PartnershipId, marker: Ref): Promise<ErasureRecord | undefined>;
}

/** An answer kept so that the same request sent again (the same `Idempotency-Key`) gets it, not a second effect. */
export interface KeptResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
  /** Whose data the answer holds, so that sending it again is audited as the first was. */
  subjects: { youngPeople: string[]; carers: string[] };
  restricted: boolean;
}

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'in-progress' }
  | { kind: 'done'; response: KeptResponse }
  | { kind: 'different-request' };

/**
 * Requests sent with an `Idempotency-Key`: the first claims the key, a repeat gets the first
 * answer, a repeat while the first is still being answered is told to wait. Kept for a day.
 */
export interface IdempotencyStore {
  claim(partnershipId: PartnershipId, key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim>;
  keep(
    partnershipId: PartnershipId,
    key: string,
    fingerprint: string,
    response: KeptResponse,
    now: Date,
  ): Promise<void>;
  release(partnershipId: PartnershipId, key: string): Promise<void>;
}

/**
 * Upkeep of the restricted layer: moves what a table written before the layer existed still
 * holds in the shared layer (restricted records and the audit events about them) into it.
 */
export interface RestrictedLayerUpkeep {
  moveLegacy(partnershipId: PartnershipId): Promise<{ records: number; auditEvents: number }>;
}

/** Everything the use cases need from storage, as one port. */
export interface MapStore {
  readonly mapWriter: MapWriter;
  readonly mapReader: MapReader;
  readonly partnerships: PartnershipsRepository;
  readonly youngPeople: YoungPeopleRepository;
  /** The shared layer: partners' relationships (police's unrestricted ones included). */
  readonly relationships: RelationshipsRepository;
  /** The restricted layer: police intelligence, for police analysts alone; never merged with the shared layer. */
  readonly restrictedRelationships: RelationshipsRepository;
  readonly locations: LocationsRepository;
  readonly sightings: SightingsRepository;
  readonly restrictedSightings: SightingsRepository;
  readonly concerns: ConcernsRepository;
  readonly carers: CarersRepository;
  readonly uploads: UploadsRepository;
  readonly uploadSlots: UploadSlotsRepository;
  readonly analyses: AnalysesRepository;
  readonly actionPlans: ActionPlansRepository;
  readonly invitationLists: InvitationListsRepository;
  readonly sessionFeedback: SessionFeedbackRepository;
  readonly feedbackLinks: FeedbackLinksRepository;
  readonly parentGroups: ParentGroupsRepository;
  readonly audit: AuditLog;
  readonly reviews: ReviewsRepository;
  readonly erasures: ErasureStore;
  readonly idempotency: IdempotencyStore;
  readonly restrictedLayer: RestrictedLayerUpkeep;
  /** Leases held by running work (uploads, large uploads, analysis runs), renewed by heartbeats. */
  readonly leases: LeaseStore;
}

/**
 * The part of the store a use case works with. Each use case names only the ports it uses, so
 * what it can touch is in its signature and a test hands it only those; a whole `MapStore` is
 * each of them.
 */
export type StorePorts<K extends keyof MapStore> = Pick<MapStore, K>;

/** Work that may be writing to the map: uploads, large uploads, analysis runs and their leases. */
export type MapWorkPorts = StorePorts<'uploads' | 'uploadSlots' | 'analyses' | 'leases'>;

/** Who is due for review: the map, the decisions to keep and the partnership's settings. */
export type ReviewStatusPorts = StorePorts<'mapReader' | 'reviews' | 'partnerships'>;

/** Erasing a young person: the steps, their record, and the map work an erasure waits for. */
export type ErasurePorts = MapWorkPorts & StorePorts<'erasures' | 'youngPeople'>;

/** A review's decision: keep (a review, a later expiry) or remove (an erasure). */
export type ReviewDecisionPorts = ErasurePorts & ReviewStatusPorts;

/** The retention sweep: erasures, review status, each young person's own records and the audit. */
export type SweepPorts = ReviewDecisionPorts &
  StorePorts<
    | 'relationships'
    | 'sightings'
    | 'concerns'
    | 'restrictedRelationships'
    | 'restrictedSightings'
    | 'audit'
    | 'sessionFeedback'
    | 'invitationLists'
  >;

/** A subject access request: every record that names the young person, and who read theirs. */
export type SubjectAccessPorts = ReviewStatusPorts &
  StorePorts<
    | 'youngPeople'
    | 'relationships'
    | 'sightings'
    | 'concerns'
    | 'carers'
    | 'audit'
    | 'analyses'
    | 'actionPlans'
    | 'invitationLists'
    | 'sessionFeedback'
    | 'parentGroups'
  >;

/** A peer group's weeks: the analysis runs and their clusters. */
export type ClusterPorts = StorePorts<'analyses'>;

/** Invitation lists and action plans, with the records they are drawn from. */
export type PlanningPorts = ClusterPorts &
  StorePorts<
    | 'partnerships'
    | 'youngPeople'
    | 'carers'
    | 'locations'
    | 'sightings'
    | 'concerns'
    | 'actionPlans'
    | 'invitationLists'
    | 'sessionFeedback'
    | 'feedbackLinks'
    | 'parentGroups'
  >;

/** An analysis run: the map it reads, the runs, review status, the work it waits for, the audit. */
export type AnalysisPorts = MapWorkPorts & ReviewStatusPorts & StorePorts<'audit'>;

/** A weekly upload: the uploads, the map writer and the map's lease. */
export type UploadPorts = StorePorts<'uploads' | 'mapWriter' | 'leases'>;

/** A large upload: its slot, and the weekly upload it becomes. */
export type LargeUploadPorts = UploadPorts & StorePorts<'uploadSlots'>;
