import { type ClusterSnapshot, linkKindLabel } from '@peermap/domain';
import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { escapeMarkup } from './safe';

/** The font every picture is drawn in: shipped in a package, so a server without system fonts draws the same. */
export const PICTURE_FONT = 'Atkinson Hyperlegible';

const WIDTH = 800;
/** The band the group is drawn in, then the band of places, then the key. */
const GROUP_HEIGHT = 460;
const PLACES_BAND = 80;
const KEY_ROW = 24;
const NAME_SIZE = 14;
const KEY_SIZE = 14;
/** About how wide a character of the picture's font is, as a share of its size (to keep names apart). */
const CHAR_WIDTH = 0.58;
const FONT = `font-family="${PICTURE_FONT}, Arial, sans-serif"`;
/** A white edge round every word, drawn under it, so no line crosses a name. */
const HALO = 'stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"';

/**
 * Link kinds by colour (Okabe and Ito's palette, told apart with colour-blindness) and by dash
 * pattern too, so they are told apart on a grey printout; conflicts are not links and are not drawn.
 */
const KIND_STYLES: Readonly<Record<string, { colour: string; dash: string }>> = {
  friend: { colour: '#009E73', dash: '' },
  sibling: { colour: '#56B4E9', dash: '14 4' },
  partner: { colour: '#CC79A7', dash: '2 3' },
  associate: { colour: '#0072B2', dash: '10 4 2 4' },
  co_offending: { colour: '#D55E00', dash: '6 4' },
  online: { colour: '#E69F00', dash: '1 5' },
  school_peer: { colour: '#7F7F7F', dash: '12 3 3 3 3 3' },
  seen_together: { colour: '#000000', dash: '3 6' },
};

type Cluster = Pick<ClusterSnapshot, 'memberRefs' | 'members' | 'places' | 'label'>;
type Box = { x: number; y: number; width: number; height: number };

/**
 * The group as a picture, laid out on the server: members placed by ForceAtlas2 from a
 * circle (no randomness, so the same report draws the same picture), their strongest links
 * inside coloured and dashed by kind and as wide as their weight, names kept clear of each
 * other and haloed over the lines, the places the group is seen along the bottom, and a key.
 * Every piece of text is escaped.
 */
export function clusterSvg(cluster: Cluster, names: ReadonlyMap<string, string>): string {
  const graph = groupGraph(cluster);
  const position = placeInDrawing(graph);
  const kinds = new Set(graph.mapEdges((_edge, attributes) => String(attributes['kind'])));
  const key = keyOf(kinds, GROUP_HEIGHT + PLACES_BAND);
  const height = GROUP_HEIGHT + PLACES_BAND + key.height;
  const e = escapeMarkup;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${e(cluster.label)}">`,
    `<title>${e(cluster.label)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...linesOf(graph, position),
    ...cluster.memberRefs.map((ref) => {
      const [x, y] = position(ref);
      return `<circle cx="${x}" cy="${y}" r="8" fill="#ffffff" stroke="#111111" stroke-width="2"/>`;
    }),
    ...namesOf(cluster.memberRefs, position, names),
    ...placesOf(cluster.places),
    ...key.parts,
    '</svg>',
  ].join('');
}

function groupGraph(cluster: Cluster): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const ref of cluster.memberRefs) graph.addNode(ref);
  for (const member of cluster.members) {
    for (const link of member.strongestLinks) {
      if (!graph.hasNode(link.ref) || graph.hasEdge(member.ref, link.ref)) continue;
      graph.addEdge(member.ref, link.ref, { weight: link.weight, kind: link.kind ?? 'seen_together' });
    }
  }
  circular.assign(graph);
  if (graph.size > 0) {
    // Barnes-Hut keeps a very large group's layout near-linear in its size.
    const settings = { gravity: 1, scalingRatio: 10, barnesHutOptimize: graph.order > 300 };
    forceAtlas2.assign(graph, { iterations: 200, settings });
  }
  return graph;
}

const styleOf = (kind: string) => KIND_STYLES[kind] ?? { colour: '#666666', dash: '' };
const dashOf = (dash: string) => (dash ? ` stroke-dasharray="${dash}"` : '');

function linesOf(graph: Graph, position: (node: string) => [number, number]): string[] {
  return graph.mapEdges((_edge, attributes, source, target) => {
    const [x1, y1] = position(source);
    const [x2, y2] = position(target);
    const { colour, dash } = styleOf(String(attributes['kind']));
    const width = Math.min(6, 1 + Number(attributes['weight']));
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-width="${width.toFixed(1)}"${dashOf(dash)}/>`;
  });
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Each name beside its circle where it covers no other name or circle: right, left, above or
 * below, in that order; where every side is taken, the side that covers least.
 */
export function placeNames(
  points: readonly { x: number; y: number; width: number }[],
  size: number,
): { x: number; y: number; anchor: 'start' | 'end' | 'middle' }[] {
  const taken: Box[] = points.map(({ x, y }) => ({ x: x - 10, y: y - 10, width: 20, height: 20 }));
  return points.map(({ x, y, width }) => {
    const sides = [
      {
        x: x + 12,
        y: y + size / 3,
        anchor: 'start' as const,
        box: { x: x + 11, y: y - size / 2, width, height: size },
      },
      {
        x: x - 12,
        y: y + size / 3,
        anchor: 'end' as const,
        box: { x: x - 11 - width, y: y - size / 2, width, height: size },
      },
      { x, y: y - 14, anchor: 'middle' as const, box: { x: x - width / 2, y: y - 14 - size, width, height: size + 2 } },
      { x, y: y + 12 + size, anchor: 'middle' as const, box: { x: x - width / 2, y: y + 10, width, height: size + 2 } },
    ];
    const covered = sides.map((side) => taken.filter((box) => overlaps(box, side.box)).length);
    const best = sides[covered.indexOf(Math.min(...covered))] ?? sides[0];
    if (!best) return { x, y, anchor: 'start' };
    taken.push(best.box);
    return { x: best.x, y: best.y, anchor: best.anchor };
  });
}

function namesOf(
  refs: readonly string[],
  position: (node: string) => [number, number],
  names: ReadonlyMap<string, string>,
) {
  const labels = refs.map((ref) => names.get(ref) ?? ref);
  const points = refs.map((ref, index) => {
    const [x, y] = position(ref);
    return { x, y, width: (labels[index]?.length ?? 0) * NAME_SIZE * CHAR_WIDTH };
  });
  return placeNames(points, NAME_SIZE).map(
    ({ x, y, anchor }, index) =>
      `<text x="${Math.round(x)}" y="${Math.round(y)}" text-anchor="${anchor}" font-size="${NAME_SIZE}" ${FONT} fill="#111111" ${HALO}>${escapeMarkup(labels[index] ?? '')}</text>`,
  );
}

/** The places along their band, names on two staggered rows so neighbours do not run into each other. */
function placesOf(places: Cluster['places']): string[] {
  const step = WIDTH / (places.length + 1);
  return places.map((place, index) => {
    const x = Math.round(step * (index + 1));
    const y = GROUP_HEIGHT + 18;
    const labelY = y + 26 + (index % 2) * 18;
    return `<g><rect x="${x - 8}" y="${y - 8}" width="16" height="16" fill="#fdb863" stroke="#111111"/><text x="${x}" y="${labelY}" font-size="13" text-anchor="middle" ${FONT} fill="#111111" ${HALO}>${escapeMarkup(place.name)} (${place.recentSightings})</text></g>`;
  });
}

/** The key, in two columns below the places: each kind of link drawn, how to read line width, the places. */
function keyOf(kinds: ReadonlySet<string>, top: number): { parts: string[]; height: number } {
  const items = Object.entries(KIND_STYLES)
    .filter(([kind]) => kinds.has(kind))
    .map(([kind, { colour, dash }]) => ({
      sample: `<line x1="0" y1="0" x2="40" y2="0" stroke="${colour}" stroke-width="3"${dashOf(dash)}/>`,
      text: linkKindLabel(kind),
    }));
  items.push(
    {
      sample:
        '<line x1="0" y1="0" x2="14" y2="0" stroke="#111111" stroke-width="1"/><line x1="22" y1="0" x2="40" y2="0" stroke="#111111" stroke-width="5"/>',
      text: 'thin to thick line: occasional to strong link',
    },
    {
      sample: '<rect x="12" y="-8" width="16" height="16" fill="#fdb863" stroke="#111111"/>',
      text: 'place the group is seen (recent sightings)',
    },
  );
  const rows = Math.ceil(items.length / 2);
  const parts = items.map((item, index) => {
    const x = 16 + (index >= rows ? WIDTH / 2 : 0);
    const y = top + 24 + (index % rows) * KEY_ROW;
    return `<g transform="translate(${x} ${y})">${item.sample}<text x="50" y="5" font-size="${KEY_SIZE}" ${FONT} fill="#111111">${escapeMarkup(item.text)}</text></g>`;
  });
  const heading = `<text x="16" y="${top + 4}" font-size="${KEY_SIZE}" font-weight="bold" ${FONT} fill="#111111">Key</text>`;
  return {
    parts: [`<line x1="0" y1="${top - 14}" x2="${WIDTH}" y2="${top - 14}" stroke="#cccccc"/>`, heading, ...parts],
    height: rows * KEY_ROW + 30,
  };
}

/** Scales the layout into its band, keeping a margin wide enough for the names at the sides. */
function placeInDrawing(graph: Graph): (node: string) => [number, number] {
  const xs = graph.mapNodes((_n, a) => Number(a['x']));
  const ys = graph.mapNodes((_n, a) => Number(a['y']));
  const [minX, maxX, minY, maxY] = [Math.min(...xs, 0), Math.max(...xs, 0), Math.min(...ys, 0), Math.max(...ys, 0)];
  const margin = 130;
  const scaleX = (WIDTH - 2 * margin) / (maxX - minX || 1);
  const scaleY = (GROUP_HEIGHT - 2 * 36) / (maxY - minY || 1);
  return (node) => {
    const attributes = graph.getNodeAttributes(node);
    return [
      Math.round(margin + (Number(attributes['x']) - minX) * scaleX),
      Math.round(36 + (Number(attributes['y']) - minY) * scaleY),
    ];
  };
}
