import { type AnalysisParameters, blamingPhrasesIn, DEFAULT_ANALYSIS_PARAMETERS } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { adjacencyOf } from './adjacency';
import { analyseWeek, type PreviousAnalysis, type WeekAnalysis } from './analyse';
import { clusterPeers, splitIntoConnected } from './clustering';
import { labelsOfClusters, normalisedMutualInformation } from './compare';
import { DEMO_WEEKS, demoMaps } from './demo-weeks.testing';
import { buildPeerGraph, type PeerGraph, type WeekMap } from './peer-graph';
import { plantedMap } from './planted.testing';
import { subGroupsOf } from './sub-groups';

const P = DEFAULT_ANALYSIS_PARAMETERS;
const WEEK = '2026-W45';
const AS_OF = '2026-11-08';
const idOf = (n: number) => `C-${n}`;

function planted(mixing: number, youngPeople = 1000, seed = 11) {
  return plantedMap({ youngPeople, averageDegree: 8, mixing, smallestGroup: 5, largestGroup: 40, seed, asOf: AS_OF });
}

describe('peer clusters on planted maps', () => {
  it('recovers planted groups at mixing 0.3 (NMI ≥ 0.95) with the density-threshold resolution', () => {
    const { map, plantedGroups } = planted(0.3);
    const result = analyseWeek({ map, week: WEEK, parameters: P, newClusterId: idOf });
    const refs = map.youngPeople.map((p) => p.ref);
    expect(normalisedMutualInformation(plantedGroups, labelsOfClusters(result.clusters, refs))).toBeGreaterThanOrEqual(
      0.95,
    );
    expect(result.summary.resolution).toBeGreaterThan(1);
    expect(result.summary.meanStability).toBeGreaterThan(0.8);
  });

  it('gives the same clusters for the same map and parameters, and other runs with another seed', () => {
    const { map } = planted(0.4, 600);
    const once = analyseWeek({ map, week: WEEK, parameters: P, newClusterId: idOf });
    const again = analyseWeek({ map, week: WEEK, parameters: P, newClusterId: idOf });
    expect(again).toEqual(once);
    const reseeded = analyseWeek({ map, week: WEEK, parameters: { ...P, seed: 99 }, newClusterId: idOf });
    expect(reseeded.clusters.map((c) => c.memberRefs)).not.toEqual(once.clusters.map((c) => c.memberRefs));
  });

  it('reports a random map of the same size and degree as weak, in words', () => {
    const { map } = planted(1, 1000);
    const result = analyseWeek({ map, week: WEEK, parameters: P, newClusterId: idOf });
    expect(result.summary.meanStability).toBeLessThan(P.weakStability);
    expect(result.summary.assessment).toMatch(/weak/);
    expect(result.clusters.filter((c) => c.weak).length).toBeGreaterThan(result.clusters.length / 2);
    const structured = analyseWeek({ map: planted(0.3, 1000).map, week: WEEK, parameters: P, newClusterId: idOf });
    expect(structured.summary.meanStability).toBeGreaterThan(0.85);
    expect(structured.summary.assessment).not.toMatch(/are weak/);
  });
});

describe('every cluster is connected', () => {
  it('splits a community whose parts are not linked into its connected parts', () => {
    const { graph, refs } = buildPeerGraph(chain(['A', 'B'], ['C', 'D']), P, AS_OF);
    const adjacency = adjacencyOf(graph, refs);
    const { labels, count, disconnectedBeforeSplit } = splitIntoConnected(adjacency, Int32Array.from([0, 0, 0, 0]));
    expect(count).toBe(2);
    expect(disconnectedBeforeSplit).toBe(1);
    expect([...labels]).toEqual([0, 0, 1, 1]);
  });

  it('holds for every cluster of every seeded run on a map with bridges', () => {
    const { map } = planted(0.5, 800);
    const { graph, refs } = buildPeerGraph(map, P, AS_OF);
    const adjacency = adjacencyOf(graph, refs);
    const clustering = clusterPeers(graph, refs, adjacency, P);
    for (const run of [clustering.chosen, ...clustering.others]) {
      const again = splitIntoConnected(adjacency, run.labels);
      expect(again.disconnectedBeforeSplit).toBe(0);
      expect(again.count).toBe(run.count);
    }
  });
});

describe('the graph', () => {
  const person = (ref: string, status: 'open' | 'closed' = 'open') => ({
    ref,
    dateOfBirth: '2011-05-01',
    educationStatus: 'attending' as const,
    agencies: [],
    strengths: [],
    status,
  });
  const link = (personA: string, personB: string, extra: Partial<WeekMap['relationships'][number]> = {}) => ({
    personA,
    personB,
    kind: 'friend' as const,
    strength: 3 as const,
    lastSeen: AS_OF,
    restricted: false,
    ...extra,
  });

  it('weighs strength × kind × recency, keeps conflicts apart and leaves closed cases and restricted intelligence out', () => {
    const map: WeekMap = {
      youngPeople: [person('A'), person('B'), person('C'), person('D', 'closed'), person('E')],
      relationships: [
        link('A', 'B', { kind: 'associate', strength: 2, lastSeen: '2026-10-25' }),
        link('A', 'C', { kind: 'conflict' }),
        link('A', 'D'),
        link('B', 'C', { restricted: true }),
        link('C', 'E', { firstSeen: '2026-12-01', lastSeen: '2026-12-01' }),
      ],
      sightings: [],
      concerns: [],
      locations: [],
    };
    const built = buildPeerGraph(map, P, AS_OF);
    expect(built.refs).toEqual(['A', 'B', 'C', 'E']);
    expect(built.closedLeftOut).toBe(1);
    expect(built.graph.size).toBe(1);
    expect(built.graph.getEdgeAttribute('A', 'B', 'weight')).toBeCloseTo(2 * 0.8 * 0.5);
    expect(built.conflicts).toEqual([{ personA: 'A', personB: 'C' }]);
  });

  it('adds co-presence at a place once per pair, shared among those seen there, and leaves busy places out', () => {
    const seen = (personRef: string, locationRef: string, seenOn: string) => ({
      personRef,
      locationRef,
      seenOn,
      restricted: false,
    });
    const crowd = Array.from({ length: 4 }, (_, i) => seen(`Q${i}`, 'BUSY', AS_OF));
    const map: WeekMap = {
      youngPeople: ['A', 'B', 'C', 'Q0', 'Q1', 'Q2', 'Q3'].map((ref) => person(ref)),
      relationships: [],
      sightings: [
        seen('A', 'PARK', AS_OF),
        seen('B', 'PARK', '2026-11-04'),
        seen('B', 'PARK', AS_OF),
        seen('C', 'PARK', '2026-10-01'),
        { ...seen('C', 'PARK', AS_OF), restricted: true },
        ...crowd,
      ],
      concerns: [],
      locations: [],
    };
    const built = buildPeerGraph(map, { ...P, busyPlaceThreshold: 3 }, AS_OF);
    expect(built.graph.size).toBe(1);
    expect(built.graph.getEdgeAttributes('A', 'B')).toEqual({
      weight: P.coPresenceWeight,
      placesSeenTogether: ['PARK'],
    });
    expect(built.busyPlacesLeftOut).toEqual(['BUSY']);
  });
});

describe('explanations', () => {
  it('agree with the links: strongest links, share inside, density and bridges match the graph', () => {
    const { map } = planted(0.3, 400, 5);
    const result = analyseWeek({ map, week: WEEK, parameters: P, newClusterId: idOf });
    const { graph } = buildPeerGraph(map, P, AS_OF);
    const clusterOf = new Map(result.clusters.flatMap((c) => c.memberRefs.map((ref) => [ref, c.clusterId] as const)));
    for (const cluster of result.clusters) expectExplanationToMatchGraph(cluster, graph, clusterOf);
  });

  it('computes betweenness inside the cluster: the middle of a chain is the most connected', () => {
    const map = chain(['A', 'B', 'C', 'D', 'E']);
    const [cluster] = analyseWeek({
      map,
      week: WEEK,
      parameters: { ...P, minimumResolution: 0.1 },
      newClusterId: idOf,
    }).clusters;
    expect(cluster?.mostConnected.map((m) => m.ref)).toEqual(['C', 'B', 'D']);
    expect(cluster?.mostConnected[0]?.betweennessInside).toBeCloseTo(4 / 6, 3);
  });
});

describe('week to week on the demo map', () => {
  const weeks = runDemoWeeks(P);

  it('reports everyone: clustered, in a small group or on their own', () => {
    for (const { result, map } of weeks) {
      const reported = new Set([
        ...result.clusters.flatMap((c) => c.memberRefs),
        ...result.summary.smallGroups.flat(),
        ...result.summary.onTheirOwn,
      ]);
      expect(reported.size).toBe(map.youngPeople.filter((p) => p.status === 'open').length);
    }
  });

  it('week 2: a young person moves from one group to another', () => {
    const { result } = weeks[1] ?? fail();
    const grown = result.clusters.find((c) => c.change.joined.includes('YP00001'));
    const shrunk = result.clusters.find((c) => c.change.left.includes('YP00001'));
    expect(grown?.change.status).toBe('grown');
    expect(shrunk?.change.status).toBe('shrunk');
    expect(grown?.memberRefs).toEqual(expect.arrayContaining(['YP00001', 'YP00007', 'YP00008']));
  });

  it('week 3: two groups merge, one keeps its id and the other is reported as merged into it', () => {
    const { result } = weeks[2] ?? fail();
    const merged = result.clusters.find((c) => c.memberRefs.includes('YP00011'));
    expect(merged?.change.status).toBe('merged');
    expect(merged?.memberRefs).toEqual(expect.arrayContaining(['YP00011', 'YP00016']));
    expect(merged?.change.previousClusterIds).toHaveLength(2);
    expect(merged?.change.previousClusterIds).toContain(merged?.clusterId);
    const ended = result.summary.ended.find(
      (e) => e.memberRefs.includes('YP00016') || e.memberRefs.includes('YP00011'),
    );
    expect(ended?.mergedInto).toBe(merged?.clusterId);
  });

  it('week 4: a new group forms among young people who were on their own', () => {
    const { result } = weeks[3] ?? fail();
    const before = weeks[2]?.result.summary.onTheirOwn ?? [];
    const formed = result.clusters.find((c) => c.change.status === 'new');
    expect(formed?.memberRefs).toEqual(['YP00114', 'YP00115', 'YP00116']);
    expect(before).toEqual(expect.arrayContaining(['YP00114', 'YP00115', 'YP00116']));
    expect(formed?.label).toBe(`Group ${(weeks[2]?.result.summary.labelsIssued ?? 0) + 1}`);
  });

  it('week 3 read back against week 2: the merged group splits, and its parts say so', () => {
    const maps = demoMaps();
    const week3 = weeks[2]?.result ?? fail();
    const merged = week3.clusters.find((c) => c.memberRefs.includes('YP00011')) ?? fail();
    const previous = {
      analysisId: 'w3',
      week: '2026-W47',
      clusters: week3.clusters,
      labelsIssued: week3.summary.labelsIssued,
    };
    const back = analyseWeek({ map: maps[1] ?? fail(), week: '2026-W46', parameters: P, previous, newClusterId: idOf });
    const parts = back.clusters.filter((c) => c.change.previousClusterIds.includes(merged.clusterId));
    expect(parts.length).toBe(2);
    for (const part of parts) {
      expect(part.change.status).toBe('split');
      expect(part.change.splitInto).toHaveLength(2);
    }
    expect(parts.map((p) => p.clusterId)).toContain(merged.clusterId);
  });

  it('week 4 read back against week 3: the new group ends and its members are on their own again', () => {
    const maps = demoMaps();
    const week4 = weeks[3]?.result ?? fail();
    const formed = week4.clusters.find((c) => c.change.status === 'new') ?? fail();
    const previous = {
      analysisId: 'w4',
      week: '2026-W48',
      clusters: week4.clusters,
      labelsIssued: week4.summary.labelsIssued,
    };
    const back = analyseWeek({ map: maps[2] ?? fail(), week: '2026-W47', parameters: P, previous, newClusterId: idOf });
    expect(back.summary.ended).toContainEqual({
      clusterId: formed.clusterId,
      label: formed.label,
      memberRefs: formed.memberRefs,
    });
    expect(back.summary.onTheirOwn).toEqual(expect.arrayContaining(formed.memberRefs));
  });

  it('keeps ids and labels of continuing clusters', () => {
    const [first, second] = weeks;
    for (const cluster of second?.result.clusters ?? []) {
      if (cluster.change.status !== 'continuing') continue;
      const before = first?.result.clusters.find((c) => c.clusterId === cluster.clusterId);
      expect(before?.memberRefs).toEqual(cluster.memberRefs);
      expect(before?.label).toBe(cluster.label);
    }
  });

  it('writes in strengths-based, non-blaming words', () => {
    for (const { result } of weeks) {
      for (const cluster of result.clusters) {
        expect(blamingPhrasesIn(cluster.narrative)).toEqual([]);
        expect(cluster.narrative).toMatch(/child who may be at risk of harm/);
        expect(cluster.narrative).not.toMatch(/leader/i);
      }
      expect(blamingPhrasesIn(result.summary.assessment)).toEqual([]);
    }
  });

  it('names the strengths themselves and says how sure it is in plain words, not as figures', () => {
    for (const { result } of weeks) {
      for (const cluster of result.clusters) {
        const [first] = cluster.strengths.flatMap((s) => s.strengths);
        if (first) expect(cluster.narrative).toContain(`What is going well: ${first.trim()}`);
        expect(cluster.narrative).not.toMatch(/have strengths recorded|%|repeated runs/);
        expect(cluster.narrative).toMatch(/the (same )?group came out/);
      }
    }
  });
});

function expectExplanationToMatchGraph(
  cluster: WeekAnalysis['clusters'][number],
  graph: PeerGraph,
  clusterOf: ReadonlyMap<string, string>,
) {
  const inside = new Set(cluster.memberRefs);
  const weightOf = (a: string, b: string) => graph.getEdgeAttribute(a, b, 'weight');
  let insideLinks = 0;
  for (const member of cluster.members) {
    const neighbours = graph.neighbors(member.ref);
    const all = neighbours.reduce((sum, other) => sum + weightOf(member.ref, other), 0);
    const within = neighbours.filter((other) => inside.has(other));
    insideLinks += within.filter((other) => other > member.ref).length;
    const weightInside = within.reduce((sum, other) => sum + weightOf(member.ref, other), 0);
    expect(member.shareOfLinkWeightInside).toBeCloseTo(weightInside / all, 2);
    for (const strongest of member.strongestLinks) {
      expect(inside.has(strongest.ref)).toBe(true);
      expect(weightOf(member.ref, strongest.ref)).toBeCloseTo(strongest.weight, 2);
    }
  }
  const n = cluster.memberRefs.length;
  expect(cluster.density).toBeCloseTo(insideLinks / ((n * (n - 1)) / 2), 2);
  for (const bridge of cluster.bridges) {
    for (const pair of bridge.pairs) {
      expect(graph.hasEdge(pair.inside, pair.outside)).toBe(true);
      expect(clusterOf.get(pair.outside)).toBe(bridge.clusterId);
    }
  }
  const [first, second] = cluster.mostConnected;
  if (first && second) expect(first.linkWeightInside).toBeGreaterThanOrEqual(second.linkWeightInside);
}

function runDemoWeeks(parameters: AnalysisParameters) {
  let previous: PreviousAnalysis | undefined;
  return demoMaps().map((map, index) => {
    const { week } = DEMO_WEEKS[index] ?? fail();
    const result = analyseWeek({ map, week, parameters, previous, newClusterId: (n) => `${week}-${n}` });
    previous = {
      analysisId: `run-${index}`,
      week,
      clusters: result.clusters,
      labelsIssued: result.summary.labelsIssued,
    };
    return { map, result };
  });
}

/** Young people linked in a line, one chain per list. */
function chain(...lines: string[][]): WeekMap {
  return {
    youngPeople: lines.flat().map((ref) => ({
      ref,
      dateOfBirth: '2011-05-01',
      educationStatus: 'attending' as const,
      agencies: [],
      strengths: [],
      status: 'open' as const,
    })),
    relationships: lines.flatMap((line) =>
      line.slice(1).map((ref, i) => ({
        personA: line[i] ?? '',
        personB: ref,
        kind: 'friend' as const,
        strength: 3 as const,
        lastSeen: AS_OF,
        restricted: false,
      })),
    ),
    sightings: [],
    concerns: [],
    locations: [],
  };
}

function fail(): never {
  throw new Error('missing test data');
}

describe('conflicts', () => {
  it('never pull people together and are shown as tensions, inside a cluster and across clusters', () => {
    const map = chain(['A', 'B', 'C', 'D'], ['E', 'F', 'G', 'H']);
    const conflict = (personA: string, personB: string) => ({
      personA,
      personB,
      kind: 'conflict' as const,
      strength: 3 as const,
      lastSeen: AS_OF,
      restricted: false,
    });
    const withConflicts: WeekMap = {
      ...map,
      relationships: [...map.relationships, conflict('A', 'E'), conflict('B', 'C')],
    };
    const result = analyseWeek({
      map: withConflicts,
      week: WEEK,
      parameters: { ...P, minimumResolution: 0.1 },
      newClusterId: idOf,
    });
    expect(result.clusters.map((c) => c.memberRefs)).toEqual([
      ['A', 'B', 'C', 'D'],
      ['E', 'F', 'G', 'H'],
    ]);
    const [first, second] = result.clusters;
    expect(first?.tensions).toEqual([
      { inside: 'A', other: 'E', otherClusterId: second?.clusterId },
      { inside: 'B', other: 'C' },
    ]);
    expect(second?.tensions).toEqual([{ inside: 'E', other: 'A', otherClusterId: first?.clusterId }]);
  });
});

describe('order of the records', () => {
  it('does not change the clusters: the same map in another order gives the same result', () => {
    const { map } = planted(0.4, 600, 9);
    const shuffled: WeekMap = {
      ...map,
      youngPeople: [...map.youngPeople].reverse(),
      relationships: [...map.relationships].reverse(),
    };
    const once = analyseWeek({ map, week: WEEK, parameters: P, newClusterId: idOf });
    expect(analyseWeek({ map: shuffled, week: WEEK, parameters: P, newClusterId: idOf })).toEqual(once);
  });
});

describe('sub-groups of a cluster', () => {
  it('splits a cluster along its weakest links, the same way every time', () => {
    const links: Record<string, [string, number][]> = {
      A: [
        ['B', 3],
        ['C', 3],
      ],
      B: [
        ['A', 3],
        ['C', 3],
      ],
      C: [
        ['A', 3],
        ['B', 3],
        ['D', 0.3],
      ],
      D: [
        ['E', 3],
        ['F', 3],
        ['C', 0.3],
      ],
      E: [
        ['D', 3],
        ['F', 3],
      ],
      F: [
        ['D', 3],
        ['E', 3],
      ],
    };
    const cluster = {
      memberRefs: Object.keys(links),
      members: Object.entries(links).map(([ref, strongest]) => ({
        ref,
        stability: 1,
        shareOfLinkWeightInside: 1,
        linksInside: strongest.length,
        linksOutside: 0,
        strongestLinks: strongest.map(([other, weight]) => ({ ref: other, weight, placesSeenTogether: [] })),
      })),
    };
    expect(subGroupsOf(cluster)).toEqual([
      ['A', 'B', 'C'],
      ['D', 'E', 'F'],
    ]);
    expect(subGroupsOf(cluster)).toEqual(subGroupsOf(cluster));
  });
});
