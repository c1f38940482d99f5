import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Concern, Relationship } from '../../api-types';
import type { PageContext } from '../../app';
import { allPages, type ClusterListItem, latestAnalysedWeek, type YoungPerson } from '../../data';

/** Colours for clusters, dark enough to read on white and told apart by name in the list too. */
const PALETTE = [
  '#1b6ca8',
  '#2d7d46',
  '#7a4ea3',
  '#a86b00',
  '#00787a',
  '#a3336f',
  '#4d5b6a',
  '#6b7f00',
  '#8a4b2a',
  '#3b4cc0',
];
export const LINK_STYLES: Record<string, { colour: string; size: number }> = {
  friend: { colour: '#2d7d46', size: 2 },
  sibling: { colour: '#5aae61', size: 2 },
  partner: { colour: '#7a4ea3', size: 2 },
  associate: { colour: '#1b6ca8', size: 1.5 },
  co_offending: { colour: '#d7301f', size: 2 },
  online: { colour: '#a86b00', size: 1 },
  school_peer: { colour: '#8c8c8c', size: 1 },
  conflict: { colour: '#000000', size: 1 },
};

export interface MapData {
  people: YoungPerson[];
  relationships: Relationship[];
  concerns: Concern[];
  clusters: ClusterListItem[];
  week: string | undefined;
}

/** Everything the map shows, for the latest analysed week. */
export async function loadMapData({ api, me }: Pick<PageContext, 'api' | 'me'>): Promise<MapData> {
  const week = await latestAnalysedWeek(api);
  // Police analysts see restricted intelligence beside the shared map, each link marked as such.
  const restricted = me.permissions.includes('intelligence:read-restricted')
    ? allPages((query) => api.get('/v1/restricted-relationships', { query }))
    : Promise.resolve([]);
  const [people, shared, restrictedLinks, concerns, clusters] = await Promise.all([
    allPages((query) => api.get('/v1/young-people', { query })),
    allPages((query) => api.get('/v1/relationships', { query })),
    restricted,
    allPages((query) => api.get('/v1/concerns', { query })),
    week ? api.get('/v1/clusters', { query: { week } }).then((a) => a.body.clusters) : Promise.resolve([]),
  ]);
  return { people, relationships: [...shared, ...restrictedLinks], concerns, clusters, week };
}

export interface Model {
  graph: Graph;
  clusterOf: Map<string, ClusterListItem>;
  colourOf: Map<string, string>;
  concernsOf: Map<string, Set<string>>;
  linksOf: Map<string, Relationship[]>;
}

export function buildModel(data: MapData): Model {
  const clusterOf = new Map<string, ClusterListItem>();
  const colourOf = new Map<string, string>();
  data.clusters.forEach((cluster, index) => {
    colourOf.set(cluster.clusterId, PALETTE[index % PALETTE.length] ?? '#4d5b6a');
    for (const ref of cluster.memberRefs) clusterOf.set(ref, cluster);
  });
  const linksOf = new Map<string, Relationship[]>();
  for (const r of data.relationships) {
    for (const ref of [r.personA, r.personB]) linksOf.set(ref, [...(linksOf.get(ref) ?? []), r]);
  }
  return { graph: networkOf(data, clusterOf, colourOf), clusterOf, colourOf, concernsOf: openConcerns(data), linksOf };
}

function openConcerns(data: MapData): Map<string, Set<string>> {
  const concernsOf = new Map<string, Set<string>>();
  for (const c of data.concerns) {
    if (c.status === 'closed') continue;
    const set = concernsOf.get(c.personRef) ?? new Set<string>();
    set.add(c.category);
    concernsOf.set(c.personRef, set);
  }
  return concernsOf;
}

const around = (index: number, of: number, radius: number) => ({
  x: Math.cos((2 * Math.PI * index) / Math.max(of, 1)) * radius,
  y: Math.sin((2 * Math.PI * index) / Math.max(of, 1)) * radius,
});

/** The week as a graph: each group starts in its own patch around a wide circle; ForceAtlas2 then settles the links. */
function networkOf(data: MapData, clusterOf: Map<string, ClusterListItem>, colourOf: Map<string, string>): Graph {
  const graph = new Graph({ type: 'undirected', multi: false });
  const alone = data.people.filter((person) => !clusterOf.has(person.ref));
  for (const person of data.people) {
    const cluster = clusterOf.get(person.ref);
    const centre = cluster ? around(data.clusters.indexOf(cluster), data.clusters.length, 300) : { x: 0, y: 0 };
    const within = cluster
      ? around(cluster.memberRefs.indexOf(person.ref), cluster.memberRefs.length, 40)
      : around(alone.indexOf(person), alone.length, 120);
    graph.addNode(person.ref, {
      label: person.displayName,
      x: centre.x + within.x,
      y: centre.y + within.y,
      size: 6,
      color: cluster ? colourOf.get(cluster.clusterId) : '#6f6f6f',
    });
  }
  for (const r of data.relationships) {
    if (!graph.hasNode(r.personA) || !graph.hasNode(r.personB) || graph.hasEdge(r.personA, r.personB)) continue;
    const style = LINK_STYLES[r.kind] ?? { colour: '#8c8c8c', size: 1 };
    graph.addEdge(r.personA, r.personB, {
      color: style.colour,
      size: style.size * (r.strength / 2),
      kind: r.kind,
      // A conflict is drawn but pulls nobody together.
      weight: r.kind === 'conflict' ? 0 : r.strength,
    });
  }
  forceAtlas2.assign(graph, {
    iterations: 150,
    getEdgeWeight: 'weight',
    settings: { gravity: 0.5, scalingRatio: 8, barnesHutOptimize: graph.order > 500 },
  });
  return graph;
}
