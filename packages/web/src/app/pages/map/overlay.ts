import type Sigma from 'sigma';
import { type Box, type LabelCandidate, liftApart, pickLabels } from './labels';
import type { Model } from './model';
import type { Outline } from './palette';
import { withAlpha } from './palette';

/** What the drawing over the network needs to know beyond the graph: who is chosen. */
export interface OverlayState {
  selected: string | undefined;
  /** How many of each group's young people the filters leave shown. */
  shownIn: Map<string, number>;
}

const INK = '#1f1f1f';
const PLACE_INK = '#5a3b1f';
const NAME_FONT = '13px system-ui, "Segoe UI", Arial, sans-serif';
const PLACE_FONT = 'italic 13px system-ui, "Segoe UI", Arial, sans-serif';
const GROUP_FONT = 'bold 14px system-ui, "Segoe UI", Arial, sans-serif';
const NAME_HEIGHT = 16;

const DASHES: Record<Outline, number[]> = { solid: [], dashed: [10, 6], dotted: [2, 4] };

/** A 2D context for a layer of sigma's, cleared for a new frame. */
function freshContext(sigma: Sigma, layer: string): CanvasRenderingContext2D | undefined {
  const context = sigma.getCanvases()[layer]?.getContext('2d');
  if (!context) return undefined;
  const { width, height } = sigma.getDimensions();
  context.clearRect(0, 0, width, height);
  return context;
}

/** Lengths in graph units, on screen now. */
function screenLength(sigma: Sigma, at: { x: number; y: number }, length: number): number {
  const a = sigma.graphToViewport(at);
  const b = sigma.graphToViewport({ x: at.x + length, y: at.y });
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function haloText(context: CanvasRenderingContext2D, text: string, x: number, y: number, colour: string) {
  context.lineJoin = 'round';
  context.lineWidth = 4;
  context.strokeStyle = '#ffffff';
  context.strokeText(text, x, y);
  context.fillStyle = colour;
  context.fillText(text, x, y);
}

/** A group's name (or the band's), written above its patch, over everything else. */
export interface Title {
  text: string;
  box: Box;
}

/**
 * Each group as a tinted patch with its outline, and the band of young people in no group: drawn
 * under the links. Returns their names and where they go (just above each patch), for the names
 * layer to write over the links and dots, and so no young person's name is written over them.
 */
export function drawPatches(sigma: Sigma, model: Model, state: OverlayState): Title[] {
  const context = freshContext(sigma, 'patches');
  if (!context) return [];
  const titles: Title[] = [];
  context.font = GROUP_FONT;
  const { width: screenWidth, height: screenHeight } = sigma.getDimensions();
  for (const patch of model.patches) {
    const shown = state.shownIn.get(patch.id) ?? 0;
    const centre = sigma.graphToViewport(patch);
    const radius = screenLength(sigma, patch, patch.radius);
    const offScreen =
      centre.x + radius < 0 ||
      centre.y + radius < 0 ||
      centre.x - radius > screenWidth ||
      centre.y - radius > screenHeight;
    if (offScreen) continue;
    // A group the filters leave empty stays as a faint outline, so the map keeps its shape.
    outlinePatch(context, centre, radius, shown > 0 ? patch.style : undefined);
    if (shown === 0) continue;
    const name = shown === patch.size ? `${patch.label} (${patch.size})` : `${patch.label} (${shown} of ${patch.size})`;
    const width = context.measureText(name).width + 4;
    // On a week of hundreds of groups seen whole, names over patches too small to tell apart would
    // stack into towers: a group's name waits until its patch is at least half the name's width.
    if (2 * radius < width / 2) continue;
    titles.push({ text: name, box: { left: centre.x - width / 2, top: centre.y - radius - 18, width, height: 18 } });
  }
  if (model.band) titles.push(drawBand(context, sigma, model.band));
  const boxes = liftApart(titles.map((t) => t.box));
  return titles.map((t, i) => ({ text: t.text, box: boxes[i] ?? t.box }));
}

function outlinePatch(
  context: CanvasRenderingContext2D,
  centre: { x: number; y: number },
  radius: number,
  style: Model['patches'][number]['style'] | undefined,
): void {
  context.beginPath();
  context.arc(centre.x, centre.y, radius, 0, 2 * Math.PI);
  if (style) {
    context.fillStyle = withAlpha(style.colour, 0.1);
    context.fill();
  }
  context.setLineDash(style ? DASHES[style.outline] : [2, 6]);
  context.lineWidth = style ? 2.5 : 1;
  context.strokeStyle = style ? style.colour : '#9a9a9a';
  context.stroke();
  context.setLineDash([]);
}

function drawBand(context: CanvasRenderingContext2D, sigma: Sigma, band: NonNullable<Model['band']>): Title {
  const topLeft = sigma.graphToViewport(band);
  const bottomRight = sigma.graphToViewport({ x: band.x + band.width, y: band.y - band.height });
  const left = Math.min(topLeft.x, bottomRight.x);
  const top = Math.min(topLeft.y, bottomRight.y);
  context.setLineDash([4, 4]);
  context.lineWidth = 1.5;
  context.strokeStyle = '#6f6f6f';
  context.strokeRect(left, top, Math.abs(bottomRight.x - topLeft.x), Math.abs(bottomRight.y - topLeft.y));
  context.setLineDash([]);
  const text = 'Not in a peer group this week';
  return { text, box: { left: left + 4, top: top - 19, width: context.measureText(text).width + 4, height: 18 } };
}

/** Restricted police intelligence: dashes over its links, so it is never mistaken for partners' records. */
export function drawRestrictedMarks(sigma: Sigma): void {
  const context = freshContext(sigma, 'marks');
  if (!context) return;
  const graph = sigma.getGraph();
  context.setLineDash([6, 5]);
  context.lineWidth = 2;
  context.strokeStyle = INK;
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes['restricted'] !== true) return;
    const from = sigma.getNodeDisplayData(source);
    const to = sigma.getNodeDisplayData(target);
    if (!from || !to || from.hidden || to.hidden) return;
    const a = sigma.framedGraphToViewport(from);
    const b = sigma.framedGraphToViewport(to);
    context.beginPath();
    context.moveTo(a.x, a.y);
    context.lineTo(b.x, b.y);
    context.stroke();
  });
  context.setLineDash([]);
}

/** The names that fit without overlapping, each with a white halo so links never run through it. */
export function drawNames(sigma: Sigma, state: OverlayState, titles: readonly Title[], widths: Map<string, number>) {
  const context = freshContext(sigma, 'names');
  if (!context) return 0;
  drawTitles(context, titles);
  const graph = sigma.getGraph();
  const neighbours = new Set(state.selected && graph.hasNode(state.selected) ? graph.neighbors(state.selected) : []);
  const candidates: (LabelCandidate & { text: string; place: boolean })[] = [];
  graph.forEachNode((node, attributes) => {
    const shown = sigma.getNodeDisplayData(node);
    if (!shown || shown.hidden || !shown.label) return;
    const place = attributes['place'] === true;
    context.font = place ? PLACE_FONT : NAME_FONT;
    const key = `${place}:${shown.label}`;
    const width = widths.get(key) ?? context.measureText(shown.label).width;
    widths.set(key, width);
    const at = sigma.framedGraphToViewport(shown);
    // Switched on, places are what the reader asked to see: their names come before most.
    const base = Number(attributes['degree'] ?? 0) + (place ? 500 : 0);
    const priority = node === state.selected ? 10_000 : neighbours.has(node) ? 1_000 + base : base;
    candidates.push({
      id: node,
      ...at,
      r: sigma.scaleSize(shown.size),
      width,
      height: NAME_HEIGHT,
      priority,
      text: shown.label,
      place,
    });
  });
  const { width, height } = sigma.getDimensions();
  const placed = pickLabels(candidates, { width, height, reserved: titles.map((t) => t.box) });
  const byId = new Map(candidates.map((c) => [c.id, c]));
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  for (const label of placed) {
    const candidate = byId.get(label.id);
    if (!candidate) continue;
    context.font = label.id === state.selected ? `bold ${NAME_FONT}` : candidate.place ? PLACE_FONT : NAME_FONT;
    haloText(context, candidate.text, label.left, label.top + label.height / 2, candidate.place ? PLACE_INK : INK);
  }
  return placed.length;
}

function drawTitles(context: CanvasRenderingContext2D, titles: readonly Title[]): void {
  context.font = GROUP_FONT;
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  for (const { text, box } of titles) haloText(context, text, box.left + 2, box.top + box.height / 2, INK);
}
