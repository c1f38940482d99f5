import { type AnalysisParameters, type AnalysisSummary, isoWeekDays } from '@peermap/domain';
import { type Adjacency, adjacencyOf } from './adjacency';
import { type Clustering, louvainRun, modularityOf, resolutionFor, withStabilityRuns } from './clustering';
import { type ClusterReport, explainClusters } from './explain';
import { type BuiltGraph, buildPeerGraph, type WeekMap } from './peer-graph';
import { groupsOf, memberStability } from './stability';
import { type PreviousCluster, type Tracking, trackClusters } from './tracking';

export interface PreviousAnalysis {
  readonly analysisId: string;
  readonly week: string;
  readonly clusters: readonly PreviousCluster[];
  readonly labelsIssued: number;
}

export interface AnalyseWeekInput {
  readonly map: WeekMap;
  readonly week: string;
  readonly parameters: AnalysisParameters;
  /** The latest completed analysis of an earlier week, to follow clusters from. */
  readonly previous?: PreviousAnalysis | undefined;
  /** The id of the n-th cluster this run finds that did not exist before. */
  readonly newClusterId: (n: number) => string;
  /**
   * When given, the time each stage took is returned (for the benchmark): `cluster` is the
   * first seeded run, `stability` the further runs and the stability figures.
   */
  readonly clock?: () => number;
}

export interface WeekAnalysis {
  readonly summary: AnalysisSummary;
  readonly clusters: readonly ClusterReport[];
  readonly stageMilliseconds: Readonly<Record<'build' | 'cluster' | 'stability' | 'explain', number>>;
}

/**
 * The week's peer groups from the map as it stands at the end of the week: build the graph,
 * cluster it with seeded Louvain runs (every cluster connected), measure how stable each
 * grouping is, follow the groups on from the previous analysis, and explain each one.
 */
export function analyseWeek(input: AnalyseWeekInput): WeekAnalysis {
  const { parameters } = input;
  const clock = input.clock ?? (() => 0);
  const asOf = isoWeekDays(input.week).lastDay;
  const lap = stopwatch(clock);

  const built = buildPeerGraph(input.map, parameters, asOf);
  const adjacency = adjacencyOf(built.graph, built.refs);
  const build = lap();

  const resolution = resolutionFor(adjacency, parameters);
  const first = louvainRun(built.graph, built.refs, adjacency, resolution, parameters.seed);
  const cluster = lap();
  const clustering = withStabilityRuns(first, built.graph, built.refs, adjacency, parameters, resolution);
  const groups = sortedGroups(clustering, adjacency, parameters.minClusterSize);
  const stability = memberStability(groups.clustered, clustering.others, adjacency.size);
  const stabilityTook = lap();

  const refsOf = (members: readonly number[]) => members.map((member) => built.refs[member] ?? '');
  const tracking = trackClusters(groups.clustered.map(refsOf), input.previous?.clusters ?? [], {
    trackingJaccard: parameters.trackingJaccard,
    trackingShare: parameters.trackingShare,
    labelsIssued: input.previous?.labelsIssued ?? 0,
    newClusterId: input.newClusterId,
  });
  const clusters = explainClusters({
    built,
    adjacency,
    map: input.map,
    parameters,
    asOf,
    stability,
    clusters: groups.clustered.map((members, position) => {
      const tracked = tracking.tracked[position];
      if (!tracked) throw new Error('tracking returned fewer clusters than it was given');
      return { members, ...tracked };
    }),
  });
  const explain = lap();

  const summary = summaryOf({ input, built, adjacency, clustering, groups, stability, tracking, clusters, refsOf });
  return { summary, clusters, stageMilliseconds: { build, cluster, stability: stabilityTook, explain } };
}

/** The time since the last lap (or since it was made), each time it is called. */
function stopwatch(clock: () => number): () => number {
  let started = clock();
  return () => {
    const now = clock();
    const took = now - started;
    started = now;
    return took;
  };
}

/** The chosen grouping's groups, as node indices: the clusters (largest first), those on their own, and the groups too small to be clusters. */
interface SortedGroups {
  readonly clustered: number[][];
  readonly onTheirOwn: number[];
  readonly small: number[][];
}

function sortedGroups(clustering: Clustering, adjacency: Adjacency, minClusterSize: number): SortedGroups {
  const groups = groupsOf(clustering.chosen.labels, clustering.chosen.count);
  const isLinked = (node: number) => (adjacency.offsets[node + 1] ?? 0) > (adjacency.offsets[node] ?? 0);
  const clustered = groups
    .filter((members) => members.length >= minClusterSize)
    .sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
  const onTheirOwn = groups.filter((m) => m.length === 1 && !isLinked(m[0] ?? 0)).flat();
  const small = groups.filter((m) => m.length < minClusterSize && (m.length > 1 || isLinked(m[0] ?? 0)));
  return { clustered, onTheirOwn, small };
}

/** The week's summary, from every stage's result. */
function summaryOf(stages: {
  input: AnalyseWeekInput;
  built: BuiltGraph;
  adjacency: Adjacency;
  clustering: Clustering;
  groups: SortedGroups;
  stability: ArrayLike<number>;
  tracking: Tracking;
  clusters: readonly ClusterReport[];
  refsOf: (members: readonly number[]) => string[];
}): AnalysisSummary {
  const { input, built, adjacency, clustering, groups, stability, tracking, clusters, refsOf } = stages;
  const clusteredMembers = groups.clustered.flat();
  const meanStability =
    clusteredMembers.length === 0
      ? null
      : round(clusteredMembers.reduce((sum, member) => sum + (stability[member] ?? 0), 0) / clusteredMembers.length);
  return {
    youngPeopleIncluded: built.refs.length,
    closedLeftOut: built.closedLeftOut,
    links: adjacency.linkCount,
    clusterCount: clusters.length,
    modularity: roundOrNull(modularityOf(adjacency, clustering.chosen.labels)),
    resolution: round(clustering.resolution),
    disconnectedCommunitiesSplit: clustering.chosen.disconnectedBeforeSplit,
    meanStability,
    assessment: assessmentOf(clusters, meanStability, input.parameters),
    onTheirOwn: refsOf(groups.onTheirOwn),
    onTheirOwnCount: groups.onTheirOwn.length,
    smallGroups: groups.small.map(refsOf),
    smallGroupCount: groups.small.length,
    busyPlacesLeftOut: [...built.busyPlacesLeftOut],
    ended: [...tracking.ended],
    ...(input.previous ? { comparedWith: { analysisId: input.previous.analysisId, week: input.previous.week } } : {}),
    labelsIssued: tracking.labelsIssued,
  };
}

/** How sure the grouping is, in words the meeting can act on. */
function assessmentOf(
  clusters: readonly ClusterReport[],
  meanStability: number | null,
  parameters: AnalysisParameters,
): string {
  if (clusters.length === 0 || meanStability === null) {
    return `No group of ${parameters.minClusterSize} or more linked young people was found this week.`;
  }
  const weak = clusters.filter((c) => c.weak).length;
  const together = `${Math.round(meanStability * 100)}%`;
  if (meanStability < parameters.weakStability) {
    return `The groups found are weak: on average members stayed together in ${together} of repeated runs, as happens when a map has no clear groups. Treat them as a prompt for discussion, not as peer groups.`;
  }
  const weakNote = weak === 0 ? 'none of them weak' : `${weak} of them weak (marked)`;
  return `${clusters.length} groups found; on average members stayed together in ${together} of repeated runs, ${weakNote}. The groups inform the meeting's decision; partners check them against what they know.`;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const roundOrNull = (value: number | null) => (value === null ? null : round(value));
