import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

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
/** Room between two patches, and between a patch's outermost young person and its edge. */
const PATCH_GAP = 1.8;
const PATCH_MARGIN = 0.9;
/** Young people in the band stand further apart: their names are written beside them. */
const BAND_STEP_X = 4;
const BAND_STEP_Y = 1.3;
const BAND_GAP = 2.4;
/** The map is drawn on a wide canvas: packing aims at this width to height. */
const ASPECT = 2;

export function layoutWeek(input: LayoutInput): Layout {
  const onMap = new Set(input.people);
  const groups = input.groups
    .map((g) => ({ id: g.id, members: [...new Set(g.members)].filter((ref) => onMap.has(ref)).sort() }))
    .filter((g) => g.members.length > 0);
  const inGroup = new Set(groups.flatMap((g) => g.members));
  const shapes = groups.map((g) => ({ id: g.id, ...groupShape(g, input.links) }));
  const centres = packPatches(shapes, bridgesBetween(groups, input.links));
  const positions = new Map<string, Point>();
  const patches: Patch[] = [];
  for (const shape of shapes) {
    const centre = centres.get(shape.id) ?? { x: 0, y: 0 };
    patches.push({ id: shape.id, x: centre.x, y: centre.y, radius: shape.radius });
    for (const [ref, p] of shape.positions) positions.set(ref, { x: centre.x + p.x, y: centre.y + p.y });
  }
  const alone = input.people.filter((ref) => !inGroup.has(ref));
  const band = alone.length > 0 ? bandBelow(patches, alone, positions) : undefined;
  return { positions, patches, band };
}

/**
 * One group on its own: ForceAtlas2 in LinLog mode (it draws tight communities apart from their
 * loose ends), started from a sunflower spiral with the best-linked at the middle, then evened out.
 */
function groupShape(
  group: { id: string; members: readonly string[] },
  links: LayoutInput['links'],
): { positions: Map<string, Point>; radius: number } {
  const graph = new Graph({ type: 'undirected' });
  for (const ref of group.members) graph.addNode(ref);
  for (const { a, b, weight } of links) {
    if (weight <= 0 || a === b || !graph.hasNode(a) || !graph.hasNode(b)) continue;
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (w: number | undefined) => (w ?? 0) + weight);
    else graph.addEdge(a, b, { weight });
  }
  const strength = (ref: string) =>
    graph.reduceEdges(ref, (sum, _edge, attributes) => sum + Number(attributes['weight']), 0);
  const middleOut = [...group.members].sort((a, b) => strength(b) - strength(a) || (a < b ? -1 : 1));
  middleOut.forEach((ref, i) => {
    graph.mergeNodeAttributes(ref, sunflower(i));
  });
  if (graph.order > 2) {
    forceAtlas2.assign(graph, {
      iterations: 250,
      getEdgeWeight: 'weight',
      settings: { linLogMode: true, gravity: 1, scalingRatio: 2, slowDown: 2, barnesHutOptimize: false },
    });
  }
  const points = group.members.map((ref) => ({
    x: Number(graph.getNodeAttribute(ref, 'x')),
    y: Number(graph.getNodeAttribute(ref, 'y')),
  }));
  const evened = evenOut(points);
  const radius = Math.max(0, ...evened.map((p) => Math.hypot(p.x, p.y))) + PATCH_MARGIN;
  return { positions: new Map(group.members.map((ref, i) => [ref, evened[i] ?? { x: 0, y: 0 }])), radius };
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
  const nearest = centred.map((p, i) =>
    Math.min(...centred.map((q, j) => (i === j ? Number.POSITIVE_INFINITY : Math.hypot(p.x - q.x, p.y - q.y)))),
  );
  const typical = median(nearest.filter((d) => Number.isFinite(d) && d > 0));
  const scale = typical === undefined ? 1 : (1.5 * SPACING) / typical;
  const scaled = centred.map((p) => ({ x: p.x * scale, y: p.y * scale }));
  for (let round = 0; round < 200 && pushApart(scaled); round += 1);
  return scaled;
}

/** One round of pushing too-close pairs apart; whether any pair was too close. */
function pushApart(points: Point[]): boolean {
  let moved = false;
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const p = points[i];
      const q = points[j];
      if (!p || !q) continue;
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

/** The i-th seed of a sunflower: evenly spread, denser nowhere, the first at the middle. */
function sunflower(i: number): Point {
  const angle = i * GOLDEN_ANGLE;
  return { x: Math.sqrt(i + 0.5) * Math.cos(angle), y: Math.sqrt(i + 0.5) * Math.sin(angle) };
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** How strongly each pair of groups is linked, keyed "a|b". */
function bridgesBetween(
  groups: readonly { id: string; members: readonly string[] }[],
  links: LayoutInput['links'],
): Map<string, number> {
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const ref of g.members) groupOf.set(ref, g.id);
  const bridges = new Map<string, number>();
  for (const { a, b, weight } of links) {
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (!ga || !gb || ga === gb || weight <= 0) continue;
    const key = pairKey(ga, gb);
    bridges.set(key, (bridges.get(key) ?? 0) + weight);
  }
  return bridges;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

interface Circle extends Point {
  id: string;
  r: number;
}

/**
 * Patches packed without overlap, the largest first: each next one goes where it touches those
 * already placed and keeps the whole closest to the canvas's shape, drawn a little towards the
 * groups it is linked with (so bridges stay short).
 */
export function packPatches(
  shapes: readonly { id: string; radius: number }[],
  bridges: ReadonlyMap<string, number> = new Map(),
): Map<string, Point> {
  const order = shapes.map((s, index) => ({ ...s, index })).sort((a, b) => b.radius - a.radius || a.index - b.index);
  const placed: Circle[] = [];
  for (const shape of order) {
    const r = shape.radius;
    const spots = placed.length === 0 ? [{ x: 0, y: 0 }] : candidateSpots(placed, r);
    const free = spots.filter((s) =>
      placed.every((c) => Math.hypot(c.x - s.x, c.y - s.y) >= c.r + r + PATCH_GAP - 1e-6),
    );
    let best: Point = free[0] ?? { x: 0, y: 0 };
    let bestScore = Number.POSITIVE_INFINITY;
    for (const spot of free) {
      const score = spotScore(placed, { ...spot, r, id: shape.id }, bridges);
      if (score < bestScore - 1e-9) [best, bestScore] = [spot, score];
    }
    placed.push({ id: shape.id, x: best.x, y: best.y, r });
  }
  return new Map(placed.map((c) => [c.id, { x: c.x, y: c.y }]));
}

/** Where a circle of radius r can touch one placed circle (12 directions) or two at once. */
function candidateSpots(placed: readonly Circle[], r: number): Point[] {
  const spots: Point[] = [];
  for (const c of placed) {
    for (let k = 0; k < 12; k += 1) {
      const d = c.r + r + PATCH_GAP;
      spots.push({ x: c.x + d * Math.cos((k * Math.PI) / 6), y: c.y + d * Math.sin((k * Math.PI) / 6) });
    }
  }
  for (let i = 0; i < placed.length; i += 1) {
    for (let j = i + 1; j < placed.length; j += 1) {
      const a = placed[i];
      const b = placed[j];
      if (a && b) spots.push(...touchingBoth(a, b, r));
    }
  }
  return spots;
}

/** The two centres at which a circle of radius r touches both a and b (none if they are too far apart). */
function touchingBoth(a: Circle, b: Circle, r: number): Point[] {
  const ra = a.r + r + PATCH_GAP;
  const rb = b.r + r + PATCH_GAP;
  const d = Math.hypot(b.x - a.x, b.y - a.y);
  if (d === 0 || d > ra + rb || d < Math.abs(ra - rb)) return [];
  const along = (ra * ra - rb * rb + d * d) / (2 * d);
  const across = Math.sqrt(Math.max(ra * ra - along * along, 0));
  const ux = (b.x - a.x) / d;
  const uy = (b.y - a.y) / d;
  const mx = a.x + ux * along;
  const my = a.y + uy * along;
  return [
    { x: mx - uy * across, y: my + ux * across },
    { x: mx + uy * across, y: my - ux * across },
  ];
}

/** Smaller is better: the packed whole's size against the canvas's shape, plus distance to linked groups. */
function spotScore(placed: readonly Circle[], candidate: Circle, bridges: ReadonlyMap<string, number>): number {
  const all = [...placed, candidate];
  const width = Math.max(...all.map((c) => c.x + c.r)) - Math.min(...all.map((c) => c.x - c.r));
  const height = Math.max(...all.map((c) => c.y + c.r)) - Math.min(...all.map((c) => c.y - c.r));
  let linked = 0;
  let pull = 0;
  for (const c of placed) {
    const weight = bridges.get(pairKey(c.id, candidate.id)) ?? 0;
    linked += weight;
    pull += weight * Math.hypot(c.x - candidate.x, c.y - candidate.y);
  }
  const box = Math.max(width / ASPECT, height);
  const centred = Math.hypot(candidate.x / ASPECT, candidate.y) * 0.01;
  return box + centred + (linked > 0 ? (0.15 * pull) / linked : 0);
}

/** Young people in no group, in rows below the patches (or alone on the map if there are no groups). */
function bandBelow(patches: readonly Patch[], alone: readonly string[], positions: Map<string, Point>): Band {
  const left = patches.length > 0 ? Math.min(...patches.map((p) => p.x - p.radius)) : 0;
  const right = patches.length > 0 ? Math.max(...patches.map((p) => p.x + p.radius)) : 0;
  const top = patches.length > 0 ? Math.max(...patches.map((p) => p.y + p.radius)) + BAND_GAP : 0;
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
  const taken: Point[] = [...people.values()];
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
    taken.push(spot);
  }
  return spots;
}

function nearestFreeSpot(from: Point, taken: readonly Point[]): Point {
  const isFree = (p: Point) => taken.every((t) => Math.hypot(t.x - p.x, t.y - p.y) >= SPACING);
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
