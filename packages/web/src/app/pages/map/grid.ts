/**
 * Things on the map filed by the square cells their boxes touch, so that "is anything here?" looks
 * at a few cells instead of at everything: what keeps the layout and the names fast on a week of
 * tens of thousands of young people.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Cells are numbered from this far below zero, so a cell's key is one whole number. */
const OFFSET = 2 ** 20;
const SPAN = 2 ** 21;

export class SpatialGrid<T> {
  private readonly cells = new Map<number, T[]>();
  private readonly cellSize: number;

  constructor(cellSize: number) {
    this.cellSize = cellSize > 0 && Number.isFinite(cellSize) ? cellSize : 1;
  }

  add(item: T, box: Box): void {
    this.eachCell(box, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(item);
      else this.cells.set(key, [item]);
    });
  }

  /**
   * Whether any item filed in the cells the box touches passes the test (an item in several
   * cells may be tested more than once).
   */
  some(box: Box, test: (item: T) => boolean): boolean {
    // Asked thousands of times a frame: plain loops, no callbacks between cells.
    const [left, right] = [this.cellOf(box.left), this.cellOf(box.left + box.width)];
    const [top, bottom] = [this.cellOf(box.top), this.cellOf(box.top + box.height)];
    for (let x = left; x <= right; x += 1) {
      for (let y = top; y <= bottom; y += 1) {
        const cell = this.cells.get((x + OFFSET) * SPAN + (y + OFFSET));
        if (cell?.some(test)) return true;
      }
    }
    return false;
  }

  /** Each item filed in the cells the box touches, once. */
  near(box: Box): Set<T> {
    const items = new Set<T>();
    this.eachCell(box, (key) => {
      for (const item of this.cells.get(key) ?? []) items.add(item);
    });
    return items;
  }

  private eachCell(box: Box, visit: (key: number) => void): void {
    const [left, right] = [this.cellOf(box.left), this.cellOf(box.left + box.width)];
    const [top, bottom] = [this.cellOf(box.top), this.cellOf(box.top + box.height)];
    for (let x = left; x <= right; x += 1) {
      for (let y = top; y <= bottom; y += 1) visit((x + OFFSET) * SPAN + (y + OFFSET));
    }
  }

  private cellOf(at: number): number {
    return Math.min(OFFSET - 1, Math.max(-OFFSET, Math.floor(at / this.cellSize)));
  }
}

/** The square box of the given half-width around a point. */
export const squareAround = (x: number, y: number, reach: number): Box => ({
  left: x - reach,
  top: y - reach,
  width: 2 * reach,
  height: 2 * reach,
});
