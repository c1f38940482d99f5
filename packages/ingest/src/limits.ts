import { setImmediate as nextTurn } from 'node:timers/promises';
import { LimitExceededError, type SheetName } from '@peermap/domain';
import * as z from 'zod';

const MiB = 1024 * 1024;

/**
 * What one upload may hold. The defaults fit the largest real partnership (about 10,000 young
 * people, 50,000 relationships, 15,000 carers and tens of thousands of sightings and concerns
 * a week: a 4.5 MB workbook of 135,000 rows that unpacks to 49 MB) with room to spare, and
 * keep the memory that reading takes bounded whatever a file holds or claims to hold.
 */
export const UploadLimits = z.object({
  workbookEntries: z
    .number()
    .int()
    .positive()
    .default(1_000)
    .describe('Files inside one workbook (an .xlsx is a zip; Excel writes 10-30)'),
  workbookBytes: z
    .number()
    .int()
    .positive()
    .default(256 * MiB)
    .describe(
      'Bytes a workbook holds once unpacked, counted as it is unpacked (the largest real map: 49 MB); its own table of contents is checked first and not trusted',
    ),
  workbookCells: z
    .number()
    .int()
    .positive()
    .default(4_000_000)
    .describe('Cells in all the worksheets of a workbook (the largest real map: about 1.4 million)'),
  sheetRows: z
    .number()
    .int()
    .positive()
    .default(100_000)
    .describe('Rows below the header on one sheet (the largest real sheet: 50,000 relationships)'),
  uploadRows: z
    .number()
    .int()
    .positive()
    .default(300_000)
    .describe('Rows below the headers of all the sheets of one upload (the largest real map: 135,000)'),
  cellCharacters: z
    .number()
    .int()
    .positive()
    .default(32_767)
    .describe('Characters in one cell: as many as Excel itself keeps in a cell'),
  largeUploadBytes: z
    .number()
    .int()
    .positive()
    .default(50 * MiB)
    .describe(
      'Bytes of the file a large upload sends, as stored, before anything is read (the largest real workbook: 4.5 MB); storage takes far larger files, so the processor refuses them unread',
    ),
  synchronousRows: z
    .number()
    .int()
    .positive()
    .default(25_000)
    .describe(
      'Rows of all the sheets of one upload that POST /v1/uploads checks and writes within API Gateway’s 30 s; a larger upload goes through POST /v1/uploads/large',
    ),
});
export type UploadLimits = z.infer<typeof UploadLimits>;

/** The limits as set by default. */
export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze(UploadLimits.parse({}));

const SPLIT = 'split it into smaller uploads (rows are never deleted by an upload, so each part adds to the map).';
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const LARGE =
  'Send it as a workbook through a large upload instead (POST /v1/uploads/large; in the web app, a large file goes that way).';

/** What each limit's refusal says: what was found and what to do. */
const REFUSALS: Record<keyof UploadLimits, (allowed: string, sheet: string) => string> = {
  workbookEntries: (allowed) =>
    `The workbook holds more than ${allowed} files, more than a workbook may. Save the mapping sheets alone in a new workbook ("Excel Workbook"), or send them as CSV files.`,
  workbookBytes: (allowed) =>
    `Unpacked, the workbook is larger than the ${allowed} a workbook may be. Keep only the mapping sheets in it (no pictures or other sheets), or ${SPLIT}`,
  workbookCells: (allowed) =>
    `The workbook has more than ${allowed} cells, more than a workbook may. Clear the cells outside the mapping columns (formatting counts too), or ${SPLIT}`,
  sheetRows: (allowed, sheet) =>
    `${sheet} has more than ${allowed} rows below its header, more than a sheet may. ${capitalised(SPLIT)}`,
  uploadRows: (allowed) =>
    `The upload has more than ${allowed} rows in all, more than an upload may. ${capitalised(SPLIT)}`,
  cellCharacters: (allowed, sheet) =>
    `A cell of ${sheet} holds more than ${allowed} characters, more than a cell may (Excel keeps no more). Shorten it: a note can say where the full text is kept.`,
  largeUploadBytes: (allowed) =>
    `The workbook is larger than the ${allowed} a large upload may send. Keep only the mapping sheets in it (no pictures or other sheets), or ${SPLIT}`,
  synchronousRows: (allowed) =>
    `The upload has more than ${allowed} rows in all, more than can be checked and saved within one request. ${LARGE}`,
};

/** The refusal for one limit, naming it, its value and what to do. */
export function overLimit(limit: keyof UploadLimits, limits: UploadLimits, sheet?: SheetName): LimitExceededError {
  const allowed = limits[limit];
  const where = sheet ? `The sheet ${sheet}` : 'A sheet';
  const shown = limit.endsWith('Bytes') ? `${Math.round(allowed / MiB)} MB` : allowed.toLocaleString('en-GB');
  const text = REFUSALS[limit](shown, limit === 'cellCharacters' ? (sheet ?? 'the workbook') : where);
  return new LimitExceededError(limit, allowed, `${text} (limit: ${limit})`);
}

/**
 * Counts what an upload holds against its limits, across all its sheets, and throws the
 * refusal the moment a count passes one. `synchronous` adds the limit of the request route.
 */
export class UploadCounter {
  private rows = 0;
  private cells = 0;

  constructor(
    readonly limits: UploadLimits,
    readonly synchronous: boolean,
  ) {}

  /** One more row below a header; `rowsOfSheet` is how many the sheet has so far. */
  row(rowsOfSheet: number, sheet?: SheetName): void {
    this.rows++;
    if (this.synchronous && this.rows > this.limits.synchronousRows) throw overLimit('synchronousRows', this.limits);
    if (rowsOfSheet > this.limits.sheetRows) throw overLimit('sheetRows', this.limits, sheet);
    if (this.rows > this.limits.uploadRows) throw overLimit('uploadRows', this.limits);
  }

  /** One more cell of a workbook. */
  cell(): void {
    if (++this.cells > this.limits.workbookCells) throw overLimit('workbookCells', this.limits);
  }

  /** A cell's text, by its length in characters. */
  cellText(characters: number, sheet?: SheetName): void {
    if (characters > this.limits.cellCharacters) throw overLimit('cellCharacters', this.limits, sheet);
  }
}

/** How many rows a check reads before it lets other work (a concurrent request) run. */
export const ROWS_PER_TURN = 500;

/** Lets the event loop serve whatever is waiting (timers, I/O, other requests) before going on. */
export function letOthersRun(): Promise<void> {
  return nextTurn();
}
