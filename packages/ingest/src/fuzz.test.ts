import { SheetName } from '@peermap/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWeek } from './read-week';
import { SHEET_COLUMNS } from './template';
import { readWorkbook } from './workbook';

const context = {
  partnershipId: 'demo',
  provenance: { recordedBy: 'chair-1', recordedAt: '2026-11-20T10:00:00.000Z' },
};

/** Cells a chair might type, and worse: quotes, separators, formulas, control and wide characters. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    '"',
    '""',
    ',',
    ';',
    '\n',
    '\r\n',
    '=1+1',
    '@x',
    '-',
    'yes',
    'no',
    '2026-02-30',
    'YP1',
    '\u0000',
    '\uFEFF',
    '😀',
  ),
);

describe('the upload reader, given anything', () => {
  it('never throws on any text in any sheet: it answers with records or problems', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SheetName.options),
        fc.string({ unit: 'binary', maxLength: 400 }),
        (sheet, text) => {
          const reading = readWeek({ [sheet]: text }, context);
          expect(reading.problemCount).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('never throws on rows of odd cells under a real header', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SheetName.options),
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }),
        (sheet, rows) => {
          const csv = [
            SHEET_COLUMNS[sheet].join(','),
            ...rows.map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(',')),
          ].join('\n');
          const reading = readWeek({ [sheet]: csv }, context);
          for (const problem of reading.problems) expect(problem.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('never throws on a real workbook whose cells hold any kind of value', async () => {
    const value = fc.oneof(
      cell,
      fc.integer(),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SheetName.options),
        fc.array(fc.array(value, { maxLength: 12 }), { maxLength: 6 }),
        async (sheet, rows) => {
          const workbook = new ExcelJS.Workbook();
          const worksheet = workbook.addWorksheet(sheet);
          worksheet.addRow([...SHEET_COLUMNS[sheet]]);
          for (const row of rows) worksheet.addRow(row);
          const { tables } = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
          const reading = readWeek(tables, context);
          expect(reading.problemCount).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60, seed: 20261128 },
    );
  });

  it('answers any bytes sent as a workbook with a problem, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const { problems } = await readWorkbook(bytes);
        expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 100, seed: 20261128 },
    );
  });
});
