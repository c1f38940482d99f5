import type { AnalysisParameters } from '@peermap/domain';
import louvain from 'graphology-communities-louvain';
import { type Adjacency, forEachLink } from './adjacency';
import type { PeerGraph } from './peer-graph';
import { seededRandom } from './random';

/** One clustering of the graph: a community label per node index, every community connected. */
export interface Partition {
  readonly labels: Int32Array;
  readonly count: number;
  /** Louvain communities that were not connected before they were split. */
  readonly disconnectedBeforeSplit: number;
  /** Louvain's own modularity at the run's resolution, used to pick the best run. */
  readonly louvainModularity: number;
  readonly seed: number;
}

export interface Clustering {
  readonly resolution: number;
  /** The run kept (the best modularity at the resolution; the lowest seed on a tie). */
  readonly chosen: Partition;
  /** The other seeded runs, against which stability is measured. */
  readonly others: readonly Partition[];
}

/**
 * The resolution that keeps clusters at peer-group scale on maps of any size. Modularity at
 * resolution γ merges two groups A and B when the weight between them exceeds
 * γ·d(A)·d(B)/2W; with γ = ρ·N²/2E (N linked young people, E links, W their total weight)
 * that becomes "more than ρ × the average link weight × |A|·|B|" for groups of average
 * degree: the Constant Potts Model's density threshold ρ, which does not fade as the map
 * grows the way resolution 1 does.
 */
export function resolutionFor(adjacency: Adjacency, parameters: AnalysisParameters): number {
  if (adjacency.linkCount === 0) return parameters.minimumResolution;
  let linked = 0;
  for (let i = 0; i < adjacency.size; i++) {
    if ((adjacency.offsets[i + 1] ?? 0) > (adjacency.offsets[i] ?? 0)) linked += 1;
  }
  const threshold = (parameters.groupDensityThreshold * linked * linked) / (2 * adjacency.linkCount);
  return Math.max(parameters.minimumResolution, threshold);
}

/** Seeded Louvain runs (seed, seed+1, …), each split into connected communities. */
export function clusterPeers(
  graph: PeerGraph,
  refs: readonly string[],
  adjacency: Adjacency,
  parameters: AnalysisParameters,
  resolution = resolutionFor(adjacency, parameters),
): Clustering {
  const first = louvainRun(graph, refs, adjacency, resolution, parameters.seed);
  return withStabilityRuns(first, graph, refs, adjacency, parameters, resolution);
}

/**
 * The further runs (seed+1, …, seed+stabilityRuns) beside a first one; the run kept is the one
 * with the best modularity at the resolution, the lowest seed on a tie.
 */
export function withStabilityRuns(
  first: Partition,
  graph: PeerGraph,
  refs: readonly string[],
  adjacency: Adjacency,
  parameters: AnalysisParameters,
  resolution: number,
): Clustering {
  const runs = [first];
  for (let run = 1; run <= parameters.stabilityRuns; run++) {
    runs.push(louvainRun(graph, refs, adjacency, resolution, parameters.seed + run));
  }
  let chosen = first;
  for (const run of runs) if (run.louvainModularity > chosen.louvainModularity) chosen = run;
  return { resolution, chosen, others: runs.filter((run) => run !== chosen) };
}

/** One seeded Louvain run at a resolution, split into connected communities. */
export function louvainRun(
  graph: PeerGraph,
  refs: readonly string[],
  adjacency: Adjacency,
  resolution: number,
  seed: number,
): Partition {
  const raw = new Int32Array(refs.length);
  let louvainModularity = 0;
  if (graph.size > 0) {
    const result = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
    refs.forEach((ref, index) => {
      raw[index] = result.communities[ref] ?? -1;
    });
    louvainModularity = result.modularity;
  } else {
    raw.forEach((_, index) => {
      raw[index] = index;
    });
  }
  return { ...splitIntoConnected(adjacency, raw), louvainModularity, seed };
}

/**
 * Louvain can leave a community whose parts are no longer linked (the defect Leiden fixes).
 * Each connected part inside a community becomes its own community; labels are numbered in
 * order of each community's first node, so equal partitions get equal labels.
 */
export function splitIntoConnected(
  adjacency: Adjacency,
  raw: Int32Array,
): { labels: Int32Array; count: number; disconnectedBeforeSplit: number } {
  const labels = new Int32Array(adjacency.size).fill(-1);
  const partsOf = new Map<number, number>();
  const queue = new Int32Array(adjacency.size);
  let count = 0;
  for (let start = 0; start < adjacency.size; start++) {
    if ((labels[start] ?? 0) !== -1) continue;
    const community = raw[start] ?? -1;
    partsOf.set(community, (partsOf.get(community) ?? 0) + 1);
    labels[start] = count;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const node = queue[head++] ?? 0;
      forEachLink(adjacency, node, (neighbour) => {
        if ((labels[neighbour] ?? 0) === -1 && raw[neighbour] === community) {
          labels[neighbour] = count;
          queue[tail++] = neighbour;
        }
      });
    }
    count += 1;
  }
  let disconnectedBeforeSplit = 0;
  for (const parts of partsOf.values()) if (parts > 1) disconnectedBeforeSplit += 1;
  return { labels, count, disconnectedBeforeSplit };
}

/** Newman's modularity of a partition at a resolution (1 unless told), or null with no links. */
export function modularityOf(adjacency: Adjacency, labels: Int32Array, resolution = 1): number | null {
  const total = adjacency.totalWeight;
  if (total === 0) return null;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  for (let i = 0; i < adjacency.size; i++) {
    const label = labels[i] ?? -1;
    degree.set(label, (degree.get(label) ?? 0) + (adjacency.strength[i] ?? 0));
    forEachLink(adjacency, i, (neighbour, weight) => {
      if (neighbour > i && labels[neighbour] === label) inside.set(label, (inside.get(label) ?? 0) + weight);
    });
  }
  let modularity = 0;
  for (const [label, sum] of degree) {
    modularity += (inside.get(label) ?? 0) / total - resolution * (sum / (2 * total)) ** 2;
  }
  return modularity;
}
