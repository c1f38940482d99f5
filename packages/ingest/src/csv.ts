import type { SheetName, UploadProblem } from '@peermap/domain';
import { CsvError, parse } from 'csv-parse/sync';
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

/**
 * Reads one CSV sheet (UTF-8, optional byte-order mark, comma, RFC 4180 quoting, CRLF or LF
 * line ends, even mixed). A file that cannot be read as CSV comes back as one problem that
 * says where, never as an exception.
 */
export function readCsv(sheet: SheetName, text: string): SheetTable | UploadProblem {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const reported: unknown = error['lines'];
    const line = typeof reported === 'number' && reported > 0 ? reported : 1;
    return problemAt(sheet, line, {
      message: `The file could not be read as CSV (${error.message.replace(/^Invalid [^:]*: /, '')}). Save it again as "CSV UTF-8".`,
    });
  }
  const [header = [], ...body] = records;
  const names = header.map((name) => name.trim());
  return {
    header: names,
    rows: body
      .map((cells, index) => ({
        rowNumber: index + 2,
        cells: Object.fromEntries(names.map((name, column) => [name, cells[column] ?? ''])),
        width: cells.length,
      }))
      .filter(({ cells }) => Object.values(cells).some((value) => value.trim() !== '')),
  };
}
