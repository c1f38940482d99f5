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

/**
 * Many points (by their index) filed by the cell of an area they sit in, built in two passes
 * with no allocation per point: the dots of a frame, rebuilt on every move of the camera.
 * Points outside the area are left out.
 */
export class PointGrid {
  private readonly start: Int32Array;
  private readonly order: Int32Array;
  private readonly columns: number;
  private readonly rows: number;

  constructor(
    points: readonly { x: number; y: number }[],
    private readonly area: Box,
    private readonly cellSize: number,
  ) {
    this.columns = Math.max(1, Math.ceil(area.width / cellSize));
    this.rows = Math.max(1, Math.ceil(area.height / cellSize));
    const cellOf = new Int32Array(points.length);
    const counts = new Int32Array(this.columns * this.rows + 1);
    points.forEach((p, i) => {
      const cell = this.cellAt(p.x, p.y);
      cellOf[i] = cell;
      if (cell >= 0) counts[cell + 1] = (counts[cell + 1] ?? 0) + 1;
    });
    for (let cell = 1; cell < counts.length; cell += 1) counts[cell] = (counts[cell] ?? 0) + (counts[cell - 1] ?? 0);
    this.start = counts.slice();
    this.order = new Int32Array(counts[counts.length - 1] ?? 0);
    cellOf.forEach((cell, i) => {
      if (cell < 0) return;
      this.order[counts[cell] ?? 0] = i;
      counts[cell] = (counts[cell] ?? 0) + 1;
    });
  }

  /** Whether any point whose centre is in the cells the box touches passes the test. */
  some(box: Box, test: (index: number) => boolean): boolean {
    const column = (x: number) =>
      Math.min(this.columns - 1, Math.max(0, Math.floor((x - this.area.left) / this.cellSize)));
    const row = (y: number) => Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.area.top) / this.cellSize)));
    for (let y = row(box.top); y <= row(box.top + box.height); y += 1) {
      for (let x = column(box.left); x <= column(box.left + box.width); x += 1) {
        const cell = y * this.columns + x;
        const end = this.start[cell + 1] ?? 0;
        for (let k = this.start[cell] ?? 0; k < end; k += 1) if (test(this.order[k] ?? 0)) return true;
      }
    }
    return false;
  }

  private cellAt(x: number, y: number): number {
    const column = Math.floor((x - this.area.left) / this.cellSize);
    const row = Math.floor((y - this.area.top) / this.cellSize);
    return column < 0 || row < 0 || column >= this.columns || row >= this.rows ? -1 : row * this.columns + column;
  }
}
