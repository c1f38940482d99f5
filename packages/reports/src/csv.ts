import { stringify } from 'csv-stringify/sync';
import { markingLine } from './document';
import { neutraliseCell } from './safe';

export type Cell = string | number | boolean | undefined;

/**
 * RFC 4180 CSV (with a header row, CRLF line ends) whose every text cell is neutralised and
 * every cell quoted, so a spreadsheet that splits on semicolons still sees one cell. With a
 * marking, the first line is the marking and what the file is (skip one line to import it),
 * and any further handling note the file's content calls for.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  marking?: string,
  handlingNote?: string,
): string {
  const cell = (value: Cell) =>
    typeof value === 'string' ? neutraliseCell(value) : value === undefined ? '' : String(value);
  // The marking goes first, on a line of its own, so nobody opens the file without seeing it.
  const markingRow = marking ? [[cell([markingLine(marking), handlingNote].filter(Boolean).join(' '))]] : [];
  return stringify([...markingRow, header.map(cell), ...rows.map((row) => row.map(cell))], {
    record_delimiter: 'windows',
    quoted: true,
  });
}
