import type {
  AnalysisParameters,
  Concern,
  LinkKind,
  Location,
  Relationship,
  Sighting,
  YoungPerson,
} from '@peermap/domain';
import { daysBetween } from '@peermap/domain';
import Graph from 'graphology';

/** The parts of the week's map the analysis reads; the store's records fit as they are. */
export interface WeekMap {
  readonly youngPeople: readonly Pick<
    YoungPerson,
    'ref' | 'dateOfBirth' | 'educationStatus' | 'agencies' | 'strengths' | 'status'
  >[];
  readonly relationships: readonly Pick<
    Relationship,
    'personA' | 'personB' | 'kind' | 'strength' | 'firstSeen' | 'lastSeen' | 'restricted'
  >[];
  readonly sightings: readonly Pick<Sighting, 'personRef' | 'locationRef' | 'seenOn' | 'restricted'>[];
  readonly concerns: readonly Pick<Concern, 'personRef' | 'category' | 'occurredOn' | 'status'>[];
  readonly locations: readonly Pick<Location, 'ref' | 'name' | 'kind'>[];
}

/** Why two young people are linked: the relationship recorded, places they were seen together, or both. */
export interface LinkAttributes {
  weight: number;
  relationship?: { readonly kind: LinkKind; readonly strength: number; readonly lastSeen?: string | undefined };
  placesSeenTogether: readonly string[];
}

export type PeerGraph = Graph<Record<string, never>, LinkAttributes>;

export interface Conflict {
  readonly personA: string;
  readonly personB: string;
}

export interface BuiltGraph {
  readonly graph: PeerGraph;
  /** Included young people in ref order; node index i is `refs[i]`. */
  readonly refs: readonly string[];
  readonly conflicts: readonly Conflict[];
  readonly closedLeftOut: number;
  /** Places too busy (schools, stations) for being seen there together to count as a link. */
  readonly busyPlacesLeftOut: readonly string[];
}

/**
 * The week's peer graph: one node per open young person, one weighted undirected link per
 * pair that a relationship or being seen at the same place pulls together. Restricted police
 * intelligence is left out, so every reader of the clusters may see every reason for them;
 * conflicts are kept apart and never pull people together.
 */
export function buildPeerGraph(map: WeekMap, parameters: AnalysisParameters, asOf: string): BuiltGraph {
  const included = new Set<string>();
  let closedLeftOut = 0;
  for (const person of map.youngPeople) {
    if (person.status === 'open') included.add(person.ref);
    else closedLeftOut += 1;
  }
  const refs = [...included].sort();
  const graph: PeerGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const ref of refs) graph.addNode(ref);

  const week: WeekLinks = { graph, map, included, parameters, asOf, recency: recencyOf(parameters, asOf) };
  const conflicts = addRelationships(week);
  const busyPlacesLeftOut = addCoPresence(week);
  return { graph, refs, conflicts, closedLeftOut, busyPlacesLeftOut };
}

/** The graph being built, and what the week's links are drawn from and weighed by. */
interface WeekLinks {
  readonly graph: PeerGraph;
  readonly map: WeekMap;
  /** The open young people: links reach only them. */
  readonly included: ReadonlySet<string>;
  readonly parameters: AnalysisParameters;
  readonly asOf: string;
  readonly recency: (day: string) => number;
}

/** Adds each relationship the week knows of as a weighted link; returns the conflicts, kept apart. */
function addRelationships({ graph, map, included, parameters, asOf, recency }: WeekLinks): Conflict[] {
  const conflicts: Conflict[] = [];
  // In pair order, whatever order the records came in: the order links are added is the order
  // Louvain visits neighbours, so the same map gives the same clusters.
  const inPairOrder = [...map.relationships].sort(
    (x, y) => compare(x.personA, y.personA) || compare(x.personB, y.personB),
  );
  for (const relationship of inPairOrder) {
    const { personA, personB, kind } = relationship;
    if (relationship.restricted || !included.has(personA) || !included.has(personB)) continue;
    if (relationship.firstSeen && relationship.firstSeen > asOf) continue;
    if (kind === 'conflict') {
      conflicts.push({ personA, personB });
      continue;
    }
    const seen = relationship.lastSeen ?? relationship.firstSeen;
    const weight =
      relationship.strength * parameters.kindFactors[kind] * (seen ? recency(seen) : parameters.undatedLinkFactor);
    if (weight <= 0) continue;
    const described = { kind, strength: relationship.strength, lastSeen: relationship.lastSeen };
    addLink(graph, personA, personB, weight, (link) => {
      link.relationship = described;
    });
  }

  return conflicts;
}

function addLink(
  graph: PeerGraph,
  a: string,
  b: string,
  weight: number,
  describe: (attributes: LinkAttributes) => void,
): void {
  if (weight <= 0) return;
  // One lookup: the link is created with empty attributes when the pair has none yet.
  graph.updateUndirectedEdge(a, b, (attributes) => {
    const link: LinkAttributes = {
      weight: (attributes.weight ?? 0) + weight,
      placesSeenTogether: attributes.placesSeenTogether ?? NO_PLACES,
      ...(attributes.relationship ? { relationship: attributes.relationship } : {}),
    };
    describe(link);
    return link;
  });
}

const NO_PLACES: readonly string[] = Object.freeze([]);

/** `0.5 ^ (days since / half-life)`, cached per day because maps repeat their dates. */
function recencyOf(parameters: AnalysisParameters, asOf: string): (day: string) => number {
  const cache = new Map<string, number>();
  return (day) => {
    let factor = cache.get(day);
    if (factor === undefined) {
      const age = Math.max(0, daysBetween(day, asOf));
      factor = 0.5 ** (age / parameters.recencyHalfLifeDays);
      cache.set(day, factor);
    }
    return factor;
  };
}

/**
 * Young people seen at the same place within the window, in the recent period, are pulled
 * together once per place (weighted by the recency of the latest time). A place where many
 * were seen says little about who knows whom, so it is left out and named in the report.
 */
function addCoPresence({ graph, map, included, parameters, asOf, recency }: WeekLinks): string[] {
  if (parameters.coPresenceWeight === 0) return [];
  const byPlace = new Map<string, { personRef: string; seenOn: string }[]>();
  for (const sighting of map.sightings) {
    if (sighting.restricted || !included.has(sighting.personRef)) continue;
    const age = daysBetween(sighting.seenOn, asOf);
    if (age < 0 || age >= parameters.recentDays) continue;
    const seen = byPlace.get(sighting.locationRef) ?? [];
    seen.push(sighting);
    byPlace.set(sighting.locationRef, seen);
  }
  const busy: string[] = [];
  for (const [place, seen] of [...byPlace].sort(([a], [b]) => compare(a, b))) {
    const people = new Set(seen.map((s) => s.personRef)).size;
    if (people > parameters.busyPlaceThreshold) {
      busy.push(place);
      continue;
    }
    // Shared among everyone seen there (Newman's weighting of co-membership): two young people
    // seen alone together count fully, a crowd of ten a ninth as much per pair.
    const share = parameters.coPresenceWeight / Math.max(1, people - 1);
    for (const [pair, day] of pairsSeenTogether(seen, parameters.coPresenceWindowDays)) {
      const [a = '', b = ''] = pair.split('\n');
      addLink(graph, a, b, share * recency(day), (link) => {
        link.placesSeenTogether = [...link.placesSeenTogether, place];
      });
    }
  }
  return busy;
}

/** Each pair seen at one place within the window, with the latest day they were there together. */
function pairsSeenTogether(
  seen: readonly { personRef: string; seenOn: string }[],
  windowDays: number,
): Map<string, string> {
  const ordered = [...seen].sort((x, y) => compare(x.seenOn, y.seenOn) || compare(x.personRef, y.personRef));
  const pairs = new Map<string, string>();
  for (let i = 0; i < ordered.length; i++) {
    const first = ordered[i];
    if (!first) continue;
    for (let j = i + 1; j < ordered.length; j++) {
      const second = ordered[j];
      if (!second || daysBetween(first.seenOn, second.seenOn) > windowDays) break;
      if (first.personRef === second.personRef) continue;
      const key =
        first.personRef < second.personRef
          ? `${first.personRef}\n${second.personRef}`
          : `${second.personRef}\n${first.personRef}`;
      pairs.set(key, second.seenOn);
    }
  }
  return pairs;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
