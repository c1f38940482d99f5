import { Readable } from 'node:stream';
import { SheetName, type UploadProblem } from '@peermap/domain';
import type ExcelJS from 'exceljs';
import type { SheetTable } from './csv';
import { Workbook } from './excel-workbook';
import { DEFAULT_UPLOAD_LIMITS, UploadCounter } from './limits';
import { problemAt } from './row-reader';
import { checkWorkbookLimits, NOT_A_WORKBOOK } from './workbook-limits';

/** Sheets a template carries for the chair's help, which an upload may bring back unchanged. */
const HELP_SHEETS = new Set(['allowed_values', 'read_me']);

export interface WorkbookReading {
  tables: Partial<Record<SheetName, SheetTable>>;
  problems: UploadProblem[];
}

/**
 * Reads an XLSX workbook (exceljs) into the same tables a CSV upload gives: one per sheet
 * named like a sheet of the format, every cell as the text the chair sees (dates as
 * `YYYY-MM-DD`, true/false as yes/no), rows numbered as Excel numbers them. A file that is
 * not a workbook, an unknown sheet or a formula comes back as a problem, never an exception.
 * exceljs has no limits of its own, so the zip is checked against the upload's limits first
 * (`checkWorkbookLimits`): a workbook past one is refused with `LimitExceededError`.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  counter: UploadCounter = new UploadCounter(DEFAULT_UPLOAD_LIMITS, false),
): Promise<WorkbookReading> {
  const unsafe = await checkWorkbookLimits(bytes, counter);
  if (unsafe) return { tables: {}, problems: [unsafe] };
  const workbook = new Workbook();
  try {
    await workbook.xlsx.read(Readable.from([Buffer.from(bytes)]));
  } catch {
    return { tables: {}, problems: [problemAt('workbook', 1, { message: NOT_A_WORKBOOK })] };
  }
  const tables: Partial<Record<SheetName, SheetTable>> = {};
  const problems: UploadProblem[] = [];
  workbook.eachSheet((worksheet) => {
    const name = worksheet.name
      .trim()
      .toLowerCase()
      .replace(/\.csv$/, '');
    const sheet = SheetName.safeParse(name);
    if (!sheet.success) {
      if (!HELP_SHEETS.has(name)) {
        problems.push(
          problemAt('workbook', 1, {
            value: worksheet.name,
            message: `The workbook has a sheet "${worksheet.name}" that is not part of the format. Its sheets are: ${SheetName.options.join(', ')}.`,
          }),
        );
      }
      return;
    }
    if (tables[sheet.data]) {
      problems.push(
        problemAt('workbook', 1, {
          value: worksheet.name,
          message: `Two worksheets are both "${sheet.data}": keep one.`,
        }),
      );
      return;
    }
    tables[sheet.data] = tableOf(sheet.data, worksheet, problems);
  });
  return { tables, problems };
}

function tableOf(sheet: SheetName, worksheet: ExcelJS.Worksheet, problems: UploadProblem[]): SheetTable {
  const header = cellsOf(sheet, worksheet.getRow(1), problems).map((name) => name.trim());
  const rows: SheetTable['rows'][number][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = cellsOf(sheet, row, problems);
    const width = cells.reduce((last, value, index) => (value.trim() === '' ? last : index + 1), 0);
    const named = Object.fromEntries(header.map((name, column) => [name, cells[column] ?? '']));
    if (Object.values(named).some((value) => value.trim() !== '') || width > header.length) {
      rows.push({ rowNumber, cells: named, width });
    }
  });
  return { header, rows };
}

/** The text of each cell of a row, by column position (A is 0). */
function cellsOf(sheet: SheetName, row: ExcelJS.Row, problems: UploadProblem[]): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cells[column - 1] = textOf(cell.value, () =>
      problems.push(
        problemAt(sheet, row.number, {
          column: cell.address,
          message: 'This cell holds a formula. Paste its value instead (Paste Special, Values).',
        }),
      ),
    );
  });
  return Array.from(cells, (value) => value ?? '');
}

function textOf(value: ExcelJS.CellValue, formula: () => void): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dayOf(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if ('formula' in value || 'sharedFormula' in value) {
    formula();
    return '';
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return '';
}

/** A date cell as the day it shows; one holding a number no calendar has becomes text the date check refuses. */
function dayOf(value: Date): string {
  return Number.isNaN(value.getTime()) ? 'not a date' : value.toISOString().slice(0, 10);
}
