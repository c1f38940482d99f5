import type Sigma from 'sigma';
import type { Point } from './layout';
import type { Model } from './model';

/** A box in graph coordinates, as sigma frames it. */
export interface GraphBox {
  x: [number, number];
  y: [number, number];
}

/** Room around what is fitted, in layout units: the outermost names and group names stay inside. */
const MARGIN = 1.6;

/** The box around points and circles, with a margin; undefined when there is nothing to frame. */
export function boxAround(
  points: readonly Point[],
  circles: readonly (Point & { radius: number })[] = [],
): GraphBox | undefined {
  const xs = [...points.map((p) => p.x), ...circles.flatMap((c) => [c.x - c.radius, c.x + c.radius])];
  const ys = [...points.map((p) => p.y), ...circles.flatMap((c) => [c.y - c.radius, c.y + c.radius])];
  if (xs.length === 0) return undefined;
  // Folded, not spread: a week of tens of thousands of young people is more than a call's arguments.
  const least = (values: number[]) => values.reduce((a, b) => Math.min(a, b));
  const most = (values: number[]) => values.reduce((a, b) => Math.max(a, b));
  return {
    x: [least(xs) - MARGIN, most(xs) + MARGIN],
    y: [least(ys) - MARGIN, most(ys) + MARGIN * 1.5],
  };
}

/**
 * Frames the map: `whole` shows every group, the band and every place; `shown` the young people
 * (and places) the filters leave. The camera then stands back at 100%.
 */
export function fitBox(sigma: Sigma, model: Model, visible: ReadonlySet<string>, what: 'whole' | 'shown'): void {
  const graph = sigma.getGraph();
  const points: Point[] = [];
  graph.forEachNode((node, attributes) => {
    // The reducers have already hidden what the filters leave out (places included).
    if (what === 'whole' || !sigma.getNodeDisplayData(node)?.hidden)
      points.push({ x: Number(attributes['x']), y: Number(attributes['y']) });
  });
  const band = model.band;
  const bandCorners = band && what === 'whole' ? [band, { x: band.x + band.width, y: band.y - band.height }] : [];
  // Fitting those shown keeps their groups' patches (and names) whole.
  const groupsShown = new Set([...visible].map((ref) => model.clusterOf.get(ref)?.clusterId));
  const patches = what === 'whole' ? model.patches : model.patches.filter((p) => groupsShown.has(p.id));
  const box =
    (what === 'whole' ? boxAround([...points, ...bandCorners], patches) : boxAround(points, patches)) ??
    boxAround([...points, ...bandCorners], model.patches);
  sigma.setCustomBBox(box ?? null);
  const camera = sigma.getCamera();
  const standBack = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  camera.setState(standBack);
  // A zoom still moving would otherwise carry on from where it was and undo the fit.
  if (camera.isAnimated()) void camera.animate(standBack, { duration: 0 });
  sigma.refresh();
}

export function zoomBy(sigma: Sigma, factor: number): void {
  const camera = sigma.getCamera();
  void camera.animate({ ratio: camera.getState().ratio / factor }, { duration: 200 });
}

/** Moves the view a sixth of its width or height; dx right, dy up. */
export function panBy(sigma: Sigma, dx: number, dy: number): void {
  const camera = sigma.getCamera();
  const { x, y, ratio } = camera.getState();
  void camera.animate({ x: x + (dx * ratio) / 6, y: y + (dy * ratio) / 6 }, { duration: 150 });
}

/**
 * Moves the view so a chosen young person is not hidden under what covers the map's right
 * side (their details), or so near it that their links would be: they come to the middle of
 * what is left.
 */
export function keepInSight(sigma: Sigma, node: string, coveredRight: number): void {
  const shown = sigma.getNodeDisplayData(node);
  if (!shown || coveredRight <= 0) return;
  const { width } = sigma.getDimensions();
  const at = sigma.framedGraphToViewport(shown);
  const free = width - coveredRight;
  // Room for their links around them too, not only for the dot.
  if (at.x > 40 && at.x < free - 160) return;
  const from = sigma.viewportToFramedGraph({ x: at.x, y: at.y });
  const to = sigma.viewportToFramedGraph({ x: free / 2, y: at.y });
  const camera = sigma.getCamera();
  const { x, y } = camera.getState();
  void camera.animate({ x: x + from.x - to.x, y: y + from.y - to.y }, { duration: 300 });
}
