/** A table as a paper prints it: a header row, its rows, and what its columns count. */
export interface PaperTable {
  header: string[];
  rows: string[][];
  /** Printed under the table: what a column counts when its heading alone cannot say. */
  note?: string;
}

/** A cell this short (a date, a status, "the whole group (16)") reads badly broken: its column keeps it whole. */
const KEEP_WHOLE = 20;
/** What a cell's margins and borders take, in ems of the table's text. */
const PADDING = 1.2;
/** Past this width a cell wraps anyway: a longer one asks no more room. */
const ENOUGH = 32;
/** How many ems of the papers' table text (9 pt) fit across an A4 page inside its margins (18 cm). */
const LINE = 56;

/** Arial's (and Liberation Sans') advance widths, in ems, by kind of character: near enough to size a column. */
function charWidth(char: string): number {
  if (/[ijlfrtI.,:;'|()[\]!\s]/.test(char)) return 0.3;
  if (/[mwMW]/.test(char)) return 0.85;
  if (/[A-Z]/.test(char)) return 0.68;
  if (/[0-9]/.test(char)) return 0.556;
  return 0.53;
}

/** How wide a run of text prints, in ems. */
export const widthOf = (text: string): number => [...text].reduce((sum, char) => sum + charWidth(char), 0);

/** Words as a line breaks them: at spaces and line ends, never at a no-break space. */
const longestWord = (text: string) => Math.max(0, ...text.split(/[ \n\t]+/).map(widthOf));
const lines = (text: string) => text.split('\n');
const longestLine = (text: string) => Math.max(0, ...lines(text).map(widthOf));

/** The least room a cell needs across: all of a short cell, the longest word of a long one. */
const narrowest = (text: string) =>
  lines(text).every((line) => line.length <= KEEP_WHOLE) ? longestLine(text) : longestWord(text);

/**
 * Each column's share of the table's width, from what it holds: every column gets at least
 * its longest word (and short cells such as "3 December 2026" whole), and what is left goes
 * to the columns with long text, in proportion to how much more they would take. A table of
 * short columns shares the width as its text does. The shares add up to 1.
 */
export function columnShares(table: Pick<PaperTable, 'header' | 'rows'>): number[] {
  const columns = table.header.map((heading, index) => [heading, ...table.rows.map((row) => row[index] ?? '')]);
  // A heading may wrap between its words: a column of small numbers is not widened to its heading.
  const least = columns.map(
    ([heading = '', ...cells]) => PADDING + Math.max(2, longestWord(heading), ...cells.map(narrowest)),
  );
  const wanted = columns.map((cells, index) =>
    Math.max(least[index] ?? 0, PADDING + Math.min(ENOUGH, Math.max(...cells.map(longestLine)))),
  );
  const room = Math.max(LINE, sum(least));
  const widths =
    sum(wanted) <= room
      ? wanted
      : shareOut(
          least,
          wanted.map((width, index) => width - (least[index] ?? 0)),
          room,
        );
  const total = sum(widths);
  return widths.map((width) => width / total);
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Gives each column its least, then the rest of the room in proportion to what each still wants. */
function shareOut(least: readonly number[], more: readonly number[], room: number): number[] {
  const spare = room - sum(least);
  const moreTotal = sum(more) || 1;
  return least.map((width, index) => width + (spare * (more[index] ?? 0)) / moreTotal);
}
