import { Readable } from 'node:stream';
import type { SheetName, UploadProblem } from '@peermap/domain';
import { CsvError, parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { letOthersRun, ROWS_PER_TURN, type UploadCounter } from './limits';
import { problemAt } from './row-reader';

/** A sheet's rows as the chair typed them: each cell a string, each row with its Excel row number. */
export interface SheetTable {
  readonly header: string[];
  readonly rows: {
    readonly rowNumber: number;
    readonly cells: Readonly<Record<string, string>>;
    /** How many cells the row has; more than the header has columns is a problem. */
    readonly width: number;
  }[];
}

const CSV_OPTIONS = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
};

/**
 * Reads one CSV sheet (UTF-8, optional byte-order mark, comma, RFC 4180 quoting, CRLF or LF
 * line ends, even mixed). A file that cannot be read as CSV comes back as one problem that
 * says where, never as an exception.
 */
export function readCsv(sheet: SheetName, text: string): SheetTable | UploadProblem {
  try {
    return tableOf(parse(text, CSV_OPTIONS));
  } catch (error) {
    return unreadable(sheet, error);
  }
}

/** Characters fed to the parser at a time: a few thousand rows. */
const SLICE = 64 * 1024;

/**
 * `readCsv` for an upload: parsed as a stream, a slice at a time, letting other work run every
 * `ROWS_PER_TURN` rows, and counted against the upload's limits as it goes, so a sheet too
 * large is refused (`LimitExceededError`) at the row that passes the limit, not after it is read.
 */
export async function readCsvInTurns(
  sheet: SheetName,
  text: string,
  counter: UploadCounter,
): Promise<SheetTable | UploadProblem> {
  const slices = function* () {
    for (let start = 0; start < text.length; start += SLICE) yield text.slice(start, start + SLICE);
  };
  const parser = Readable.from(slices()).pipe(parseStream(CSV_OPTIONS));
  let header: string[] | undefined;
  const rows: SheetTable['rows'][number][] = [];
  let rowNumber = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      for (const cell of record) counter.cellText(cell.length, sheet);
      if (!header) {
        header = record.map((name) => name.trim());
        continue;
      }
      rowNumber++;
      counter.row(rowNumber - 1, sheet);
      const row = rowOf(header, record, rowNumber);
      if (row) rows.push(row);
      if (rowNumber % ROWS_PER_TURN === 0) await letOthersRun();
    }
  } catch (error) {
    return unreadable(sheet, error);
  } finally {
    parser.destroy();
  }
  return { header: header ?? [], rows };
}

function unreadable(sheet: SheetName, error: unknown): UploadProblem {
  if (!(error instanceof CsvError)) throw error;
  const reported: unknown = error['lines'];
  const line = typeof reported === 'number' && reported > 0 ? reported : 1;
  return problemAt(sheet, line, {
    message: `The file could not be read as CSV (${error.message.replace(/^Invalid [^:]*: /, '')}). Save it again as "CSV UTF-8".`,
  });
}

function tableOf(records: string[][]): SheetTable {
  const [header = [], ...body] = records;
  const names = header.map((name) => name.trim());
  return {
    header: names,
    rows: body.flatMap((cells, index) => rowOf(names, cells, index + 2) ?? []),
  };
}

/** A row by column name, unless every cell of it is blank. */
function rowOf(header: string[], cells: string[], rowNumber: number): SheetTable['rows'][number] | undefined {
  const named = Object.fromEntries(header.map((name, column) => [name, cells[column] ?? '']));
  return Object.values(named).some((value) => value.trim() !== '')
    ? { rowNumber, cells: named, width: cells.length }
    : undefined;
}
