import {
  type Draft,
  type ErasureJob,
  ErasureJob as ErasureJobSchema,
  ErasureRecord,
  type ErasureStore,
  eraseFrom,
  eraseFromAuditEvent,
  eraseFromCarer,
  eraseFromCluster,
  eraseFromFeedback,
  eraseFromInvitationList,
  eraseFromParentGroup,
  eraseFromPlan,
  type Location,
  type Page,
  type PageRequest,
  type ParentGroup,
  UnavailableError,
  type UploadRecord,
  VersionConflictError,
  type YoungPerson,
} from '@peermap/domain';
import type { MemoryAuditLog } from './audit';
import type { MemoryCarers, MemoryConcerns, MemoryRelationships, MemorySightings } from './map';
import type { MemoryActionPlans, MemoryInvitationLists, MemorySessionFeedback } from './planning';
import { MemoryRepository } from './repository';
import type { MemoryReviews } from './reviews';
import type { MemoryAnalyses } from './work';

/** The records an erasure reaches: every repository that can name a young person. */
export interface ErasureReach {
  youngPeople: MemoryRepository<YoungPerson, string>;
  relationships: MemoryRelationships;
  restrictedRelationships: MemoryRelationships;
  sightings: MemorySightings;
  restrictedSightings: MemorySightings;
  concerns: MemoryConcerns;
  carers: MemoryCarers;
  locations: MemoryRepository<Location, string>;
  uploads: MemoryRepository<UploadRecord, string>;
  analyses: MemoryAnalyses;
  actionPlans: MemoryActionPlans;
  invitationLists: MemoryInvitationLists;
  sessionFeedback: MemorySessionFeedback;
  parentGroups: MemoryRepository<ParentGroup, string>;
  reviews: MemoryReviews;
  audit: MemoryAuditLog;
}

/** The changed record put back: at its next version for records people change, else as it was. */
function rewrite<T extends { partnershipId: string; version: number }>(
  repository: { all(p: string): T[]; replace(record: T): void },
  partnershipId: string,
  erase: (record: T) => T,
  versioning: 'keep-version' | 'next-version',
): void {
  for (const record of repository.all(partnershipId)) {
    const erased = erase(record);
    if (JSON.stringify(erased) === JSON.stringify(record)) continue;
    repository.replace(versioning === 'next-version' ? { ...erased, version: record.version + 1 } : erased);
  }
}

/** The erasure's steps over the memory store's repositories, with the table adapter's outcomes. */
export class MemoryErasures implements ErasureStore {
  private readonly jobs = new MemoryRepository<ErasureJob, string>({
    label: 'erasure',
    schema: ErasureJobSchema,
    keyOf: (j) => j.ref,
    id: (ref) => ref,
    order: (j) => j.ref,
  });
  private readonly finished = new MemoryRepository<ErasureRecord, string>({
    label: 'erasure record',
    schema: ErasureRecord,
    keyOf: (r) => r.marker,
    id: (marker) => marker,
    order: (r) => `${r.completedAt}#${r.marker}`,
    newestFirst: true,
  });

  constructor(private readonly reach: ErasureReach) {}

  pending(partnershipId: string, ref: string): Promise<ErasureJob | undefined> {
    return this.jobs.get(partnershipId, ref);
  }

  expiredProfile(partnershipId: string, ref: string): Promise<YoungPerson | undefined> {
    return this.reach.youngPeople.get(partnershipId, ref);
  }

  async allPending(partnershipId: string): Promise<ErasureJob[]> {
    return this.jobs.where(partnershipId, () => true);
  }

  async begin(draft: Omit<ErasureJob, 'version'>, profileVersion: number | undefined): Promise<ErasureJob> {
    const started = await this.pending(draft.partnershipId, draft.ref);
    if (started) return started;
    const person = await this.reach.youngPeople.get(draft.partnershipId, draft.ref);
    if (profileVersion !== undefined && person?.version !== profileVersion) {
      throw new VersionConflictError('young person', draft.ref, profileVersion);
    }
    if (person && profileVersion !== undefined) this.reach.youngPeople.drop(draft.partnershipId, draft.ref);
    return this.jobs.save(draft);
  }

  async plan(job: ErasureJob): Promise<ErasureJob> {
    if (job.removed) return job;
    const { partnershipId: p, ref } = job;
    const carers = await this.reach.carers.ofYoungPerson(p, ref);
    const removedCarers = carers.filter((carer) => eraseFromCarer(carer, job) === undefined).map((c) => c.ref);
    // Restricted police intelligence goes too, uncounted: the record says what other roles could see.
    const removed = {
      relationships: (await this.reach.relationships.ofPerson(p, ref)).length,
      sightings: (await this.reach.sightings.ofPerson(p, ref)).length,
      concerns: (await this.reach.concerns.ofPerson(p, ref)).length,
      reviews: (await this.reach.reviews.ofPerson(p, ref)).length,
      carerLinks: carers.length,
      carers: removedCarers.length,
    };
    return this.jobs.change(job, { removedCarers, removed });
  }

  async removeOwnRecords(job: ErasureJob): Promise<void> {
    const { partnershipId: p, ref } = job;
    for (const carer of await this.reach.carers.ofYoungPerson(p, ref)) {
      const staying = eraseFromCarer(carer, job);
      if (staying) this.reach.carers.replace({ ...staying, version: carer.version + 1 });
      else this.reach.carers.drop(p, carer.ref);
    }
    for (const layer of [this.reach.relationships, this.reach.restrictedRelationships]) {
      for (const r of await layer.ofPerson(p, ref)) layer.drop(p, r);
    }
    for (const layer of [this.reach.sightings, this.reach.restrictedSightings]) {
      for (const s of await layer.ofPerson(p, ref)) layer.drop(p, s);
    }
    for (const c of await this.reach.concerns.ofPerson(p, ref)) this.reach.concerns.drop(p, c);
    for (const r of await this.reach.reviews.ofPerson(p, ref)) this.reach.reviews.decisions.drop(p, r);
  }

  async eraseFromAudit(job: ErasureJob): Promise<void> {
    for (const event of this.reach.audit.all(job.partnershipId)) {
      const names =
        event.subjects.youngPeople.includes(job.ref) ||
        event.subjects.carers.some((ref) => job.removedCarers.includes(ref));
      if (names) this.reach.audit.replace(eraseFromAuditEvent(event, job));
    }
  }

  async eraseFromKeptRecords(jobs: readonly ErasureJob[]): Promise<void> {
    const [first] = jobs;
    if (!first) return;
    const p = first.partnershipId;
    const ofAll =
      <T>(eraseOne: (record: T, job: ErasureJob) => T) =>
      (record: T) =>
        jobs.reduce((erased, job) => eraseOne(erased, job), record);
    const erase = <T>(record: T): T => ofAll<T>((erased, job) => eraseFrom(erased, job))(record);
    const { reach } = this;
    rewrite(reach.analyses, p, erase, 'keep-version');
    for (const run of reach.analyses.all(p)) {
      const clusters = await reach.analyses.clusters(p, run.id);
      reach.analyses.replaceClusters(p, run.id, clusters.map(ofAll(eraseFromCluster)));
    }
    const eraseFromPlans = ofAll(eraseFromPlan);
    for (const head of reach.actionPlans.heads.all(p)) {
      const erased = eraseFromPlans(head);
      if (JSON.stringify(erased) === JSON.stringify(head)) continue;
      await reach.actionPlans.change(head, erased);
    }
    rewrite(reach.actionPlans.everyVersion, p, eraseFromPlans, 'keep-version');
    rewrite(reach.invitationLists, p, ofAll(eraseFromInvitationList), 'next-version');
    rewrite(reach.sessionFeedback, p, ofAll(eraseFromFeedback), 'next-version');
    rewrite(reach.parentGroups, p, ofAll(eraseFromParentGroup), 'next-version');
    rewrite(reach.uploads, p, erase, 'keep-version');
    rewrite(reach.youngPeople, p, erase, 'next-version');
    rewrite(reach.locations, p, erase, 'next-version');
    rewrite(reach.concerns, p, erase, 'next-version');
    rewrite(
      reach.carers,
      p,
      ofAll((c, job) => eraseFromCarer(c, job) ?? c),
      'next-version',
    );
    rewrite(reach.reviews.decisions, p, erase, 'keep-version');
    rewrite(this.finished, p, erase, 'keep-version');
  }

  async complete(job: ErasureJob, record: Draft<ErasureRecord>): Promise<ErasureRecord> {
    const current = await this.pending(job.partnershipId, job.ref);
    if (current?.version !== job.version) {
      const finished = await this.record(job.partnershipId, job.marker);
      if (finished) return finished;
      throw new UnavailableError('The erasure changed while it was completing; ask again to complete it.');
    }
    this.jobs.drop(job.partnershipId, job.ref);
    return this.finished.save(record);
  }

  records(partnershipId: string, page?: PageRequest): Promise<Page<ErasureRecord>> {
    return this.finished.list(partnershipId, page);
  }

  record(partnershipId: string, marker: string): Promise<ErasureRecord | undefined> {
    return this.finished.get(partnershipId, marker);
  }
}
