import { isLive, type LeaseName, type MapWorkPorts, VersionConflictError } from '@peermap/domain';
import { everyItem } from './paging';

/**
 * What else may be writing to a partnership's map right now: the upload holding the map (its
 * lease is live) and the analysis runs under way. An analysis waits for an upload; an erasure
 * waits for both. Work whose heartbeat stopped no longer counts: its lease has lapsed.
 */

/** The latest week whose upload completed, and the week of the upload being written now. */
export async function uploadsOf(store: Pick<MapWorkPorts, 'uploads' | 'leases'>, partnershipId: string, now: Date) {
  let latest: string | undefined;
  let cursor: string | undefined;
  do {
    const page = await store.uploads.list(partnershipId, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const upload of page.items) {
      if (upload.status === 'completed' && (!latest || upload.week > latest)) latest = upload.week;
    }
    cursor = page.cursor;
  } while (cursor);
  const holder = await store.leases.current(partnershipId, 'map-writer');
  return { latest, writing: isLive(holder, now) ? holder.holder.week : undefined };
}

/** A run queued this long ago and never started will not start: its requester is told it failed. */
export const RUN_GIVEN_UP_AFTER_MS = 20 * 60 * 1000;

/** Whether an analysis run is waiting to start or running now (its heartbeat is live). */
export async function analysisInFlight(
  store: Pick<MapWorkPorts, 'analyses' | 'leases'>,
  partnershipId: string,
  now: Date,
): Promise<boolean> {
  const { items } = await store.analyses.list(partnershipId, { limit: 50 });
  for (const run of items) {
    if (run.status === 'queued' && now.getTime() - Date.parse(run.createdAt) < RUN_GIVEN_UP_AFTER_MS) return true;
    if (run.status === 'running' && isLive(await store.leases.current(partnershipId, `analysis:${run.id}`), now)) {
      return true;
    }
  }
  return false;
}

/** What a run says when its runner stopped without finishing. */
export const GIVEN_UP = 'The run stopped without finishing (it ran out of time or memory); start it again.';

/** What an upload says when its writing stopped part-way and nobody sent it again. */
export const STOPPED_PART_WAY =
  'The writing of this upload stopped part-way (the service stopped or lost the table); some of its records may be written. Send it again to complete it.';

/** What a large-upload slot says when its processing stopped part-way. */
export const SLOT_STOPPED =
  'The processing of this file stopped part-way (the service stopped or lost the table). Open a new large upload and send the file again.';

export interface StoppedWork {
  uploads: number;
  slots: number;
  analyses: number;
}

/**
 * Ends, as `failed` with the reason, the work whose heartbeat stopped and that nobody took
 * over: uploads left `writing`, slots left `processing`, runs left `running` (or queued and
 * never started). Work with a live lease is left alone; a change that lost a race with the
 * work itself is left to the next sweep.
 */
export async function settleStoppedWork(store: MapWorkPorts, partnershipId: string, now: Date): Promise<StoppedWork> {
  const leaseLive = async (name: LeaseName) => isLive(await store.leases.current(partnershipId, name), now);
  return {
    uploads: await endStoppedUploads(store, partnershipId, now),
    slots: await endStopped(
      (await everyItem((page) => store.uploadSlots.list(partnershipId, page))).filter((s) => s.status === 'processing'),
      async (slot) => !(await leaseLive(`slot:${slot.id}`)),
      (slot) =>
        store.uploadSlots.transition(
          slot,
          { status: 'failed', failureReason: SLOT_STOPPED },
          { status: ['processing'] },
        ),
    ),
    analyses: await endStopped(
      (await everyItem((page) => store.analyses.list(partnershipId, page))).filter(
        (r) => r.status === 'queued' || r.status === 'running',
      ),
      async (run) =>
        run.status === 'queued'
          ? now.getTime() - Date.parse(run.createdAt) >= RUN_GIVEN_UP_AFTER_MS
          : !(await leaseLive(`analysis:${run.id}`)),
      (run) =>
        store.analyses.transition(
          run,
          { status: 'failed', failureReason: GIVEN_UP },
          { status: ['queued', 'running'] },
        ),
    ),
  };
}

/** Uploads left `writing` by a send that no longer holds the map. */
async function endStoppedUploads(
  store: Pick<MapWorkPorts, 'uploads' | 'leases'>,
  partnershipId: string,
  now: Date,
): Promise<number> {
  const writer = await store.leases.current(partnershipId, 'map-writer');
  const writing = (await everyItem((page) => store.uploads.list(partnershipId, page))).filter(
    (u) => u.status === 'writing',
  );
  return endStopped(
    writing,
    async (upload) => !(isLive(writer, now) && writer.holder.workId === upload.id),
    (upload) =>
      store.uploads.transition(upload, { status: 'failed', failureReason: STOPPED_PART_WAY }, { status: ['writing'] }),
  );
}

/** Ends each piece of work that has stopped; how many were ended (one that changed meanwhile is left). */
async function endStopped<T>(
  work: readonly T[],
  hasStopped: (item: T) => Promise<boolean>,
  saveFailed: (item: T) => Promise<unknown>,
): Promise<number> {
  let ended = 0;
  for (const item of work) {
    if ((await hasStopped(item)) && (await endedAsFailed(() => saveFailed(item)))) ended += 1;
  }
  return ended;
}

/** Saves a `failed` state; false when the work changed it meanwhile (it finished or was taken over). */
async function endedAsFailed(save: () => Promise<unknown>): Promise<boolean> {
  try {
    await save();
    return true;
  } catch (error) {
    if (error instanceof VersionConflictError) return false;
    throw error;
  }
}
