import * as z from 'zod';
import { IsoWeek, PartnershipId, RecordId, ShortText, Timestamp, Version } from './primitives';

/** The sheets of the weekly mapping workbook, by file name without `.csv`. */
export const SheetName = z.enum(['young_people', 'relationships', 'locations', 'carers', 'sightings', 'concerns']);
export type SheetName = z.infer<typeof SheetName>;

/**
 * How many of an upload's problems each place holds (the total is always counted): a check
 * lists the first 500, an upload record keeps the first 100 (an item stays well under
 * DynamoDB's 400 KB), and a refusal's `errors` names the first 50 (the rest are in its details).
 */
export const UPLOAD_PROBLEMS = { listed: 500, kept: 100, named: 50 } as const;

/** One problem found in an uploaded sheet, pointing where the chair sees it in Excel. */
export const UploadProblem = z.strictObject({
  /** The sheet, or `workbook` for a problem with the file as a whole. */
  sheet: z.union([SheetName, z.literal('workbook')]),
  /** The spreadsheet row: the header is row 1, the first record row 2. */
  row: z.number().int().min(1),
  column: z.string().max(80).optional(),
  value: z.string().max(200).optional(),
  message: z.string().max(500),
});
export type UploadProblem = z.infer<typeof UploadProblem>;

const SheetCounts = z.strictObject({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

export const UploadStatus = z.enum(['received', 'writing', 'completed', 'failed', 'rejected']);
export type UploadStatus = z.infer<typeof UploadStatus>;

/**
 * One weekly upload: who sent what for which week, the hash that makes a repeat of the
 * same content a no-op, and what it changed per sheet.
 */
export const UploadRecord = z.strictObject({
  id: RecordId,
  partnershipId: PartnershipId,
  week: IsoWeek,
  status: UploadStatus,
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  sheets: z.array(SheetName),
  /** What the upload created, changed or left as it was in the shared map, per sheet. */
  counts: z.partialRecord(SheetName, SheetCounts),
  /**
   * Rows of restricted police intelligence the upload carried: handed to police's own layer,
   * added where police held nothing for them and never changing what they hold. Whether each
   * was new is not said, since that would tell what police hold.
   */
  restrictedReceived: z.number().int().positive().optional(),
  /** How many problems were found; `problems` holds at most the first few hundred. */
  problemCount: z.number().int().nonnegative(),
  problems: z.array(UploadProblem).max(UPLOAD_PROBLEMS.listed),
  uploadedBy: ShortText(128),
  createdAt: Timestamp,
  completedAt: Timestamp.optional(),
  /** Why a `failed` upload did not complete, and what to do about it. */
  failureReason: z.string().max(500).optional(),
  version: Version,
});
export type UploadRecord = z.infer<typeof UploadRecord>;

export const UploadSlotStatus = z.enum(['waiting', 'processing', 'completed', 'rejected', 'failed']);
export type UploadSlotStatus = z.infer<typeof UploadSlotStatus>;

/**
 * A place for one large upload: the workbook goes straight to file storage (S3 in AWS), and
 * is then processed in the background with the same checks and idempotency as every upload.
 */
export const UploadSlot = z.strictObject({
  id: RecordId,
  partnershipId: PartnershipId,
  week: IsoWeek,
  status: UploadSlotStatus,
  uploadedBy: ShortText(128),
  /** The upload the workbook became, once processed. */
  uploadId: RecordId.optional(),
  problemCount: z.number().int().nonnegative().optional(),
  /** Why the file was refused before it was read (larger than a large upload may send). */
  refusal: z.string().max(500).optional(),
  /** Why a `failed` slot did not complete, and what to do about it. */
  failureReason: z.string().max(500).optional(),
  createdAt: Timestamp,
  /** The file must arrive before this; the slot then serves only its history. */
  sendBy: Timestamp,
  version: Version,
});
export type UploadSlot = z.infer<typeof UploadSlot>;
