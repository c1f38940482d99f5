import type { Sighting } from '@peermap/domain';
import Graph from 'graphology';
import type { Concern, Place, Relationship } from '../../api-types';
import type { PageContext } from '../../app';
import { allPages, type ClusterListItem, latestAnalysedWeek, type YoungPerson } from '../../data';
import { type Band, layoutWeek, type Patch, type Point, placePlaces } from './layout';
import { type GroupStyle, groupStyle, NOT_IN_GROUP_COLOUR, PLACE_COLOUR, withAlpha } from './palette';

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
/** A young person seen at a place. */
export const SEEN_AT_COLOUR = '#7f5a3a';

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

export interface PlacesData {
  places: Place[];
  sightings: Sighting[];
}

/** May the signed-in role see places and who was seen there? */
export const canSeePlaces = (me: PageContext['me']) =>
  me.permissions.includes('locations:read') && me.permissions.includes('sightings:read');

/**
 * The places layer, asked for only when it is switched on (each read of sightings is audited);
 * restricted sightings for the roles that may see them, as for links.
 */
export async function loadPlaces({ api, me }: Pick<PageContext, 'api' | 'me'>): Promise<PlacesData> {
  const restricted = me.permissions.includes('intelligence:read-restricted')
    ? allPages((query) => api.get('/v1/restricted-sightings', { query }))
    : Promise.resolve([]);
  const [places, shared, restrictedSightings] = await Promise.all([
    allPages((query) => api.get('/v1/locations', { query })),
    allPages((query) => api.get('/v1/sightings', { query })),
    restricted,
  ]);
  return { places, sightings: [...shared, ...restrictedSightings] };
}

/** A group's patch on the map, in graph coordinates. */
export interface GroupPatch extends Patch {
  label: string;
  size: number;
  style: GroupStyle;
}

export interface Model {
  graph: Graph;
  clusterOf: Map<string, ClusterListItem>;
  styleOf: Map<string, GroupStyle>;
  concernsOf: Map<string, Set<string>>;
  linksOf: Map<string, Relationship[]>;
  patches: GroupPatch[];
  /** Where young people in no group sit, in graph coordinates (top left corner). */
  band: Band | undefined;
  /** Where each young person sits in the layout, for placing places near them. */
  positions: Map<string, Point>;
}

/** The layout's y grows downwards; sigma's graph y grows upwards. */
const toGraph = (p: Point): Point => ({ x: p.x, y: -p.y });

export function buildModel(data: MapData): Model {
  const clusterOf = new Map<string, ClusterListItem>();
  const styleOf = new Map<string, GroupStyle>();
  for (const cluster of data.clusters) {
    styleOf.set(cluster.clusterId, groupStyle(cluster));
    for (const ref of cluster.memberRefs) clusterOf.set(ref, cluster);
  }
  const linksOf = new Map<string, Relationship[]>();
  for (const r of data.relationships) {
    for (const ref of [r.personA, r.personB]) {
      const own = linksOf.get(ref);
      if (own) own.push(r);
      else linksOf.set(ref, [r]);
    }
  }
  const byName = [...data.people].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  const layout = layoutWeek({
    people: byName.map((p) => p.ref),
    groups: data.clusters.map((c) => ({ id: c.clusterId, members: c.memberRefs })),
    // Shared records only: the map of a week looks the same to everyone at the meeting, and
    // restricted intelligence is drawn over it for those who may see it.
    links: data.relationships
      .filter((r) => !r.restricted)
      .map((r) => ({
        a: r.personA,
        b: r.personB,
        weight: r.kind === 'conflict' ? 0 : r.strength,
      })),
  });
  const clusterById = new Map(data.clusters.map((c) => [c.clusterId, c]));
  const patches = layout.patches.map((patch) => {
    const cluster = clusterById.get(patch.id);
    return {
      ...patch,
      ...toGraph(patch),
      label: cluster?.label ?? '',
      size: cluster?.size ?? 0,
      style: styleOf.get(patch.id) ?? groupStyle({ clusterId: patch.id, label: '' }),
    };
  });
  const band = layout.band && { ...layout.band, ...toGraph(layout.band) };
  const graph = networkOf(data, layout.positions, clusterOf, styleOf);
  return {
    graph,
    clusterOf,
    styleOf,
    concernsOf: openConcerns(data),
    linksOf,
    patches,
    band,
    positions: layout.positions,
  };
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

/**
 * The week as a graph. Links inside a group are drawn paler, links between groups (bridges)
 * in full colour and thicker, so what joins groups stands out. Restricted links keep their
 * kind's colour; the map marks them with dashes drawn over them.
 */
function networkOf(
  data: MapData,
  positions: Map<string, Point>,
  clusterOf: Map<string, ClusterListItem>,
  styleOf: Map<string, GroupStyle>,
): Graph {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const person of data.people) {
    const cluster = clusterOf.get(person.ref);
    const at = toGraph(positions.get(person.ref) ?? { x: 0, y: 0 });
    graph.addNode(person.ref, {
      label: person.displayName,
      ...at,
      size: 6,
      color: cluster ? (styleOf.get(cluster.clusterId)?.colour ?? NOT_IN_GROUP_COLOUR) : NOT_IN_GROUP_COLOUR,
      degree: 0,
    });
  }
  for (const r of data.relationships) {
    if (!graph.hasNode(r.personA) || !graph.hasNode(r.personB) || graph.hasEdge(r.personA, r.personB)) continue;
    const style = LINK_STYLES[r.kind] ?? { colour: '#8c8c8c', size: 1 };
    const bridge = clusterOf.get(r.personA)?.clusterId !== clusterOf.get(r.personB)?.clusterId;
    graph.addEdge(r.personA, r.personB, {
      color: bridge ? style.colour : withAlpha(style.colour, 0.45),
      size: style.size * (r.strength / 2) + (bridge ? 0.4 : 0),
      kind: r.kind,
      bridge,
      restricted: r.restricted,
    });
  }
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'degree', graph.degree(node)));
  return graph;
}

export interface PlaceLayer {
  nodes: { ref: string; label: string; x: number; y: number; seen: string[] }[];
  links: { place: string; person: string; restricted: boolean }[];
  /** Places with no one on the map seen there: not drawn. */
  unseen: number;
}

/** Places, each near the young people seen there, with a link to each of them. */
export function placeLayerOf(model: Model, data: PlacesData): PlaceLayer {
  const seenAt = new Map<string, Map<string, boolean>>();
  for (const s of data.sightings) {
    if (!model.positions.has(s.personRef)) continue;
    const people = seenAt.get(s.locationRef) ?? new Map<string, boolean>();
    // A person seen there in shared records is not restricted, even if police also hold a sighting.
    people.set(s.personRef, (people.get(s.personRef) ?? true) && s.restricted);
    seenAt.set(s.locationRef, people);
  }
  const spots = placePlaces(
    model.positions,
    data.places.map((p) => ({ ref: p.ref, seen: [...(seenAt.get(p.ref)?.keys() ?? [])] })),
  );
  const nodes = data.places.flatMap((p) => {
    const spot = spots.get(p.ref);
    return spot ? [{ ref: p.ref, label: p.name, ...toGraph(spot), seen: [...(seenAt.get(p.ref)?.keys() ?? [])] }] : [];
  });
  const links = nodes.flatMap((n) =>
    [...(seenAt.get(n.ref) ?? new Map<string, boolean>())].map(([person, restricted]) => ({
      place: n.ref,
      person,
      restricted,
    })),
  );
  return { nodes, links, unseen: data.places.length - nodes.length };
}

/** The node id of a place, kept apart from young people's refs. */
const placeNode = (ref: string) => `place:${ref}`;

/** The places layer added to the graph (and a way to take it off again). */
export function addPlaceLayer(graph: Graph, layer: PlaceLayer): () => void {
  for (const node of layer.nodes) {
    graph.addNode(placeNode(node.ref), {
      label: node.label,
      x: node.x,
      y: node.y,
      size: 7,
      color: PLACE_COLOUR,
      type: 'square',
      place: true,
      degree: node.seen.length,
    });
  }
  for (const link of layer.links) {
    if (!graph.hasNode(link.person)) continue;
    graph.addEdge(placeNode(link.place), link.person, {
      color: withAlpha(SEEN_AT_COLOUR, 0.5),
      size: 1,
      kind: 'seen_at',
      restricted: link.restricted,
    });
  }
  return () => {
    for (const node of layer.nodes) if (graph.hasNode(placeNode(node.ref))) graph.dropNode(placeNode(node.ref));
  };
}
