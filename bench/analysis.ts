import { execFileSync } from 'node:child_process';
import { DEFAULT_ANALYSIS_PARAMETERS } from '@peermap/domain';
import {
  adjacencyOf,
  analyseWeek,
  buildPeerGraph,
  labelsOfClusters,
  louvainRun,
  normalisedMutualInformation,
} from '@peermap/graph';
import { plantedMap } from '@peermap/graph/testing';

/**
 * `pnpm bench` (analysis part): planted-group maps of 1,000, 10,000 and 100,000 young people
 * (average degree 8, groups of 5-40, mixing 0.1, 0.3, 0.5, and 1.0 as a map with no groups),
 * each analysed in a process of its own so its peak memory is its own. Prints, per map: time
 * to build the graph, to cluster (the first seeded run), to measure stability (the further
 * runs), to explain; peak memory; modularity; NMI against the planted groups at the chosen
 * resolution and at resolution 1; and the communities Louvain left disconnected.
 */
const SIZES = [1_000, 10_000, 100_000];
const MIXINGS = [0.1, 0.3, 0.5];
const AS_OF = '2026-11-08';

interface CaseResult {
  youngPeople: number;
  mixing: number;
  links: number;
  groupsPlanted: number;
  clusters: number;
  buildMs: number;
  clusterMs: number;
  stabilityMs: number;
  explainMs: number;
  peakMb: number;
  modularity: number | null;
  resolution: number;
  nmi: number;
  nmiAtResolution1: number;
  disconnectedBeforeSplit: number;
  meanStability: number | null;
}

function runCase(youngPeople: number, mixing: number): CaseResult {
  const planted = plantedMap({
    youngPeople,
    averageDegree: 8,
    mixing,
    smallestGroup: 5,
    largestGroup: 40,
    seed: 2026,
    asOf: AS_OF,
  });
  const result = analyseWeek({
    map: planted.map,
    week: '2026-W45',
    parameters: DEFAULT_ANALYSIS_PARAMETERS,
    newClusterId: (n) => `B-${n}`,
    clock: () => performance.now(),
  });
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const refs = planted.map.youngPeople.map((person) => person.ref);
  const found = labelsOfClusters(result.clusters, refs);
  // Resolution 1 beside it, for the figures the resolution rule is meant to beat (not timed).
  const built = buildPeerGraph(planted.map, DEFAULT_ANALYSIS_PARAMETERS, AS_OF);
  const atOne = louvainRun(built.graph, built.refs, adjacencyOf(built.graph, built.refs), 1, 1);
  return {
    youngPeople,
    mixing,
    links: result.summary.links,
    groupsPlanted: planted.groupCount,
    clusters: result.summary.clusterCount,
    buildMs: result.stageMilliseconds.build,
    clusterMs: result.stageMilliseconds.cluster,
    stabilityMs: result.stageMilliseconds.stability,
    explainMs: result.stageMilliseconds.explain,
    peakMb,
    modularity: result.summary.modularity,
    resolution: result.summary.resolution,
    nmi: normalisedMutualInformation(planted.plantedGroups, found),
    nmiAtResolution1: normalisedMutualInformation(planted.plantedGroups, atOne.labels),
    disconnectedBeforeSplit: result.summary.disconnectedCommunitiesSplit,
    meanStability: result.summary.meanStability,
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const figure = (value: number | null) => (value === null ? '-' : value.toFixed(3));

function printTable(results: readonly CaseResult[]) {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(
    '| young people | links | mixing | groups planted | clusters | build s | cluster s | stability s | explain s | total s | peak MB | modularity | resolution | NMI | NMI at resolution 1 | disconnected before split | mean stability |',
  );
  print('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const total = r.buildMs + r.clusterMs + r.stabilityMs + r.explainMs;
    print(
      `| ${r.youngPeople} | ${r.links} | ${r.mixing} | ${r.groupsPlanted} | ${r.clusters} | ${seconds(r.buildMs)} | ${seconds(r.clusterMs)} | ${seconds(r.stabilityMs)} | ${seconds(r.explainMs)} | ${seconds(total)} | ${Math.round(r.peakMb)} | ${figure(r.modularity)} | ${r.resolution} | ${figure(r.nmi)} | ${figure(r.nmiAtResolution1)} | ${r.disconnectedBeforeSplit} | ${figure(r.meanStability)} |`,
    );
  }
}

const [, , size, mixing] = process.argv;
if (size && mixing) {
  process.stdout.write(`${JSON.stringify(runCase(Number(size), Number(mixing)))}\n`);
} else {
  const cases = [
    ...SIZES.flatMap((n) => MIXINGS.map((m) => [n, m] as const)),
    [1_000, 1] as const,
    [10_000, 1] as const,
  ];
  const results: CaseResult[] = [];
  for (const [n, m] of cases) {
    const output = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, String(n), String(m)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const line = output.trim().split('\n').at(-1) ?? '{}';
    results.push(JSON.parse(line) as CaseResult);
    process.stderr.write(`analysed ${n} young people at mixing ${m}\n`);
  }
  process.stdout.write(`Peer-group analysis, ${new Date().toISOString().slice(0, 10)}, default parameters\n`);
  printTable(results);
}
