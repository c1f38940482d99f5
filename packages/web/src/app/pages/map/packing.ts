import { SpatialGrid, squareAround } from './grid';

/**
 * Group patches packed beside one another without overlap, the largest first: each next one goes
 * where it touches those already placed and keeps the whole closest to the canvas's shape, drawn
 * a little towards the groups it is linked with (so bridges stay short).
 *
 * "Is this spot free?" asks a grid of nearby patches. Up to EVERY_PATCH_TRIED_UP_TO groups,
 * every patch placed offers spots to the next (the search is exhaustive); beyond, only patches with
 * room left beside them for the smallest (the packing's edge) do, so a week of thousands of groups
 * packs in about the time of its edge, not of every pair of groups, at the cost of a small patch
 * now and then going to the edge rather than into a gap.
 */

interface Point {
  x: number;
  y: number;
}

/** Room between two patches. */
export const PATCH_GAP = 1.8;
/** The map is drawn on a wide canvas: packing aims at this width to height. */
export const ASPECT = 2;
/** A partnership's usual week (a few dozen groups) is packed by the exhaustive search. */
const EVERY_PATCH_TRIED_UP_TO = 150;

interface Circle extends Point {
  id: string;
  r: number;
  /** Its place in the packing order. */
  index: number;
  /** Whether a patch of the smallest size could still touch it somewhere. */
  open: boolean;
  /** Patches placed after it near enough that a later patch might touch both, in order. */
  partners: Circle[];
}

/** The twelve directions in which a patch is tried against one already placed. */
const DIRECTIONS = Array.from({ length: 12 }, (_, k) => ({
  x: Math.cos((k * Math.PI) / 6),
  y: Math.sin((k * Math.PI) / 6),
}));

export function packPatches(
  shapes: readonly { id: string; radius: number }[],
  bridges: ReadonlyMap<string, number> = new Map(),
): Map<string, Point> {
  const order = shapes.map((s, index) => ({ ...s, index })).sort((a, b) => b.radius - a.radius || a.index - b.index);
  const packing = new Packing({
    largest: order[0]?.radius ?? 0,
    smallest: order.at(-1)?.radius ?? 0,
    keepsEdge: order.length > EVERY_PATCH_TRIED_UP_TO,
    bridges: bridgesByGroup(bridges),
  });
  for (const shape of order) packing.place(shape.id, shape.radius);
  return packing.centres();
}

/** Each group's bridges: the other group and how strongly they are linked. */
function bridgesByGroup(bridges: ReadonlyMap<string, number>): Map<string, { other: string; weight: number }[]> {
  const byGroup = new Map<string, { other: string; weight: number }[]>();
  for (const [key, weight] of bridges) {
    const [a, b] = key.split('|');
    if (!a || !b || weight <= 0) continue;
    byGroup.set(a, [...(byGroup.get(a) ?? []), { other: b, weight }]);
    byGroup.set(b, [...(byGroup.get(b) ?? []), { other: a, weight }]);
  }
  return byGroup;
}

/** The packing so far: the patches placed, where they are, and the edge with room beside it. */
class Packing {
  private readonly placed: Circle[] = [];
  private readonly byId = new Map<string, Circle>();
  private edge: Circle[] = [];
  private readonly grid: SpatialGrid<Circle>;
  private readonly extent = { left: 0, right: 0, top: 0, bottom: 0 };

  private readonly largest: number;
  private readonly smallest: number;
  /** Whether patches with no room beside them stop offering spots. */
  private readonly keepsEdge: boolean;
  private readonly bridges: ReadonlyMap<string, readonly { other: string; weight: number }[]>;

  constructor(options: {
    largest: number;
    smallest: number;
    keepsEdge: boolean;
    bridges: ReadonlyMap<string, readonly { other: string; weight: number }[]>;
  }) {
    this.largest = options.largest;
    this.smallest = options.smallest;
    this.keepsEdge = options.keepsEdge;
    this.bridges = options.bridges;
    this.grid = new SpatialGrid(2 * this.largest + PATCH_GAP);
  }

  place(id: string, r: number): void {
    const at = this.placed.length === 0 ? { x: 0, y: 0 } : this.bestSpot(id, r);
    const circle: Circle = { id, x: at.x, y: at.y, r, index: this.placed.length, open: true, partners: [] };
    this.extent.left = Math.min(this.placed.length === 0 ? at.x - r : this.extent.left, at.x - r);
    this.extent.right = Math.max(this.placed.length === 0 ? at.x + r : this.extent.right, at.x + r);
    this.extent.top = Math.min(this.placed.length === 0 ? at.y - r : this.extent.top, at.y - r);
    this.extent.bottom = Math.max(this.placed.length === 0 ? at.y + r : this.extent.bottom, at.y + r);
    this.placed.push(circle);
    this.byId.set(id, circle);
    this.grid.add(circle, squareAround(at.x, at.y, r));
    this.edge.push(circle);
    this.meetNeighbours(circle);
  }

  centres(): Map<string, Point> {
    return new Map(this.placed.map((c) => [c.id, { x: c.x, y: c.y }]));
  }

  /**
   * The best free spot, the first in the order offered when two score the same. Scoring is
   * cheap and asking whether a spot is free is not, so only a spot that would win is asked.
   */
  private bestSpot(id: string, r: number): Point {
    const pulls = (this.bridges.get(id) ?? [])
      .flatMap(({ other, weight }) => {
        const circle = this.byId.get(other);
        return circle ? [{ circle, weight }] : [];
      })
      .sort((a, b) => a.circle.index - b.circle.index);
    let best: Point | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    // Millions of spots on a large week: each is two numbers until it wins, never an object.
    this.eachSpot(r, (x, y) => {
      const score = this.score(x, y, r, pulls);
      if (score < bestScore - 1e-9 && this.isFree(x, y, r)) [best, bestScore] = [{ x, y }, score];
    });
    // Never reached while the edge has room; still, a patch beside the rest never overlaps one.
    return best ?? { x: this.extent.right + r + PATCH_GAP, y: 0 };
  }

  /** Where a patch of radius r can touch one patch on the edge (12 directions) or two at once, in order. */
  private eachSpot(r: number, visit: (x: number, y: number) => void): void {
    for (const c of this.edge) {
      const d = c.r + r + PATCH_GAP;
      for (const direction of DIRECTIONS) visit(c.x + d * direction.x, c.y + d * direction.y);
    }
    for (const a of this.edge) {
      for (const b of a.partners) if (b.open) touchingBoth(a, b, r, visit);
    }
  }

  private isFree(x: number, y: number, r: number): boolean {
    return !this.grid.some(
      squareAround(x, y, r + this.largest + PATCH_GAP),
      (c) => Math.hypot(c.x - x, c.y - y) < c.r + r + PATCH_GAP - 1e-6,
    );
  }

  /** Smaller is better: the packed whole's size against the canvas's shape, plus distance to linked groups. */
  private score(x: number, y: number, r: number, pulls: readonly { circle: Circle; weight: number }[]): number {
    const width = Math.max(this.extent.right, x + r) - Math.min(this.extent.left, x - r);
    const height = Math.max(this.extent.bottom, y + r) - Math.min(this.extent.top, y - r);
    let linked = 0;
    let pull = 0;
    for (const { circle, weight } of pulls) {
      linked += weight;
      pull += weight * Math.hypot(circle.x - x, circle.y - y);
    }
    const box = Math.max(width / ASPECT, height);
    const centred = Math.hypot(x / ASPECT, y) * 0.01;
    return box + centred + (linked > 0 ? (0.15 * pull) / linked : 0);
  }

  /**
   * The new patch becomes a partner of those placed before it near enough for a later (no larger)
   * patch to touch both; patches it leaves with no room beside them, even for the smallest, leave
   * the edge.
   */
  private meetNeighbours(added: Circle): void {
    const reach = this.largest + 3 * added.r + 2 * PATCH_GAP;
    let closed = false;
    for (const c of this.grid.near(squareAround(added.x, added.y, reach))) {
      if (c !== added && Math.hypot(c.x - added.x, c.y - added.y) <= c.r + 3 * added.r + 2 * PATCH_GAP) {
        c.partners.push(added);
      }
      if (!this.keepsEdge || !c.open || this.hasRoomBeside(c)) continue;
      c.open = false;
      closed = true;
    }
    if (closed) this.edge = this.edge.filter((c) => c.open);
  }

  private hasRoomBeside(c: Circle): boolean {
    const d = c.r + this.smallest + PATCH_GAP;
    return DIRECTIONS.some((direction) => this.isFree(c.x + d * direction.x, c.y + d * direction.y, this.smallest));
  }
}

/** The two centres at which a circle of radius r touches both a and b (none if they are too far apart). */
function touchingBoth(a: Circle, b: Circle, r: number, visit: (x: number, y: number) => void): void {
  const ra = a.r + r + PATCH_GAP;
  const rb = b.r + r + PATCH_GAP;
  const d = Math.hypot(b.x - a.x, b.y - a.y);
  if (d === 0 || d > ra + rb || d < Math.abs(ra - rb)) return;
  const along = (ra * ra - rb * rb + d * d) / (2 * d);
  const across = Math.sqrt(Math.max(ra * ra - along * along, 0));
  const ux = (b.x - a.x) / d;
  const uy = (b.y - a.y) / d;
  const mx = a.x + ux * along;
  const my = a.y + uy * along;
  visit(mx - uy * across, my + ux * across);
  visit(mx + uy * across, my - ux * across);
}
