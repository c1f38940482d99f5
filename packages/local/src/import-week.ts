import { createHash } from 'node:crypto';
import {
  type MapStore,
  mergeUploaded,
  mergeUploadedCarer,
  SheetName,
  UnavailableError,
  type UploadRecord,
  type UploadStatus,
} from '@peermap/domain';
import { type KnownRefs, readWeek, type WeekSheets } from '@peermap/ingest';
import { models, planUpserts, type StoreContext, writeGroups } from '@peermap/store';

export interface ImportWeekRequest {
  partnershipId: string;
  week: string;
  sheets: WeekSheets;
  uploadedBy: string;
  now?: () => Date;
}

/**
 * Imports one week's mapping sheets: validates them whole, then writes every changed record
 * with the batch writer and keeps an upload record with counts per sheet. The same content
 * for the same week has the same upload id, so importing it again changes nothing and
 * returns the first result. (The HTTP upload of a later issue wraps this flow.)
 */
export async function importWeek(
  ctx: StoreContext,
  store: MapStore,
  request: ImportWeekRequest,
): Promise<UploadRecord> {
  const { partnershipId, week, sheets, uploadedBy } = request;
  const now = request.now ?? (() => new Date());
  const contentSha256 = hashSheets(sheets);
  const id = uploadIdFor(partnershipId, week, contentSha256);
  const previous = await store.uploads.get(partnershipId, id);
  if (previous?.status === 'completed') return previous;

  const createdAt = now().toISOString();
  const reading = readWeek(
    sheets,
    { partnershipId, provenance: { uploadId: id, recordedBy: uploadedBy, recordedAt: createdAt } },
    await knownRefs(store, partnershipId),
  );
  const base = {
    id,
    partnershipId,
    week,
    contentSha256,
    sheets: uploaded(sheets),
    counts: {},
    problemCount: reading.problemCount,
    problems: reading.problems,
    uploadedBy,
    createdAt,
  };
  const status = (next: UploadStatus, extra: Partial<UploadRecord> = {}, version?: number) =>
    store.uploads.save({ ...base, ...extra, status: next }, version);

  if (reading.problemCount > 0) return status('rejected', {}, previous?.version);
  const writing = await status('writing', {}, previous?.version);

  const { records } = reading;
  const plans = await Promise.all([
    planUpserts(ctx, models.youngPersonModel, records.youngPeople, mergeUploaded),
    planUpserts(ctx, models.relationshipModel, records.relationships, mergeUploaded),
    planUpserts(ctx, models.locationModel, records.locations, mergeUploaded),
    planUpserts(ctx, models.carerModel, records.carers, mergeUploadedCarer),
    planUpserts(ctx, models.sightingModel, records.sightings, mergeUploaded),
    planUpserts(ctx, models.concernModel, records.concerns, mergeUploaded),
  ]);
  const order: SheetName[] = ['young_people', 'relationships', 'locations', 'carers', 'sightings', 'concerns'];
  const counts = Object.fromEntries(
    order.flatMap((sheet, index) => (sheets[sheet] === undefined ? [] : [[sheet, plans[index]?.counts]])),
  );
  const { failed } = await writeGroups(
    ctx.client,
    plans.flatMap((plan) => plan.groups),
  );
  if (failed.length > 0) {
    await status('failed', { counts }, writing.version);
    throw new UnavailableError(`${failed.length} records of the ${week} upload could not be written; upload it again.`);
  }
  return status('completed', { counts, completedAt: now().toISOString() }, writing.version);
}

/** A hash of the sheets' names and contents, whatever order they came in. */
export function hashSheets(sheets: WeekSheets): string {
  const hash = createHash('sha256');
  for (const name of uploaded(sheets).sort()) {
    hash.update(`${name}\u0000${sheets[name] ?? ''}\u0000`);
  }
  return hash.digest('hex');
}

const uploaded = (sheets: WeekSheets) => SheetName.options.filter((sheet) => sheets[sheet] !== undefined);

/** A stable upload id (a UUID of version 8) for a partnership, a week and a content hash. */
export function uploadIdFor(partnershipId: string, week: string, contentSha256: string): string {
  const hex = createHash('sha256').update(`${partnershipId}|${week}|${contentSha256}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function knownRefs(store: MapStore, partnershipId: string): Promise<KnownRefs> {
  const refsOf = async (list: (cursor?: string) => Promise<{ items: { ref: string }[]; cursor?: string }>) => {
    const refs = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await list(cursor);
      for (const item of page.items) refs.add(item.ref);
      cursor = page.cursor;
    } while (cursor);
    return refs;
  };
  const page = (cursor?: string) => ({ limit: 500, ...(cursor ? { cursor } : {}) });
  const [youngPeople, locations] = await Promise.all([
    refsOf((cursor) => store.youngPeople.list(partnershipId, page(cursor))),
    refsOf((cursor) => store.locations.list(partnershipId, page(cursor))),
  ]);
  return { youngPeople, locations };
}
