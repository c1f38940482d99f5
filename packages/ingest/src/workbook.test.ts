import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SheetName } from '@peermap/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWeek } from './read-week';
import { csvTemplate, SHEET_COLUMNS, workbookOf } from './template';
import { readWorkbook } from './workbook';

const context = {
  partnershipId: 'demo',
  provenance: { recordedBy: 'chair-1', recordedAt: '2026-11-20T10:00:00.000Z' },
};

const demoCsv = (sheet: SheetName) =>
  readFileSync(join(import.meta.dirname, '../../local/demo/week-3', `${sheet}.csv`), 'utf8');

describe('workbooks', () => {
  it('give the same records as the same sheets uploaded as CSV', async () => {
    const csv = Object.fromEntries(SheetName.options.map((sheet) => [sheet, demoCsv(sheet)]));
    const rows = Object.fromEntries(
      SheetName.options.map((sheet) => [sheet, (parse(demoCsv(sheet), { bom: true }) as string[][]).slice(1)]),
    );
    const { tables, problems } = await readWorkbook(await workbookOf(rows));
    expect(problems).toEqual([]);
    const fromWorkbook = readWeek(tables, context);
    const fromCsv = readWeek(csv, context);
    expect(fromWorkbook.problems).toEqual([]);
    expect(fromWorkbook.records).toEqual(fromCsv.records);
  });

  it('read dates, numbers and true/false as the chair sees them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('young_people');
    sheet.addRow(['ref', 'display_name', 'date_of_birth', 'education_status']);
    sheet.addRow([1001, 'Sam T.', new Date(Date.UTC(2012, 2, 4)), 'attending']);
    const { tables } = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(tables.young_people?.rows[0]?.cells).toEqual({
      ref: '1001',
      display_name: 'Sam T.',
      date_of_birth: '2012-03-04',
      education_status: 'attending',
    });
  });

  it('read a line break typed in a cell (Alt+Enter) as a list separator, kept in notes, and refused in a name', async () => {
    const workbook = new ExcelJS.Workbook();
    const people = workbook.addWorksheet('young_people');
    people.addRow(['ref', 'display_name', 'date_of_birth', 'strengths']);
    people.addRow(['YP1', 'Sam T.', '2012-03-04', 'kind to his sister\nproud of art work']);
    people.addRow(['YP2', 'Ali\nB.', '2012-03-04', '']);
    const places = workbook.addWorksheet('locations');
    places.addRow(['ref', 'name', 'kind', 'latitude', 'longitude', 'source_agency', 'notes']);
    places.addRow([
      'LOC1',
      'Park',
      'park',
      51.5,
      -0.12,
      'police',
      { richText: [{ text: 'Gate open.\n' }, { text: 'Closed after dark.' }] },
    ]);
    const { tables } = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { records, problems } = readWeek(tables, context);
    expect(records.youngPeople.map((person) => person.strengths)).toEqual([
      ['kind to his sister', 'proud of art work'],
    ]);
    expect(records.locations[0]?.notes).toBe('Gate open.\nClosed after dark.');
    expect(problems.map(({ sheet, row, column }) => [sheet, row, column])).toEqual([
      ['young_people', 3, 'display_name'],
    ]);
  });

  it('refuse a formula, an unknown sheet and a file that is not a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('young_people');
    sheet.addRow(['ref', 'display_name', 'date_of_birth']);
    sheet.addRow(['YP1', { formula: 'HYPERLINK("http://x","click")', result: 'click' }, '2012-03-04']);
    workbook.addWorksheet('risk_scores');
    const { problems } = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(problems.map(({ sheet, row, column }) => [sheet, row, column])).toEqual([
      ['young_people', 2, 'B2'],
      ['workbook', 1, undefined],
    ]);
    const notAWorkbook = await readWorkbook(new TextEncoder().encode('ref,display_name\nYP1,Sam'));
    expect(notAWorkbook.problems).toEqual([expect.objectContaining({ sheet: 'workbook', row: 1 })]);
  });

  it('make a blank template with every sheet, its columns and the allowed values', async () => {
    const { tables, problems } = await readWorkbook(await workbookOf());
    expect(problems).toEqual([]);
    for (const sheet of SheetName.options) {
      expect(tables[sheet]?.header).toEqual(SHEET_COLUMNS[sheet]);
      expect(tables[sheet]?.rows).toEqual([]);
      expect(csvTemplate(sheet).trim().split(',')).toEqual(SHEET_COLUMNS[sheet]);
    }
  });
});

describe('cells that look like formulas', () => {
  it.each(['=1+1', '+44 7700', '-cmd', '@SUM(A1)'])('are refused in text: %s', (value) => {
    const { problems } = readWeek(
      { young_people: `ref,display_name,date_of_birth\nYP1,"${value}",2012-03-04` },
      context,
    );
    expect(problems).toEqual([expect.objectContaining({ row: 2, column: 'display_name' })]);
  });

  it('are fine where a number is expected, such as a longitude west of Greenwich', () => {
    const { problems } = readWeek(
      { locations: 'ref,name,kind,latitude,longitude,source_agency\nLOC1,Park,park,51.5,-0.12,police' },
      context,
    );
    expect(problems).toEqual([]);
  });
});
