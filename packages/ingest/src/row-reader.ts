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

  /** Columns of this row with a problem already: a cell read twice is reported once. */
  private readonly reported = new Set<string>();

  /** Records a problem at a column of this row (the first only, for a column). */
  problem(column: string | undefined, message: string): void {
    if (column !== undefined) {
      if (this.reported.has(column)) return;
      this.reported.add(column);
    }
    const value = column === undefined || PRIVATE_COLUMNS.has(column) ? undefined : this.cells[column];
    this.problems.push(problemAt(this.sheet, this.rowNumber, { column, value, message }));
  }

  /**
   * The trimmed text of a one-line cell (a name, a ref, a code, a date); a blank cell is
   * `undefined`. A line break in it is refused: typed with Alt+Enter, it is not part of a
   * name. So is text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first),
   * so it can never reach an export.
   */
  text(column: string): string | undefined {
    const value = this.checked(column);
    if (value && LINE_BREAK.test(value)) {
      this.problem(
        column,
        'This cell has a line break in it (Alt+Enter in Excel), but it takes one line: remove the line break.',
      );
      return undefined;
    }
    return value;
  }

  /** The text of a free-text cell (notes), its line breaks kept, each written as `\n`. */
  freeText(column: string): string | undefined {
    return this.checked(column)?.replace(/\r\n?/g, '\n');
  }

  /**
   * A list: entries separated by `;` or by line breaks (Alt+Enter in Excel), each trimmed,
   * blank entries dropped; a blank cell is an empty list.
   */
  list(column: string): string[] {
    return (this.checked(column) ?? '')
      .split(LIST_SEPARATOR)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }

  /**
   * A short text whose lines are its parts (access needs written one to a line): the lines
   * joined with `; ` as they would be typed on one line.
   */
  joinedLines(column: string): string | undefined {
    const lines = (this.checked(column) ?? '')
      .split(LINE_BREAK)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    return lines.length > 0 ? lines.join('; ') : undefined;
  }

  /** The trimmed text of a cell as it is, checked for nothing: for quoting it back in a problem. */
  value(column: string): string | undefined {
    const value = this.cells[column]?.trim();
    return value ? value : undefined;
  }

  /** The cell's text, unless it starts like a formula. */
  private checked(column: string): string | undefined {
    const value = this.value(column);
    if (value && FORMULA_START.test(value)) {
      this.problem(column, 'This cell starts like a spreadsheet formula (=, +, -, @). Write plain text.');
      return undefined;
    }
    return value;
  }

  /** Like `text`, but a blank cell is a problem. */
  required(column: string): string {
    if (this.value(column) === undefined) {
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
    const value = this.value(column);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || !/^[-+]?\d+(\.\d+)?$/.test(value)) {
      this.problem(column, 'Write a number, such as 2 or 51.1298.');
      return undefined;
    }
    return parsed;
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;
const LINE_BREAK = /\r\n|\r|\n/;
const LIST_SEPARATOR = /;|\r\n|\r|\n/;

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
