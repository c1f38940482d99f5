import { randomUUID } from 'node:crypto';
import {
  AlreadyExistsError,
  AnalysisSnapshot,
  type ClusterSnapshot,
  type Draft,
  isLive,
  type Lease,
  type LeaseHolder,
  type LeaseName,
  type LeaseStore,
  type LeaseTaking,
  NotFoundError,
  UploadRecord,
  UploadSlot,
  VersionConflictError,
} from '@peermap/domain';
import { MemoryRepository } from './repository';

const newestFirst = { newestFirst: true, order: (r: { createdAt: string; id: string }) => `${r.createdAt}#${r.id}` };

export const uploads = () =>
  new MemoryRepository<UploadRecord, string>({
    label: 'upload',
    schema: UploadRecord,
    keyOf: (u) => u.id,
    id: (id) => id,
    ...newestFirst,
  });

export const uploadSlots = () =>
  new MemoryRepository<UploadSlot, string>({
    label: 'upload slot',
    schema: UploadSlot,
    keyOf: (s) => s.id,
    id: (id) => id,
    ...newestFirst,
  });

/** Analysis runs and their clusters; a completed run is never changed, as in the table. */
export class MemoryAnalyses extends MemoryRepository<AnalysisSnapshot, string> {
  private readonly clusterSnapshots = new Map<string, ClusterSnapshot[]>();

  constructor() {
    super({ label: 'analysis', schema: AnalysisSnapshot, keyOf: (a) => a.id, id: (id) => id, ...newestFirst });
  }

  override async save(draft: Draft<AnalysisSnapshot>, expectedVersion?: number): Promise<AnalysisSnapshot> {
    const current = expectedVersion === undefined ? undefined : await this.get(draft.partnershipId, draft.id);
    if (current?.status === 'completed') throw new VersionConflictError('analysis', draft.id, expectedVersion ?? 0);
    return super.save(draft, expectedVersion);
  }

  async latestCompleted(partnershipId: string, week?: string): Promise<AnalysisSnapshot | undefined> {
    return this.completed(partnershipId).find((run) => week === undefined || run.week === week);
  }

  async latestCompletedBefore(partnershipId: string, week: string): Promise<AnalysisSnapshot | undefined> {
    return this.completed(partnershipId).find((run) => run.week < week);
  }

  async clusterHistory(partnershipId: string, clusterId: string): Promise<ClusterSnapshot[]> {
    return [...this.clusterSnapshots.values()]
      .flat()
      .filter((c) => c.partnershipId === partnershipId && c.clusterId === clusterId)
      .sort((a, b) => `${b.week}#${b.analysisId}`.localeCompare(`${a.week}#${a.analysisId}`))
      .map((c) => structuredClone(c));
  }

  async saveClusters(clusters: readonly ClusterSnapshot[]): Promise<void> {
    for (const cluster of clusters) {
      const run = this.clusterSnapshots.get(this.runKey(cluster.partnershipId, cluster.analysisId)) ?? [];
      if (run.some((c) => c.clusterId === cluster.clusterId))
        throw new AlreadyExistsError('cluster', cluster.clusterId);
      run.push(structuredClone(cluster));
      this.clusterSnapshots.set(this.runKey(cluster.partnershipId, cluster.analysisId), run);
    }
  }

  async discardClusters(partnershipId: string, analysisId: string): Promise<void> {
    const run = await this.get(partnershipId, analysisId);
    if (!run || run.status === 'completed') return;
    this.clusterSnapshots.delete(this.runKey(partnershipId, analysisId));
  }

  async clusters(partnershipId: string, analysisId: string): Promise<ClusterSnapshot[]> {
    return structuredClone(this.clusterSnapshots.get(this.runKey(partnershipId, analysisId)) ?? []);
  }

  /** Puts a run's clusters back as given (the erasure's rewrites). */
  replaceClusters(partnershipId: string, analysisId: string, clusters: ClusterSnapshot[]): void {
    this.clusterSnapshots.set(this.runKey(partnershipId, analysisId), structuredClone(clusters));
  }

  private completed(partnershipId: string): AnalysisSnapshot[] {
    const order = (run: AnalysisSnapshot) => `${run.week}#${run.completedAt ?? ''}#${run.id}`;
    return this.all(partnershipId)
      .filter((run) => run.status === 'completed')
      .sort((a, b) => order(b).localeCompare(order(a)));
  }

  private runKey(partnershipId: string, analysisId: string): string {
    if (!partnershipId) throw new NotFoundError('analysis', analysisId);
    return `${partnershipId}|${analysisId}`;
  }
}

/** Leases as the table keeps them: taken when free or lapsed, renewed and released by their token. */
export class MemoryLeases implements LeaseStore {
  private readonly leases = new Map<string, Lease>();

  async take(
    partnershipId: string,
    name: LeaseName,
    holder: LeaseHolder,
    now: Date,
    lapsesAfterMs: number,
  ): Promise<LeaseTaking> {
    const held = this.leases.get(`${partnershipId}|${name}`);
    if (held && isLive(held, now)) return { kind: 'held', by: structuredClone(held) };
    const lease: Lease = {
      partnershipId,
      name,
      holder,
      token: randomUUID(),
      takenAt: now.getTime(),
      renewedAt: now.getTime(),
      lapsesAt: now.getTime() + lapsesAfterMs,
    };
    this.leases.set(`${partnershipId}|${name}`, lease);
    return { kind: 'taken', lease: structuredClone(lease), ...(held ? { lapsed: held } : {}) };
  }

  async renew(lease: Lease, now: Date, lapsesAfterMs: number): Promise<Lease | undefined> {
    if (this.leases.get(`${lease.partnershipId}|${lease.name}`)?.token !== lease.token) return undefined;
    const renewed = { ...lease, renewedAt: now.getTime(), lapsesAt: now.getTime() + lapsesAfterMs };
    this.leases.set(`${lease.partnershipId}|${lease.name}`, renewed);
    return structuredClone(renewed);
  }

  async release(lease: Lease): Promise<void> {
    const key = `${lease.partnershipId}|${lease.name}`;
    if (this.leases.get(key)?.token === lease.token) this.leases.delete(key);
  }

  async current(partnershipId: string, name: LeaseName): Promise<Lease | undefined> {
    const lease = this.leases.get(`${partnershipId}|${name}`);
    return lease && structuredClone(lease);
  }
}
