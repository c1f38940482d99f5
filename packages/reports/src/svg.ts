import { type ClusterSnapshot, linkKindLabel } from '@peermap/domain';
import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { escapeMarkup } from './safe';

const WIDTH = 800;
const HEIGHT = 600;
const PLACES_BAND = 90;

/** Link colours by kind, with a key; conflicts are not links and are not drawn. */
const KIND_COLOURS: Readonly<Record<string, string>> = {
  friend: '#1b7837',
  sibling: '#5aae61',
  partner: '#762a83',
  associate: '#2166ac',
  co_offending: '#b2182b',
  online: '#8c510a',
  school_peer: '#999999',
  seen_together: '#e08214',
};

/**
 * The group as a picture, laid out on the server: members placed by ForceAtlas2 from a
 * circle (no randomness, so the same report draws the same picture), their strongest links
 * inside coloured by kind and as wide as their weight, the places the group is seen along the
 * bottom. Every piece of text is escaped.
 */
export function clusterSvg(
  cluster: Pick<ClusterSnapshot, 'memberRefs' | 'members' | 'places' | 'label'>,
  names: ReadonlyMap<string, string>,
): string {
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
  const position = placeInDrawing(graph);
  const e = escapeMarkup;
  const lines = graph.mapEdges((_edge, attributes, source, target) => {
    const [x1, y1] = position(source);
    const [x2, y2] = position(target);
    const colour = KIND_COLOURS[String(attributes['kind'])] ?? '#666666';
    const width = Math.min(6, 1 + Number(attributes['weight']));
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-width="${width.toFixed(1)}"/>`;
  });
  const nodes = cluster.memberRefs.map((ref) => {
    const [x, y] = position(ref);
    const label = names.get(ref) ?? ref;
    return `<g><circle cx="${x}" cy="${y}" r="9" fill="#ffffff" stroke="#111111" stroke-width="2"/><text x="${x + 12}" y="${y + 4}" font-size="12">${e(label)}</text></g>`;
  });
  const step = WIDTH / (cluster.places.length + 1);
  const places = cluster.places.map((place, index) => {
    const x = Math.round(step * (index + 1));
    const y = HEIGHT - PLACES_BAND / 2;
    return `<g><rect x="${x - 8}" y="${y - 8}" width="16" height="16" fill="#fdb863" stroke="#111111"/><text x="${x}" y="${y + 24}" font-size="11" text-anchor="middle">${e(place.name)} (${place.recentSightings})</text></g>`;
  });
  const drawn = new Set(graph.mapEdges((_edge, attributes) => String(attributes['kind'])));
  const key = Object.entries(KIND_COLOURS)
    .filter(([kind]) => drawn.has(kind))
    .map(
      ([kind, colour], index) =>
        `<g><line x1="10" y1="${16 + index * 14}" x2="30" y2="${16 + index * 14}" stroke="${colour}" stroke-width="3"/><text x="34" y="${20 + index * 14}" font-size="10">${e(linkKindLabel(kind))}</text></g>`,
    );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${e(cluster.label)}">`,
    `<title>${e(cluster.label)}</title>`,
    ...lines,
    ...nodes,
    ...places,
    ...key,
    '</svg>',
  ].join('');
}

/** Scales the layout into the drawing, above the band of places, keeping a margin. */
function placeInDrawing(graph: Graph): (node: string) => [number, number] {
  const xs = graph.mapNodes((_n, a) => Number(a['x']));
  const ys = graph.mapNodes((_n, a) => Number(a['y']));
  const [minX, maxX, minY, maxY] = [Math.min(...xs, 0), Math.max(...xs, 0), Math.min(...ys, 0), Math.max(...ys, 0)];
  const margin = 120;
  const scaleX = (WIDTH - 2 * margin) / (maxX - minX || 1);
  const scaleY = (HEIGHT - PLACES_BAND - 2 * 40) / (maxY - minY || 1);
  return (node) => {
    const attributes = graph.getNodeAttributes(node);
    return [
      Math.round(margin + (Number(attributes['x']) - minX) * scaleX),
      Math.round(40 + (Number(attributes['y']) - minY) * scaleY),
    ];
  };
}
