import {
  type AnalysisParameters,
  ageOn,
  type ClusterChange,
  type ClusterSnapshot,
  CONCERN_LABELS,
  type ConcernCategory,
  daysBetween,
  type MemberExplanation,
  stabilityInWords,
  strengthsInWords,
} from '@peermap/domain';
import { type Adjacency, forEachLink } from './adjacency';
import { betweennessInside } from './betweenness';
import type { BuiltGraph, WeekMap } from './peer-graph';

export interface ClusterToExplain {
  readonly members: readonly number[];
  readonly clusterId: string;
  readonly label: string;
  readonly change: ClusterChange;
}

export interface ExplainInput {
  readonly built: BuiltGraph;
  readonly adjacency: Adjacency;
  readonly map: WeekMap;
  readonly parameters: AnalysisParameters;
  readonly asOf: string;
  readonly clusters: readonly ClusterToExplain[];
  /** Each node's stability (see `memberStability`). */
  readonly stability: Float64Array;
}

export type ClusterReport = Omit<ClusterSnapshot, 'partnershipId' | 'analysisId' | 'week'>;

const STRONGEST_LINKS_SHOWN = 3;
const MOST_CONNECTED_SHOWN = 3;
const PLACES_SHOWN = 5;
const BRIDGE_PAIRS_SHOWN = 3;

/**
 * Why each cluster is what it is, in terms a person can check against the map: each member's
 * strongest links inside and the share of their links that stay inside; the group's size,
 * ages, density, most connected members (with the figures that order them), bridges to other
 * clusters, conflicts, places, concerns, agencies, education and what is going well.
 */
export function explainClusters(input: ExplainInput): ClusterReport[] {
  const context = contextOf(input);
  return input.clusters.map((cluster, position) => explainCluster(context, cluster, position));
}

type Context = ReturnType<typeof contextOf>;

function contextOf(input: ExplainInput) {
  const { built, map, parameters, asOf } = input;
  const clusterOfNode = new Int32Array(built.refs.length).fill(-1);
  input.clusters.forEach((cluster, position) => {
    for (const member of cluster.members) clusterOfNode[member] = position;
  });
  const clusterOfRef = new Map<string, number>();
  built.refs.forEach((ref, node) => {
    clusterOfRef.set(ref, clusterOfNode[node] ?? -1);
  });
  const byPerson = <T extends { personRef: string }>(records: readonly T[], keep: (record: T) => boolean) => {
    const index = new Map<string, T[]>();
    for (const record of records) {
      if (!keep(record)) continue;
      const list = index.get(record.personRef) ?? [];
      list.push(record);
      index.set(record.personRef, list);
    }
    return index;
  };
  const recent = (day: string) => {
    const age = daysBetween(day, asOf);
    return age >= 0 && age < parameters.recentDays;
  };
  return {
    input,
    clusterOfNode,
    clusterOfRef,
    conflictsByCluster: conflictsByCluster(built.conflicts, clusterOfRef),
    people: new Map(map.youngPeople.map((person) => [person.ref, person])),
    places: new Map(map.locations.map((location) => [location.ref, location])),
    sightings: byPerson(map.sightings, (s) => !s.restricted && recent(s.seenOn)),
    concerns: byPerson(map.concerns, (c) => c.occurredOn <= asOf),
    recent,
  };
}

function explainCluster(context: Context, cluster: ClusterToExplain, position: number): ClusterReport {
  const { input } = context;
  const refs = cluster.members.map((member) => input.built.refs[member] ?? '');
  const local = new Map(cluster.members.map((member, at) => [member, at]));
  const insideNeighbours: number[][] = cluster.members.map(() => []);
  const insideWeight = new Float64Array(cluster.members.length);
  let insideLinks = 0;
  cluster.members.forEach((member, at) => {
    forEachLink(input.adjacency, member, (neighbour, weight) => {
      const other = local.get(neighbour);
      if (other === undefined) return;
      insideNeighbours[at]?.push(other);
      insideWeight[at] = (insideWeight[at] ?? 0) + weight;
      if (other > at) insideLinks += 1;
    });
  });
  const betweenness = betweennessInside(insideNeighbours);
  const members = cluster.members.map((member) => explainMember(context, member, position));
  const stability = members.reduce((sum, m) => sum + m.stability, 0) / members.length;
  const size = refs.length;
  const report: ClusterReport = {
    clusterId: cluster.clusterId,
    label: cluster.label,
    memberRefs: refs,
    stability: round(stability),
    weak: stability < input.parameters.weakStability,
    change: cluster.change,
    ageRange: ageRangeOf(context, refs),
    density: size < 2 ? 0 : round(insideLinks / ((size * (size - 1)) / 2)),
    mostConnected: refs
      .map((ref, at) => ({
        ref,
        linksInside: insideNeighbours[at]?.length ?? 0,
        linkWeightInside: round(insideWeight[at] ?? 0),
        betweennessInside: round(betweenness[at] ?? 0),
      }))
      .sort((a, b) => b.linkWeightInside - a.linkWeightInside || b.betweennessInside - a.betweennessInside)
      .slice(0, MOST_CONNECTED_SHOWN),
    bridges: bridgesOf(context, cluster, position),
    tensions: tensionsOf(context, position),
    places: placesOf(context, refs),
    concerns: concernsOf(context, refs),
    agencies: countBy(refs.flatMap((ref) => context.people.get(ref)?.agencies ?? [])).map(([agency, youngPeople]) => ({
      agency,
      youngPeople,
    })),
    education: countBy(refs.flatMap((ref) => context.people.get(ref)?.educationStatus ?? [])).map(
      ([status, youngPeople]) => ({ status, youngPeople }),
    ),
    strengths: refs.flatMap((ref) => {
      const strengths = context.people.get(ref)?.strengths ?? [];
      return strengths.length > 0 ? [{ ref, strengths: [...strengths] }] : [];
    }),
    members,
    narrative: '',
  };
  return { ...report, narrative: narrativeOf(report) };
}

function explainMember(context: Context, member: number, position: number): MemberExplanation {
  const { input } = context;
  const ref = input.built.refs[member] ?? '';
  let inside = 0;
  let total = 0;
  let linksInside = 0;
  const strongest: { neighbour: number; weight: number }[] = [];
  forEachLink(input.adjacency, member, (neighbour, weight) => {
    total += weight;
    if (context.clusterOfNode[neighbour] !== position) return;
    inside += weight;
    linksInside += 1;
    strongest.push({ neighbour, weight });
  });
  strongest.sort((a, b) => b.weight - a.weight || a.neighbour - b.neighbour);
  return {
    ref,
    stability: round(input.stability[member] ?? 0),
    shareOfLinkWeightInside: total === 0 ? 0 : round(inside / total),
    linksInside,
    linksOutside: (input.adjacency.offsets[member + 1] ?? 0) - (input.adjacency.offsets[member] ?? 0) - linksInside,
    strongestLinks: strongest.slice(0, STRONGEST_LINKS_SHOWN).map(({ neighbour, weight }) => {
      const other = input.built.refs[neighbour] ?? '';
      const link = input.built.graph.getUndirectedEdgeAttributes(ref, other);
      return {
        ref: other,
        weight: round(weight),
        ...(link.relationship
          ? {
              kind: link.relationship.kind,
              strength: link.relationship.strength,
              ...(link.relationship.lastSeen ? { lastSeen: link.relationship.lastSeen } : {}),
            }
          : {}),
        placesSeenTogether: [...link.placesSeenTogether],
      };
    }),
  };
}

function ageRangeOf(context: Context, refs: readonly string[]) {
  const ages = refs.flatMap((ref) => {
    const person = context.people.get(ref);
    return person ? [ageOn(person.dateOfBirth, context.input.asOf)] : [];
  });
  // A loop, not Math.min(...ages): a very large cluster would overflow the call's arguments.
  return ages.reduce(
    (range, age) => ({ youngest: Math.min(range.youngest, age), oldest: Math.max(range.oldest, age) }),
    { youngest: ages[0] ?? 0, oldest: ages[0] ?? 0 },
  );
}

function bridgesOf(context: Context, cluster: ClusterToExplain, position: number): ClusterReport['bridges'] {
  const { input } = context;
  const byCluster = new Map<
    number,
    { links: number; weight: number; pairs: { inside: number; outside: number; weight: number }[] }
  >();
  for (const member of cluster.members) {
    forEachLink(input.adjacency, member, (neighbour, weight) => {
      const other = context.clusterOfNode[neighbour] ?? -1;
      if (other < 0 || other === position) return;
      const bridge = byCluster.get(other) ?? { links: 0, weight: 0, pairs: [] };
      bridge.links += 1;
      bridge.weight += weight;
      bridge.pairs.push({ inside: member, outside: neighbour, weight });
      byCluster.set(other, bridge);
    });
  }
  return [...byCluster]
    .sort(([a, x], [b, y]) => y.weight - x.weight || a - b)
    .map(([other, bridge]) => ({
      clusterId: input.clusters[other]?.clusterId ?? '',
      links: bridge.links,
      weight: round(bridge.weight),
      pairs: bridge.pairs
        .sort((x, y) => y.weight - x.weight || x.inside - y.inside)
        .slice(0, BRIDGE_PAIRS_SHOWN)
        .map((pair) => ({
          inside: input.built.refs[pair.inside] ?? '',
          outside: input.built.refs[pair.outside] ?? '',
        })),
    }));
}

function tensionsOf(context: Context, position: number): ClusterReport['tensions'] {
  return (context.conflictsByCluster.get(position) ?? []).map(({ inside, other, otherCluster }) => {
    const otherClusterId = otherCluster === position ? undefined : context.input.clusters[otherCluster]?.clusterId;
    return { inside, other, ...(otherClusterId ? { otherClusterId } : {}) };
  });
}

/** Each conflict filed under the cluster of each side (once when both are in the same one). */
function conflictsByCluster(conflicts: BuiltGraph['conflicts'], clusterOfRef: ReadonlyMap<string, number>) {
  const byCluster = new Map<number, { inside: string; other: string; otherCluster: number }[]>();
  const file = (position: number, entry: { inside: string; other: string; otherCluster: number }) => {
    if (position < 0) return;
    const list = byCluster.get(position) ?? [];
    list.push(entry);
    byCluster.set(position, list);
  };
  for (const { personA, personB } of conflicts) {
    const a = clusterOfRef.get(personA) ?? -1;
    const b = clusterOfRef.get(personB) ?? -1;
    file(a, { inside: personA, other: personB, otherCluster: b });
    if (b !== a) file(b, { inside: personB, other: personA, otherCluster: a });
  }
  return byCluster;
}

function placesOf(context: Context, refs: readonly string[]): ClusterReport['places'] {
  const byPlace = new Map<string, { sightings: number; people: Set<string>; lastSeen: string }>();
  for (const ref of refs) {
    for (const sighting of context.sightings.get(ref) ?? []) {
      const place = byPlace.get(sighting.locationRef) ?? { sightings: 0, people: new Set(), lastSeen: '' };
      place.sightings += 1;
      place.people.add(ref);
      if (sighting.seenOn > place.lastSeen) place.lastSeen = sighting.seenOn;
      byPlace.set(sighting.locationRef, place);
    }
  }
  return [...byPlace]
    .flatMap(([locationRef, place]) => {
      const location = context.places.get(locationRef);
      if (!location) return [];
      return [
        {
          locationRef,
          name: location.name,
          kind: location.kind,
          recentSightings: place.sightings,
          youngPeopleSeen: place.people.size,
          lastSeen: place.lastSeen,
        },
      ];
    })
    .sort(
      (a, b) =>
        b.recentSightings - a.recentSightings ||
        b.youngPeopleSeen - a.youngPeopleSeen ||
        (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) ||
        (a.locationRef < b.locationRef ? -1 : 1),
    )
    .slice(0, PLACES_SHOWN);
}

function concernsOf(context: Context, refs: readonly string[]): ClusterReport['concerns'] {
  const byCategory = new Map<ConcernCategory, { people: Set<string>; open: number; recent: number; last: string }>();
  for (const ref of refs) {
    for (const concern of context.concerns.get(ref) ?? []) {
      const entry = byCategory.get(concern.category) ?? { people: new Set(), open: 0, recent: 0, last: '' };
      entry.people.add(ref);
      if (concern.status === 'open') entry.open += 1;
      if (context.recent(concern.occurredOn)) entry.recent += 1;
      if (concern.occurredOn > entry.last) entry.last = concern.occurredOn;
      byCategory.set(concern.category, entry);
    }
  }
  return [...byCategory]
    .map(([category, entry]) => ({
      category,
      label: CONCERN_LABELS[category],
      youngPeople: entry.people.size,
      open: entry.open,
      recent: entry.recent,
      lastOccurred: entry.last,
    }))
    .sort((a, b) => b.youngPeople - a.youngPeople || b.recent - a.recent || (a.category < b.category ? -1 : 1));
}

function countBy<T extends string>(values: readonly T[]): [T, number][] {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}

/** Strengths first, then who is in the group and how sure the grouping is, in plain words. */
function narrativeOf(report: ClusterReport): string {
  const size = report.memberRefs.length;
  const ages =
    report.ageRange.youngest === report.ageRange.oldest
      ? `aged ${report.ageRange.youngest}`
      : `aged ${report.ageRange.youngest} to ${report.ageRange.oldest}`;
  const sureness = stabilityInWords(report.stability);
  const parts = [
    strengthsInWords(report.strengths),
    `${report.label} links ${size} young people ${ages}, each a child who may be at risk of harm.`,
    report.weak
      ? `This is a weak grouping: when the analysis was run again and again, ${sureness}, so check it against what partners know before planning for it as a group.`
      : `When the analysis was run again and again, ${sureness}.`,
  ];
  const [topConcern] = report.concerns;
  if (topConcern) parts.push(`Most shared concern: ${topConcern.youngPeople} of them ${topConcern.label}.`);
  const [topPlace] = report.places;
  if (topPlace) parts.push(`The place they are seen most: ${topPlace.name}.`);
  return parts.join(' ');
}

const round = (value: number) => Math.round(value * 1000) / 1000;
