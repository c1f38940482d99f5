import { randomUUID } from 'node:crypto';
import {
  AnalysisParameters,
  type AnalysisPorts,
  type AnalysisRequest,
  type AnalysisRunner,
  type AnalysisSnapshot,
  type AnalysisSummary,
  type ClusterPorts,
  type ClusterSnapshot,
  ConflictError,
  type Draft,
  isoWeekDays,
  isoWeekOf,
  mapWithConcurrency,
  NotFoundError,
  PeermapError,
  READ_CONCURRENCY,
  type Role,
  UnavailableError,
  ValidationError,
  WORK_TIMING,
  type WorkTiming,
} from '@peermap/domain';
import { analyseWeek, type PreviousAnalysis } from '@peermap/graph';
import { Heartbeat } from './heartbeat';
import { GIVEN_UP, RUN_GIVEN_UP_AFTER_MS, uploadsOf } from './map-work';
import { reviewList } from './reviews';

export { GIVEN_UP, RUN_GIVEN_UP_AFTER_MS } from './map-work';

export interface AnalysisAsked {
  partnershipId: string;
  request: AnalysisRequest;
  requestedBy: string;
  requestedByRole: Role;
  now: Date;
}

/**
 * Records a queued run of the analysis and starts it away from the request. A week after this
 * one cannot be analysed, nor a week older than the latest upload: the store holds the map as
 * it stands, so an earlier week would be analysed with changes made after it. Runs already
 * made for earlier weeks stay as they were.
 */
export async function requestAnalysis(
  store: AnalysisPorts,
  runner: AnalysisRunner | undefined,
  asked: AnalysisAsked,
): Promise<AnalysisSnapshot> {
  const { partnershipId, request, now } = asked;
  if (!runner) throw new UnavailableError('Analyses are not set up here.');
  if (request.week > isoWeekOf(now)) {
    throw new ValidationError('That week has not started yet.', [
      { path: 'week', message: `analyse this week (${isoWeekOf(now)}) or an earlier one` },
    ]);
  }
  const uploads = await uploadsOf(store, partnershipId, now);
  if (uploads.writing) {
    throw new ConflictError(
      `The upload for ${uploads.writing} is still being written; start the analysis once it has finished (GET /v1/uploads).`,
    );
  }
  refuseEarlierThanUploads(request.week, uploads.latest);
  const snapshot = await store.analyses.save({
    id: randomUUID(),
    partnershipId,
    week: request.week,
    purpose: request.purpose,
    status: 'queued',
    parameters: request.parameters ?? AnalysisParameters.parse({}),
    requestedBy: asked.requestedBy,
    requestedByRole: asked.requestedByRole,
    createdAt: now.toISOString(),
  });
  try {
    await runner.start({ partnershipId, analysisId: snapshot.id });
  } catch (error) {
    // The start may have reached the run all the same (it claimed the snapshot): then the run is the answer.
    const failed = await finish(store, snapshot, {
      status: 'failed',
      failureReason: 'The analysis could not be started; ask again.',
    }).catch(() => undefined);
    if (!failed) {
      const started = await store.analyses.get(partnershipId, snapshot.id);
      if (started) return started;
    }
    throw new UnavailableError('The analysis could not be started; ask again.', { cause: error });
  }
  return snapshot;
}

function refuseEarlierThanUploads(week: string, latestUpload: string | undefined): void {
  if (latestUpload && week < latestUpload) {
    throw new ConflictError(
      `The map now holds the upload for ${latestUpload}; analysing ${week} now would mix in later changes. Earlier analyses are kept as they were (GET /v1/analyses).`,
    );
  }
}

/**
 * Runs a queued analysis once: holds the run's lease (renewed by a heartbeat, so a start
 * repeated while it runs does nothing), marks it running, reads the whole map, follows clusters
 * from the latest earlier run, stores each cluster as its own item that never changes, audits
 * the read of every young person included, and completes the snapshot. A run left `running`
 * by a process that died (its lease lapsed) is taken over by the next start, Lambda's retry or
 * the same event sent again, and run from the beginning. A failure is recorded on the snapshot
 * in words a chair can act on.
 */
export async function runAnalysis(
  store: AnalysisPorts,
  job: { partnershipId: string; analysisId: string },
  now: () => Date = () => new Date(),
  timing: WorkTiming = WORK_TIMING,
): Promise<AnalysisSnapshot | undefined> {
  const found = await store.analyses.get(job.partnershipId, job.analysisId);
  if (found?.status !== 'queued' && found?.status !== 'running') return found;
  if (found.status === 'queued' && now().getTime() - Date.parse(found.createdAt) >= RUN_GIVEN_UP_AFTER_MS) {
    // A start delayed past the time its requester was told it failed must not bring it back.
    return await finish(store, found, { status: 'failed', failureReason: GIVEN_UP }).catch(() => undefined);
  }
  const start = await Heartbeat.start(
    store.leases,
    job.partnershipId,
    `analysis:${job.analysisId}`,
    { kind: 'analysis', workId: job.analysisId, week: found.week },
    { timing, now },
  );
  // Another process is running it now.
  if (start.kind === 'held') return found;
  try {
    const current = await store.analyses.get(job.partnershipId, job.analysisId);
    if (current?.status === 'running') {
      // Its runner stopped part-way: what it stored of the clusters goes before the run starts again.
      await store.analyses.discardClusters(current.partnershipId, current.id);
      return await run(store, current, now, start.heartbeat);
    }
    if (current?.status !== 'queued') return current;
    const running = await claim(store, current, now);
    if (!running) return store.analyses.get(job.partnershipId, job.analysisId);
    return await run(store, running, now, start.heartbeat);
  } finally {
    await start.heartbeat.stop();
  }
}

async function run(
  store: AnalysisPorts,
  running: AnalysisSnapshot,
  now: () => Date,
  heartbeat: Heartbeat,
): Promise<AnalysisSnapshot | undefined> {
  try {
    // A later week uploaded between the request and now would be mixed into this week's map.
    refuseEarlierThanUploads(running.week, (await uploadsOf(store, running.partnershipId, now())).latest);
    const { summary, clusters, included } = await analyse(store, running, now());
    // Paused past its lease: another start has taken the run over and writes its clusters.
    if (heartbeat.lost) return undefined;
    await store.analyses.saveClusters(clusters);
    await store.audit.record({
      id: randomUUID(),
      partnershipId: running.partnershipId,
      at: now().toISOString(),
      actor: { userId: running.requestedBy, role: running.requestedByRole },
      action: 'analyse',
      resource: 'analyses',
      subjects: { youngPeople: included, carers: [] },
      requestId: running.id,
      outcome: 'allowed',
      detail: `Peer-group analysis of ${running.week} for ${running.purpose.replaceAll('_', ' ')}.`,
    });
    return await finish(store, running, {
      status: 'completed',
      completedAt: now().toISOString(),
      // Shortened by the store if a very large map would overflow the snapshot's item.
      summary,
    });
  } catch (error) {
    if (heartbeat.lost) throw error;
    const failureReason =
      error instanceof PeermapError
        ? `The analysis could not be completed: ${error.message}`.slice(0, 500)
        : 'The analysis could not be completed because of a fault in peermap; it has been logged. Ask again.';
    const failed = await finish(store, running, { status: 'failed', failureReason });
    // A fault in peermap itself is thrown on, to be logged; an expected refusal is the answer.
    if (!(error instanceof PeermapError)) throw error;
    return failed;
  }
}

async function claim(store: AnalysisPorts, queued: AnalysisSnapshot, now: () => Date) {
  try {
    return await store.analyses.transition(
      queued,
      { status: 'running', startedAt: now().toISOString() },
      { status: ['queued'] },
    );
  } catch (error) {
    if (error instanceof PeermapError && error.kind === 'version-conflict') return undefined;
    throw error;
  }
}

/** Ends a run that is still queued or running: a completed snapshot is what the meeting decided on, never rewritten. */
function finish(store: AnalysisPorts, snapshot: AnalysisSnapshot, outcome: Partial<Draft<AnalysisSnapshot>>) {
  return store.analyses.transition(snapshot, outcome, { status: ['queued', 'running'] });
}

async function analyse(store: AnalysisPorts, run: AnalysisSnapshot, now: Date) {
  const [whole, earlier] = await Promise.all([
    store.mapReader.wholeMap(run.partnershipId),
    store.analyses.latestCompletedBefore(run.partnershipId, run.week),
  ]);
  // Whoever is overdue for review is not analysed until someone decides they stay on the map:
  // overdue by the end of the week analysed (or today, in the week itself), so a past week's
  // run gives the same groups whenever it is made.
  const weekEnd = new Date(`${isoWeekDays(run.week).lastDay}T23:59:59.999Z`);
  const { statuses } = await reviewList(store, run.partnershipId, now < weekEnd ? now : weekEnd, whole);
  const overdue = new Set(statuses.filter((s) => s.state === 'overdue').map((s) => s.ref));
  const map = { ...whole, youngPeople: whole.youngPeople.filter((person) => !overdue.has(person.ref)) };
  const previous: PreviousAnalysis | undefined =
    earlier?.summary === undefined
      ? undefined
      : {
          analysisId: earlier.id,
          week: earlier.week,
          clusters: await store.analyses.clusters(run.partnershipId, earlier.id),
          labelsIssued: earlier.summary.labelsIssued,
        };
  const result = analyseWeek({
    map,
    week: run.week,
    parameters: run.parameters,
    previous,
    newClusterId: (n) => `${run.id.slice(0, 8)}-${n}`,
  });
  const summary = overdue.size === 0 ? result.summary : withOverdueLeftOut(result.summary, overdue.size);
  const clusters = result.clusters.map((cluster) => ({
    ...cluster,
    partnershipId: run.partnershipId,
    analysisId: run.id,
    week: run.week,
  }));
  const included = [
    ...result.clusters.flatMap((c) => c.memberRefs),
    ...result.summary.smallGroups.flat(),
    ...result.summary.onTheirOwn,
  ];
  return { summary, clusters, included };
}

/** The summary saying how many young people were left out as overdue for review, and what to do about it. */
function withOverdueLeftOut(summary: AnalysisSummary, count: number): AnalysisSummary {
  const people = count === 1 ? '1 young person is' : `${count} young people are`;
  const note = ` ${people} overdue for review and left out of this analysis: record a review decision to include them again.`;
  return {
    ...summary,
    overdueForReviewLeftOut: count,
    assessment: `${summary.assessment.slice(0, 1000 - note.length)}${note}`,
  };
}

/**
 * A cluster's snapshots, latest week first, each from its week's latest completed run only:
 * clusters of failed or replaced runs never speak for a week.
 */
export async function clusterWeeks(store: ClusterPorts, partnershipId: string, clusterId: string) {
  const snapshots = await store.analyses.clusterHistory(partnershipId, clusterId);
  const weeks = [...new Set(snapshots.map((c) => c.week))];
  // One read per week of the cluster's history (a year is 52), a few at a time.
  const latest = new Map(
    await mapWithConcurrency(
      weeks,
      READ_CONCURRENCY,
      async (week) => [week, (await store.analyses.latestCompleted(partnershipId, week))?.id] as const,
    ),
  );
  return snapshots.filter((c) => c.analysisId === latest.get(c.week));
}

/** A cluster as its latest week (or the week given) shows it; not found otherwise. */
export async function currentCluster(
  store: ClusterPorts,
  partnershipId: string,
  clusterId: string,
  week?: string,
): Promise<ClusterSnapshot> {
  const history = await clusterWeeks(store, partnershipId, clusterId);
  const cluster = week ? history.find((c) => c.week === week) : history[0];
  if (!cluster) throw new NotFoundError('cluster', week ? `${clusterId} in ${week}` : clusterId);
  return cluster;
}
