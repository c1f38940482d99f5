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

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlacedLabel extends Box {
  id: string;
}

const GAP = 3;

export function pickLabels(
  candidates: readonly LabelCandidate[],
  options: { width: number; height: number; reserved?: readonly Box[] },
): PlacedLabel[] {
  const dots: (Box & { id: string })[] = candidates.map((c) => ({
    id: c.id,
    left: c.x - c.r,
    top: c.y - c.r,
    width: 2 * c.r,
    height: 2 * c.r,
  }));
  const taken: Box[] = [...(options.reserved ?? [])];
  const placed: PlacedLabel[] = [];
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  for (const c of ordered) {
    if (c.x < 0 || c.y < 0 || c.x > options.width || c.y > options.height) continue;
    const spot = spotsAround(c).find(
      (box) =>
        inside(box, options) &&
        !taken.some((t) => overlaps(t, box)) &&
        !dots.some((d) => d.id !== c.id && overlaps(d, box)),
    );
    if (!spot) continue;
    placed.push({ id: c.id, ...spot });
    taken.push(spot);
  }
  return placed;
}

function spotsAround(c: LabelCandidate): Box[] {
  const { width, height } = c;
  return [
    { left: c.x + c.r + GAP, top: c.y - height / 2, width, height },
    { left: c.x - c.r - GAP - width, top: c.y - height / 2, width, height },
    { left: c.x - width / 2, top: c.y + c.r + 1, width, height },
    { left: c.x - width / 2, top: c.y - c.r - 1 - height, width, height },
  ];
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
  const placed: Box[] = [];
  for (const box of boxes) {
    let lifted = { ...box };
    for (let tries = 0; tries < 6 && placed.some((p) => overlaps(p, lifted)); tries += 1) {
      const clash = placed.filter((p) => overlaps(p, lifted));
      lifted = { ...lifted, top: Math.min(...clash.map((p) => p.top)) - lifted.height };
    }
    placed.push(lifted);
  }
  return placed;
}
