import type { MapStore } from '@peermap/domain';

/**
 * What else may be writing to a partnership's map right now: the uploads being written and the
 * analysis runs under way. An analysis waits for an upload; an erasure waits for both.
 */

/** An upload still `writing` after this has stopped (see the upload use case); it no longer blocks. */
const UPLOAD_STILL_WRITING_MS = 15 * 60 * 1000;

/** The latest week whose upload completed, and a week whose upload is being written now. */
export async function uploadsOf(store: MapStore, partnershipId: string, now: Date) {
  let latest: string | undefined;
  let writing: string | undefined;
  let cursor: string | undefined;
  do {
    const page = await store.uploads.list(partnershipId, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const upload of page.items) {
      if (upload.status === 'completed' && (!latest || upload.week > latest)) latest = upload.week;
      const recent = now.getTime() - Date.parse(upload.createdAt) < UPLOAD_STILL_WRITING_MS;
      if ((upload.status === 'writing' || upload.status === 'received') && recent) writing = upload.week;
    }
    cursor = page.cursor;
  } while (cursor);
  return { latest, writing };
}

/** No run lasts longer than its function may (15 minutes in Lambda); one still open after this stopped. */
export const RUN_GIVEN_UP_AFTER_MS = 20 * 60 * 1000;

/** Whether an analysis run is queued or running now (one older than a run can last has stopped). */
export async function analysisInFlight(store: MapStore, partnershipId: string, now: Date): Promise<boolean> {
  const { items } = await store.analyses.list(partnershipId, { limit: 50 });
  return items.some(
    (run) =>
      (run.status === 'queued' || run.status === 'running') &&
      now.getTime() - Date.parse(run.createdAt) < RUN_GIVEN_UP_AFTER_MS,
  );
}
