import { randomUUID } from 'node:crypto';
import {
  type Draft,
  type LargeUploadFiles,
  type LargeUploadPorts,
  PeermapError,
  UnavailableError,
  type UploadSlot,
  VersionConflictError,
  WORK_TIMING,
  type WorkTiming,
} from '@peermap/domain';
import { DEFAULT_UPLOAD_LIMITS, overLimit, type UploadLimits } from '@peermap/ingest';
import { Heartbeat } from './heartbeat';
import { uploadWeek } from './upload-week';

/** How long a client has to send the file of a large upload. */
export const LARGE_UPLOAD_WINDOW_MS = 15 * 60 * 1000;

/** Opens a slot for a large upload and returns where to send the workbook. */
export async function openLargeUpload(
  store: LargeUploadPorts,
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
 * and idempotency as every upload (all but `synchronousRows`: there is no request to answer).
 * File storage may announce an arrival more than once, and a client may send the file again
 * after a timeout: the slot's lease (renewed by a heartbeat) lets one process work on it at a
 * time, and a slot left `processing` by a process that died is taken over once its lease has
 * lapsed. Every `failed` slot says why.
 */
export async function processLargeUpload(
  store: LargeUploadPorts,
  files: LargeUploadFiles,
  partnershipId: string,
  slotId: string,
  {
    now = () => new Date(),
    limits,
    timing = WORK_TIMING,
  }: { now?: () => Date; limits?: UploadLimits | undefined; timing?: WorkTiming } = {},
): Promise<UploadSlot | undefined> {
  const slot = await store.uploadSlots.get(partnershipId, slotId);
  if (slot?.status !== 'waiting' && slot?.status !== 'processing') return slot;
  const start = await Heartbeat.start(
    store.leases,
    partnershipId,
    `slot:${slotId}`,
    { kind: 'large-upload', workId: slotId, week: slot.week },
    { timing, now },
  );
  if (start.kind === 'held') return slot;
  try {
    const current = await store.uploadSlots.get(partnershipId, slotId);
    if (current?.status !== 'waiting' && current?.status !== 'processing') return current;
    let processing: UploadSlot;
    try {
      processing = await store.uploadSlots.transition(
        current,
        { status: 'processing' },
        { status: ['waiting', 'processing'] },
      );
    } catch (error) {
      if (error instanceof VersionConflictError) return store.uploadSlots.get(partnershipId, slotId);
      throw error;
    }
    return await processSlot(store, files, processing, { now, limits, timing });
  } finally {
    await start.heartbeat.stop();
  }
}

/** What a slot that failed for a fault of peermap's own (or a table out of reach) says. */
const FAULT =
  'The file could not be processed (a fault in peermap, or its table out of reach); it has been logged. Open a new large upload and send the file again.';

async function processSlot(
  store: LargeUploadPorts,
  files: LargeUploadFiles,
  processing: UploadSlot,
  { now, limits, timing }: { now: () => Date; limits: UploadLimits | undefined; timing: WorkTiming },
): Promise<UploadSlot> {
  const end = (outcome: Partial<Draft<UploadSlot>>) =>
    store.uploadSlots.transition(processing, outcome, { status: ['processing'] });
  try {
    const { largeUploadBytes } = limits ?? DEFAULT_UPLOAD_LIMITS;
    const workbook = await files.read(processing, largeUploadBytes);
    if (!workbook)
      throw new UnavailableError('The file of this upload never arrived; open a new large upload and send it.');
    if (workbook === 'too-large') {
      // Refused unread: nothing to retry, so the slot ends here and says why.
      const { message } = overLimit('largeUploadBytes', limits ?? DEFAULT_UPLOAD_LIMITS);
      return await end({ status: 'rejected', refusal: message });
    }
    const { record } = await uploadWeek(store, {
      partnershipId: processing.partnershipId,
      week: processing.week,
      uploadedBy: processing.uploadedBy,
      files: { workbook },
      now,
      timing,
      // A workbook past a limit comes back as a rejected upload: the slot ends `rejected`, with it.
      ...(limits ? { limits } : {}),
    });
    return await end({
      status: record.status === 'completed' ? 'completed' : 'rejected',
      uploadId: record.id,
      problemCount: record.problemCount,
    });
  } catch (error) {
    const failureReason = error instanceof PeermapError ? error.message.slice(0, 500) : FAULT;
    // With the table out of reach this save fails too: the slot stays `processing` until its lease lapses.
    await end({ status: 'failed', failureReason });
    throw error;
  }
}
