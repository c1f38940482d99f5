import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { SpatialGrid, squareAround } from './grid';
import { ASPECT, packPatches } from './packing';

/**
 * Where everyone sits on the map of a week, in layout units (one unit: the least distance between
 * two young people; y grows downwards). Each group is laid out on its own, so a group reads as a
 * group, and the groups' patches are packed beside one another, the largest first and those linked
 * by bridges near each other; young people in no group sit in their own band below. Nothing is
 * random (every start is fixed by the data): the same week always draws the same.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Patch extends Point {
  id: string;
  radius: number;
}

/** The band of young people in no group: its top left corner and size. */
export interface Band extends Point {
  width: number;
  height: number;
}

export interface LayoutInput {
  /** Every young person on the map, in the order the band should list them (by name). */
  people: readonly string[];
  groups: readonly { id: string; members: readonly string[] }[];
  links: readonly { a: string; b: string; weight: number }[];
}

export interface Layout {
  positions: Map<string, Point>;
  patches: Patch[];
  band: Band | undefined;
}

/** The least distance between two young people. */
export const SPACING = 1;
/** Room between a patch's outermost young person and its edge. */
const PATCH_MARGIN = 0.9;
/** Young people in the band stand further apart: their names are written beside them. */
const BAND_STEP_X = 4;
const BAND_STEP_Y = 1.3;
const BAND_GAP = 2.4;
/**
 * Above this many, a group's repulsion is approximated (Barnes-Hut) and it settles in fewer
 * rounds: exact ForceAtlas2 costs the square of the group's size every round.
 */
const LARGE_GROUP = 200;

export function layoutWeek(input: LayoutInput): Layout {
  const onMap = new Set(input.people);
  const groups = input.groups
    .map((g) => ({ id: g.id, members: [...new Set(g.members)].filter((ref) => onMap.has(ref)).sort() }))
    .filter((g) => g.members.length > 0);
  const { inside, bridges } = linksByGroup(groups, input.links);
  const shapes = groups.map((g) => ({ id: g.id, ...groupShape(g.members, inside.get(g.id) ?? []) }));
  const centres = packPatches(shapes, bridges);
  const positions = new Map<string, Point>();
  const patches: Patch[] = [];
  for (const shape of shapes) {
    const centre = centres.get(shape.id) ?? { x: 0, y: 0 };
    patches.push({ id: shape.id, x: centre.x, y: centre.y, radius: shape.radius });
    for (const [ref, p] of shape.positions) positions.set(ref, { x: centre.x + p.x, y: centre.y + p.y });
  }
  const inGroup = new Set(groups.flatMap((g) => g.members));
  const alone = input.people.filter((ref) => !inGroup.has(ref));
  const band = alone.length > 0 ? bandBelow(patches, alone, positions) : undefined;
  return { positions, patches, band };
}

type Link = LayoutInput['links'][number];

/**
 * The links of a week sorted once: those inside each group, and how strongly each pair of groups
 * is linked (keyed "a|b"). Links with no weight (conflict) and a young person's link to themself
 * pull nothing together.
 */
function linksByGroup(
  groups: readonly { id: string; members: readonly string[] }[],
  links: readonly Link[],
): { inside: Map<string, Link[]>; bridges: Map<string, number> } {
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const ref of g.members) groupOf.set(ref, g.id);
  const inside = new Map<string, Link[]>();
  const bridges = new Map<string, number>();
  for (const link of links) {
    const ga = groupOf.get(link.a);
    const gb = groupOf.get(link.b);
    if (!ga || !gb || link.weight <= 0 || link.a === link.b) continue;
    if (ga === gb) {
      const own = inside.get(ga);
      if (own) own.push(link);
      else inside.set(ga, [link]);
      continue;
    }
    const key = pairKey(ga, gb);
    bridges.set(key, (bridges.get(key) ?? 0) + link.weight);
  }
  return { inside, bridges };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * One group on its own: ForceAtlas2 in LinLog mode (it draws tight communities apart from their
 * loose ends), started from a sunflower spiral with the best-linked at the middle, then evened out.
 */
function groupShape(
  members: readonly string[],
  links: readonly Link[],
): { positions: Map<string, Point>; radius: number } {
  const graph = new Graph({ type: 'undirected' });
  for (const ref of members) graph.addNode(ref);
  const strength = new Map<string, number>();
  for (const { a, b, weight } of links) {
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (w: number | undefined) => (w ?? 0) + weight);
    else graph.addEdge(a, b, { weight });
    strength.set(a, (strength.get(a) ?? 0) + weight);
    strength.set(b, (strength.get(b) ?? 0) + weight);
  }
  const strengthOf = (ref: string) => strength.get(ref) ?? 0;
  const middleOut = [...members].sort((a, b) => strengthOf(b) - strengthOf(a) || (a < b ? -1 : 1));
  middleOut.forEach((ref, i) => {
    graph.mergeNodeAttributes(ref, sunflower(i));
  });
  if (graph.order > 2) {
    const large = graph.order > LARGE_GROUP;
    forceAtlas2.assign(graph, {
      iterations: large ? 100 : 250,
      getEdgeWeight: 'weight',
      settings: { linLogMode: true, gravity: 1, scalingRatio: 2, slowDown: 2, barnesHutOptimize: large },
    });
  }
  const points = members.map((ref) => ({
    x: Number(graph.getNodeAttribute(ref, 'x')),
    y: Number(graph.getNodeAttribute(ref, 'y')),
  }));
  const evened = evenOut(points);
  const radius = evened.reduce((most, p) => Math.max(most, Math.hypot(p.x, p.y)), 0) + PATCH_MARGIN;
  return { positions: new Map(members.map((ref, i) => [ref, evened[i] ?? { x: 0, y: 0 }])), radius };
}

/**
 * Centred on the group's middle and scaled so that neighbours stand about a spacing and a half
 * apart, then pushed apart wherever two are closer than a spacing (names need the room).
 */
export function evenOut(points: readonly Point[]): Point[] {
  if (points.length === 0) return [];
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const centred = points.map((p) => ({ x: p.x - cx, y: p.y - cy }));
  const typical = median(nearestDistances(centred).filter((d) => Number.isFinite(d) && d > 0));
  const scale = typical === undefined ? 1 : (1.5 * SPACING) / typical;
  const scaled = centred.map((p) => ({ x: p.x * scale, y: p.y * scale }));
  for (let round = 0; round < 200 && pushApart(scaled); round += 1);
  return scaled;
}

/**
 * How far each point is from its nearest other point (infinite when alone), looking ring by ring
 * outwards in a grid sized so that a cell holds about one point.
 */
function nearestDistances(points: readonly Point[]): number[] {
  const [left, right] = extentOf(points.map((p) => p.x));
  const [top, bottom] = extentOf(points.map((p) => p.y));
  const span = Math.max(right - left, bottom - top);
  const cell = span > 0 ? span / Math.ceil(Math.sqrt(points.length)) : 1;
  const grid = gridOf(points, cell);
  return points.map((p, i) => {
    let nearest = Number.POSITIVE_INFINITY;
    // Ring k holds every point within k cells: once the nearest found is that close, none nearer is left.
    for (let ring = 1; nearest > (ring - 1) * cell && (ring - 1) * cell <= span; ring += 1) {
      for (const j of grid.near(squareAround(p.x, p.y, ring * cell))) {
        const q = points[j];
        if (j !== i && q) nearest = Math.min(nearest, Math.hypot(p.x - q.x, p.y - q.y));
      }
    }
    return nearest;
  });
}

/**
 * One round of pushing too-close pairs apart, pair by pair in order; whether any pair was too
 * close. Only pairs near each other at the start of the round are looked at (a grid finds them);
 * a pair brought close by this round's pushes is parted in the next.
 */
function pushApart(points: Point[]): boolean {
  const grid = gridOf(points, 2 * SPACING);
  let moved = false;
  for (const [i, p] of points.entries()) {
    const near = [...grid.near(squareAround(p.x, p.y, 1.5 * SPACING))].filter((j) => j > i).sort((a, b) => a - b);
    for (const j of near) {
      const q = points[j];
      if (!q) continue;
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d >= SPACING * 1.001) continue;
      // Two on the same spot part along a direction fixed by their order, not by chance.
      const angle = d === 0 ? (i * 2.399 + j) % (2 * Math.PI) : Math.atan2(q.y - p.y, q.x - p.x);
      const push = (SPACING * 1.01 - d) / 2;
      p.x -= Math.cos(angle) * push;
      p.y -= Math.sin(angle) * push;
      q.x += Math.cos(angle) * push;
      q.y += Math.sin(angle) * push;
      moved = true;
    }
  }
  return moved;
}

/** Each point's index, filed by where it is. */
function gridOf(points: readonly Point[], cellSize: number): SpatialGrid<number> {
  const grid = new SpatialGrid<number>(cellSize);
  for (const [i, p] of points.entries()) grid.add(i, squareAround(p.x, p.y, 0));
  return grid;
}

/** The i-th seed of a sunflower: evenly spread, denser nowhere, the first at the middle. */
function sunflower(i: number): Point {
  const angle = i * GOLDEN_ANGLE;
  return { x: Math.sqrt(i + 0.5) * Math.cos(angle), y: Math.sqrt(i + 0.5) * Math.sin(angle) };
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The least and the greatest of some numbers (0 and 0 for none); no spreading, so any count will do. */
function extentOf(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 0];
  let least = Number.POSITIVE_INFINITY;
  let greatest = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    least = Math.min(least, value);
    greatest = Math.max(greatest, value);
  }
  return [least, greatest];
}

function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Young people in no group, in rows below the patches (or alone on the map if there are no groups). */
function bandBelow(patches: readonly Patch[], alone: readonly string[], positions: Map<string, Point>): Band {
  const [left] = extentOf(patches.map((p) => p.x - p.radius));
  const [, right] = extentOf(patches.map((p) => p.x + p.radius));
  const [, bottom] = extentOf(patches.map((p) => p.y + p.radius));
  const top = patches.length > 0 ? bottom + BAND_GAP : 0;
  const ownWidth = Math.ceil(Math.sqrt((alone.length * BAND_STEP_Y * ASPECT) / BAND_STEP_X)) * BAND_STEP_X;
  const width = Math.max(right - left, ownWidth, BAND_STEP_X);
  // A few young people on their own are spread along the band, so each name has room.
  const step = Math.max(BAND_STEP_X, Math.min(2 * BAND_STEP_X, width / alone.length));
  const perRow = Math.max(1, Math.floor(width / step));
  alone.forEach((ref, i) => {
    positions.set(ref, {
      x: left + step / 2 + (i % perRow) * step,
      y: top + BAND_STEP_Y / 2 + Math.floor(i / perRow) * BAND_STEP_Y,
    });
  });
  return { x: left, y: top, width, height: Math.ceil(alone.length / perRow) * BAND_STEP_Y };
}

/**
 * Each place near the young people seen there: at the middle of them, or the nearest free spot
 * to it (spiralling out), never on top of a young person or another place. A place where no one
 * on the map was seen has no spot.
 */
export function placePlaces(
  people: ReadonlyMap<string, Point>,
  places: readonly { ref: string; seen: readonly string[] }[],
): Map<string, Point> {
  const taken = new SpatialGrid<Point>(2 * SPACING);
  for (const p of people.values()) taken.add(p, squareAround(p.x, p.y, 0));
  const spots = new Map<string, Point>();
  for (const place of [...places].sort((a, b) => (a.ref < b.ref ? -1 : 1))) {
    const seen = place.seen.map((ref) => people.get(ref)).filter((p): p is Point => p !== undefined);
    if (seen.length === 0) continue;
    const middle = {
      x: seen.reduce((s, p) => s + p.x, 0) / seen.length,
      y: seen.reduce((s, p) => s + p.y, 0) / seen.length,
    };
    const spot = nearestFreeSpot(middle, taken);
    spots.set(place.ref, spot);
    taken.add(spot, squareAround(spot.x, spot.y, 0));
  }
  return spots;
}

function nearestFreeSpot(from: Point, taken: SpatialGrid<Point>): Point {
  const isFree = (p: Point) =>
    !taken.some(squareAround(p.x, p.y, SPACING), (t) => Math.hypot(t.x - p.x, t.y - p.y) < SPACING);
  if (isFree(from)) return from;
  for (let ring = 1; ; ring += 1) {
    const distance = ring * 0.35 * SPACING;
    const steps = 8 * ring;
    for (let k = 0; k < steps; k += 1) {
      const angle = (2 * Math.PI * k) / steps;
      const spot = { x: from.x + distance * Math.cos(angle), y: from.y + distance * Math.sin(angle) };
      if (isFree(spot)) return spot;
    }
  }
}
