import { LimitExceededError } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { inflatingWorkbook } from './inflating-workbook.testing';
import { DEFAULT_UPLOAD_LIMITS, UploadCounter, type UploadLimits } from './limits';
import { readWeekInTurns } from './read-week';
import { workbookOf } from './template';
import { readWorkbook } from './workbook';

const counter = (limits: Partial<UploadLimits> = {}, synchronous = false) =>
  new UploadCounter({ ...DEFAULT_UPLOAD_LIMITS, ...limits }, synchronous);

/** The limit a reading was refused by, or what it read instead. */
async function refusal(reading: Promise<unknown>) {
  try {
    return { read: await reading };
  } catch (error) {
    if (!(error instanceof LimitExceededError)) throw error;
    return { limit: error.limit, allowed: error.allowed, message: error.message };
  }
}

const MB = 1024 * 1024;

describe('a workbook past the upload limits', () => {
  it('is refused from its directory when it says it unpacks past the limit', async () => {
    const bomb = inflatingWorkbook({ rows: 3, paddingBytes: 8 * MB });
    expect(await refusal(readWorkbook(bomb, counter({ workbookBytes: 4 * MB })))).toEqual({
      limit: 'workbookBytes',
      allowed: 4 * MB,
      message: expect.stringMatching(/larger than the 4 MB a workbook may be.*split it into smaller uploads/),
    });
  });

  it('is stopped as it unpacks when its directory understates what it holds', async () => {
    const liar = inflatingWorkbook({ rows: 3, paddingBytes: 64 * MB, declaredSheetBytes: 2_000 });
    const { tables, problems } = await readWorkbook(liar, counter({ workbookBytes: 4 * MB }));
    expect(tables).toEqual({});
    expect(problems).toEqual([
      expect.objectContaining({ sheet: 'workbook', row: 1, message: expect.stringMatching(/does not match/) }),
    ]);
  });

  it('is refused when one of its sheets has more rows than a sheet may', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => [`YP${index}`, 'Sam T.', '2012-03-04']);
    const workbook = await workbookOf({ young_people: rows });
    expect(await refusal(readWorkbook(workbook, counter({ sheetRows: 20 })))).toMatchObject({
      limit: 'sheetRows',
      allowed: 20,
    });
    expect(await refusal(readWorkbook(workbook, counter({ sheetRows: 30 })))).toMatchObject({
      read: { problems: [] },
    });
  });

  it('is refused for a cell longer than Excel keeps, in shared or inline strings', async () => {
    const inline = inflatingWorkbook({ rows: 2, longCellCharacters: DEFAULT_UPLOAD_LIMITS.cellCharacters + 1 });
    expect(await refusal(readWorkbook(inline))).toMatchObject({ limit: 'cellCharacters', allowed: 32_767 });
    // Two bytes each in UTF-8, one character each in a cell.
    const shared = await workbookOf({ young_people: [['YP1', 'é'.repeat(300), '2012-03-04']] });
    expect(await refusal(readWorkbook(shared, counter({ cellCharacters: 299 })))).toMatchObject({
      limit: 'cellCharacters',
    });
    expect(await refusal(readWorkbook(shared, counter({ cellCharacters: 300 })))).toMatchObject({
      read: { problems: [] },
    });
  });

  it('is refused for too many files or cells, or rows for a request', async () => {
    const rows = Array.from({ length: 10 }, (_, index) => [`YP${index}`, 'Sam T.', '2012-03-04']);
    const workbook = await workbookOf({ young_people: rows });
    expect(await refusal(readWorkbook(workbook, counter({ workbookEntries: 3 })))).toMatchObject({
      limit: 'workbookEntries',
    });
    expect(await refusal(readWorkbook(workbook, counter({ workbookCells: 20 })))).toMatchObject({
      limit: 'workbookCells',
    });
    expect(await refusal(readWorkbook(workbook, counter({ synchronousRows: 9 }, true)))).toMatchObject({
      limit: 'synchronousRows',
      message: expect.stringMatching(/POST \/v1\/uploads\/large/),
    });
    expect(await refusal(readWorkbook(workbook, counter({ synchronousRows: 9 }, false)))).toMatchObject({
      read: { problems: [] },
    });
  });

  it('gives the default limits a name, a value and what they are for', () => {
    expect(DEFAULT_UPLOAD_LIMITS).toEqual({
      workbookEntries: 1_000,
      workbookBytes: 256 * MB,
      workbookCells: 4_000_000,
      sheetRows: 100_000,
      uploadRows: 300_000,
      cellCharacters: 32_767,
      largeUploadBytes: 50 * MB,
      synchronousRows: 25_000,
    });
  });
});

describe('checking a large sheet', () => {
  it('lets other work run before it has finished', async () => {
    const rows = Array.from({ length: 5_000 }, (_, index) => `YP${index},Sam T.,2012-03-04`);
    const sheets = { young_people: `ref,display_name,date_of_birth\n${rows.join('\n')}` };
    let finished = false;
    let ranMeanwhile = false;
    const reading = readWeekInTurns(sheets, {
      partnershipId: 'demo',
      provenance: { recordedBy: 'chair-1', recordedAt: '2026-11-20T10:00:00.000Z' },
    }).then((result) => {
      finished = true;
      return result;
    });
    setImmediate(() => {
      ranMeanwhile = !finished;
    });
    const { records, problems } = await reading;
    expect(problems).toEqual([]);
    expect(records.youngPeople).toHaveLength(5_000);
    expect(ranMeanwhile).toBe(true);
  });
});
