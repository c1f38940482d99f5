import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from './safe';

export type Cell = string | number | boolean | undefined;

/**
 * RFC 4180 CSV (with a header row, CRLF line ends) whose every text cell is neutralised and
 * every cell quoted, so a spreadsheet that splits on semicolons still sees one cell.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (value: Cell) =>
    typeof value === 'string' ? neutraliseCell(value) : value === undefined ? '' : String(value);
  return stringify([header.map(cell), ...rows.map((row) => row.map(cell))], {
    record_delimiter: 'windows',
    quoted: true,
  });
}
