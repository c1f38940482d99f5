import { type Box, PointGrid, SpatialGrid } from './grid';

/**
 * Which names the map writes, and where, so that no two names overlap and no name covers a young
 * person or a place: the most important first (the chosen young person and their links, then the
 * best-linked), each tried to the right of its dot, then left, below and above, and left out if
 * none is free. Zooming in makes room, so more names appear. All in screen pixels.
 */

export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  /** The dot's radius on screen. */
  r: number;
  width: number;
  height: number;
  /** Higher is written first. */
  priority: number;
}

export type { Box };

export interface PlacedLabel extends Box {
  id: string;
}

const GAP = 3;
/**
 * At most this many names are tried in a frame (the most important first). A screen holds a few
 * hundred names at most; trying thousands more would only slow every move of the camera.
 */
export const MOST_NAMES_TRIED = 1_500;
/** About a name's width: most boxes touch one to four cells. */
const CELL = 64;
/** Dots are many and small: finer cells, fewer dots looked at for each box. */
const DOT_CELL = 24;

export function pickLabels(
  candidates: readonly LabelCandidate[],
  options: { width: number; height: number; reserved?: readonly Box[] },
): PlacedLabel[] {
  // A dot off the screen can cover no name (names are written on the screen only), so dots are
  // filed over the screen and the width of the largest dot around it; a box is then checked
  // against the dots centred within that width of it.
  const widest = candidates.reduce((most, c) => Math.max(most, c.r), 0);
  const area = { left: -widest, top: -widest, width: options.width + 2 * widest, height: options.height + 2 * widest };
  const dots = new PointGrid(candidates, area, DOT_CELL);
  const coversDot = (box: Box, except: string) =>
    dots.some(grown(box, widest), (i) => {
      const d = candidates[i];
      return d !== undefined && d.id !== except && dotOverlaps(d, box);
    });
  const taken = new SpatialGrid<Box>(CELL);
  for (const box of options.reserved ?? []) taken.add(box, box);
  const placed: PlacedLabel[] = [];
  for (const c of mostImportant(candidates, options)) {
    const spot = spotsAround(c).find(
      (box) => inside(box, options) && !taken.some(box, (t) => overlaps(t, box)) && !coversDot(box, c.id),
    );
    if (!spot) continue;
    placed.push({ id: c.id, ...spot });
    taken.add(spot, spot);
  }
  return placed;
}

/**
 * The candidates on the screen, most important first, at most MOST_NAMES_TRIED of them. Only
 * those at or above the cut-off priority are sorted: a whole week of tens of thousands of young
 * people is not sorted on every frame.
 */
function mostImportant(
  candidates: readonly LabelCandidate[],
  screen: { width: number; height: number },
): LabelCandidate[] {
  const onScreen = candidates.filter((c) => c.x >= 0 && c.y >= 0 && c.x <= screen.width && c.y <= screen.height);
  const cutOff =
    onScreen.length > MOST_NAMES_TRIED
      ? (Float64Array.from(onScreen, (c) => -c.priority).sort()[MOST_NAMES_TRIED - 1] ?? 0) * -1
      : Number.NEGATIVE_INFINITY;
  return onScreen
    .filter((c) => c.priority >= cutOff)
    .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1))
    .slice(0, MOST_NAMES_TRIED);
}

const grown = (box: Box, by: number): Box => ({
  left: box.left - by,
  top: box.top - by,
  width: box.width + 2 * by,
  height: box.height + 2 * by,
});

function spotsAround(c: LabelCandidate): Box[] {
  const { width, height } = c;
  return [
    { left: c.x + c.r + GAP, top: c.y - height / 2, width, height },
    { left: c.x - c.r - GAP - width, top: c.y - height / 2, width, height },
    { left: c.x - width / 2, top: c.y + c.r + 1, width, height },
    { left: c.x - width / 2, top: c.y - c.r - 1 - height, width, height },
  ];
}

/** The same as overlaps with the dot's box, without making one (asked thousands of times a frame). */
function dotOverlaps(d: LabelCandidate, box: Box): boolean {
  return (
    d.x - d.r < box.left + box.width && box.left < d.x + d.r && d.y - d.r < box.top + box.height && box.top < d.y + d.r
  );
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

function inside(box: Box, area: { width: number; height: number }): boolean {
  return box.left >= 0 && box.top >= 0 && box.left + box.width <= area.width && box.top + box.height <= area.height;
}

/**
 * Group names must all be written, so where two would overlap (a small patch beside a big one)
 * the later is lifted above the earlier until it is clear.
 */
export function liftApart(boxes: readonly Box[]): Box[] {
  const placed = new SpatialGrid<Box>(2 * CELL);
  return boxes.map((box) => {
    let lifted = { ...box };
    for (let tries = 0; tries < 6; tries += 1) {
      const clash = [...placed.near(lifted)].filter((p) => overlaps(p, lifted));
      if (clash.length === 0) break;
      lifted = { ...lifted, top: Math.min(...clash.map((p) => p.top)) - lifted.height };
    }
    placed.add(lifted, lifted);
    return lifted;
  });
}
