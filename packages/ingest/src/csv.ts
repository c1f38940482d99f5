import type { SheetName, UploadProblem } from '@peermap/domain';
import { CsvError, parse } from 'csv-parse/sync';

/** A sheet's rows as the chair typed them: each cell a string, each row with its Excel row number. */
export interface SheetTable {
  readonly header: string[];
  readonly rows: { readonly rowNumber: number; readonly cells: Readonly<Record<string, string>> }[];
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
      skip_empty_lines: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    return {
      sheet,
      row: typeof line === 'number' && line > 0 ? line : 1,
      message: `The file could not be read as CSV (${error.message.replace(/^Invalid [^:]*: /, '')}). Save it again as "CSV UTF-8".`,
    };
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
      .filter(({ cells }) => Object.values(cells).some((value) => value.trim() !== ''))
      .map(({ rowNumber, cells }) => ({ rowNumber, cells })),
  };
}
