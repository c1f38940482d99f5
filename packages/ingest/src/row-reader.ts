import type { SheetName, UploadProblem } from '@peermap/domain';

/**
 * Reads the cells of one row into typed values, collecting a problem (sheet, row, column,
 * value, message) for every cell it cannot read instead of stopping at the first.
 */
export class RowReader {
  constructor(
    readonly sheet: SheetName | 'workbook',
    readonly rowNumber: number,
    private readonly cells: Readonly<Record<string, string>>,
    private readonly problems: UploadProblem[],
  ) {}

  /** Records a problem at a column of this row. */
  problem(column: string | undefined, message: string): void {
    const value = column === undefined || PRIVATE_COLUMNS.has(column) ? undefined : this.cells[column];
    this.problems.push(problemAt(this.sheet, this.rowNumber, { column, value, message }));
  }

  /**
   * The trimmed text of a cell; a blank cell is `undefined`. Text that a spreadsheet would
   * run as a formula (`=`, `+`, `-`, `@` first) is refused, so it can never reach an export.
   */
  text(column: string): string | undefined {
    const value = this.raw(column);
    if (value && FORMULA_START.test(value)) {
      this.problem(column, 'This cell starts like a spreadsheet formula (=, +, -, @). Write plain text.');
      return undefined;
    }
    return value;
  }

  private raw(column: string): string | undefined {
    const value = this.cells[column]?.trim();
    return value ? value : undefined;
  }

  /** Like `text`, but a blank cell is a problem. */
  required(column: string): string {
    if (this.raw(column) === undefined) {
      this.problem(column, 'This cell is required.');
      return '';
    }
    return this.text(column) ?? '';
  }

  /** `yes` or `no` (any case); blank is `fallback` when one is given, else a problem. */
  yesNo(column: string, fallback?: boolean): boolean {
    const value = this.text(column)?.toLowerCase();
    if (value === 'yes') return true;
    if (value === 'no') return false;
    if (value === undefined && fallback !== undefined) return fallback;
    this.problem(column, value === undefined ? 'This cell is required: write yes or no.' : 'Write yes or no.');
    return fallback ?? false;
  }

  /** A number; blank is `undefined`. */
  number(column: string): number | undefined {
    const value = this.raw(column);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || !/^[-+]?\d+(\.\d+)?$/.test(value)) {
      this.problem(column, 'Write a number, such as 2 or 51.1298.');
      return undefined;
    }
    return parsed;
  }

  /** A `;`-separated list, each entry trimmed; blank is an empty list. */
  list(column: string): string[] {
    return (this.text(column) ?? '')
      .split(';')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Columns whose values a problem report never repeats: carers' contact details and notes. */
const PRIVATE_COLUMNS = new Set(['phone', 'email', 'safety_note', 'access_needs']);

/**
 * A problem as the report keeps it: column, value and message cut to the lengths the upload
 * record holds, so one enormous cell cannot break the report about itself.
 */
export function problemAt(
  sheet: SheetName | 'workbook',
  row: number,
  { column, value, message }: { column?: string | undefined; value?: string | undefined; message: string },
): UploadProblem {
  return {
    sheet,
    row,
    ...(column === undefined ? {} : { column: clip(column, 80) }),
    ...(value ? { value: clip(value, 200) } : {}),
    message: clip(message, 500),
  };
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
