import { randomUUID } from 'node:crypto';
import {
  type LargeUploadFiles,
  type MapStore,
  UnavailableError,
  type UploadSlot,
  VersionConflictError,
} from '@peermap/domain';
import { DEFAULT_UPLOAD_LIMITS, overLimit, type UploadLimits } from '@peermap/ingest';
import { uploadWeek } from './upload-week';

/** How long a client has to send the file of a large upload. */
export const LARGE_UPLOAD_WINDOW_MS = 15 * 60 * 1000;

/** Opens a slot for a large upload and returns where to send the workbook. */
export async function openLargeUpload(
  store: MapStore,
  files: LargeUploadFiles,
  request: { partnershipId: string; week: string; uploadedBy: string; now: Date },
) {
  const slot = await store.uploadSlots.save({
    id: randomUUID(),
    partnershipId: request.partnershipId,
    week: request.week,
    status: 'waiting',
    uploadedBy: request.uploadedBy,
    createdAt: request.now.toISOString(),
    sendBy: new Date(request.now.getTime() + LARGE_UPLOAD_WINDOW_MS).toISOString(),
  });
  return { slot, send: await files.target(slot) };
}

/**
 * Processes the workbook of a large upload once it has arrived, with the same checks, limits
 * and idempotency as every upload (all but `synchronousRows`: there is no request to answer). File storage may announce an arrival more than once, and a
 * client may send the file again after a timeout: a slot moves from `waiting` to
 * `processing` only once (a conditional write), so the file is processed once.
 */
export async function processLargeUpload(
  store: MapStore,
  files: LargeUploadFiles,
  partnershipId: string,
  slotId: string,
  { now = () => new Date(), limits }: { now?: () => Date; limits?: UploadLimits | undefined } = {},
): Promise<UploadSlot | undefined> {
  const slot = await store.uploadSlots.get(partnershipId, slotId);
  if (slot?.status !== 'waiting') return slot;
  const { version, ...waiting } = slot;
  let processing: UploadSlot;
  try {
    processing = await store.uploadSlots.save({ ...waiting, status: 'processing' }, version);
  } catch (error) {
    if (error instanceof VersionConflictError) return store.uploadSlots.get(partnershipId, slotId);
    throw error;
  }
  const { version: processingVersion, ...rest } = processing;
  try {
    const { largeUploadBytes } = limits ?? DEFAULT_UPLOAD_LIMITS;
    const workbook = await files.read(slot, largeUploadBytes);
    if (!workbook) throw new UnavailableError('The file of this upload never arrived.');
    if (workbook === 'too-large') {
      // Refused unread: nothing to retry, so the slot ends here and says why.
      const { message } = overLimit('largeUploadBytes', limits ?? DEFAULT_UPLOAD_LIMITS);
      return await store.uploadSlots.save({ ...rest, status: 'rejected', refusal: message }, processingVersion);
    }
    const { record } = await uploadWeek(store, {
      partnershipId,
      week: slot.week,
      uploadedBy: slot.uploadedBy,
      files: { workbook },
      now,
      // A workbook past a limit comes back as a rejected upload: the slot ends `rejected`, with it.
      ...(limits ? { limits } : {}),
    });
    return await store.uploadSlots.save(
      {
        ...rest,
        status: record.status === 'completed' ? 'completed' : 'rejected',
        uploadId: record.id,
        problemCount: record.problemCount,
      },
      processingVersion,
    );
  } catch (error) {
    await store.uploadSlots.save({ ...rest, status: 'failed' }, processingVersion);
    throw error;
  }
}
