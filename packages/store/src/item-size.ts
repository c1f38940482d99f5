import { type AnalysisSummary, type ClusterSnapshot, ConflictError } from '@peermap/domain';

/**
 * What keeps the records that grow with the size of a map (a run's summary, its clusters) within
 * DynamoDB's 400 KB item: the models apply it before anything is written (`EntityModel.fit`).
 */

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** A cluster item stays this far under DynamoDB's 400 KB item limit. */
const CLUSTER_ITEM_BYTES = 300_000;

/** A snapshot item stays this far under the item limit, whatever the size of the map. */
const SUMMARY_BYTES = 250_000;

/** The summary's lists of refs, shortened when a very large map would overflow the snapshot; counts stay whole. */
export function fitSummary(summary: AnalysisSummary): AnalysisSummary {
  const fits = (candidate: AnalysisSummary) => bytes(candidate) <= SUMMARY_BYTES;
  if (fits(summary)) return summary;
  // Halve every list until the summary fits; with nothing left it is a few hundred bytes.
  for (let keep = 4_096; ; keep = Math.floor(keep / 2)) {
    const shortened: AnalysisSummary = {
      ...summary,
      onTheirOwn: summary.onTheirOwn.slice(0, keep),
      smallGroups: summary.smallGroups.slice(0, keep).map((group) => group.slice(0, keep)),
      ended: summary.ended.slice(0, keep).map((e) => ({ ...e, memberRefs: e.memberRefs.slice(0, keep) })),
      busyPlacesLeftOut: summary.busyPlacesLeftOut.slice(0, keep),
      listsShortened: true,
    };
    if (keep === 0 || fits(shortened)) return shortened;
  }
}

/**
 * A very large cluster's explanations are shortened until its item fits: first to the
 * strongest link and one bridge pair each, then to the figures without per-member detail.
 */
export function fitOneItem(cluster: ClusterSnapshot): ClusterSnapshot {
  const fits = (c: ClusterSnapshot) => bytes(c) <= CLUSTER_ITEM_BYTES;
  if (fits(cluster)) return cluster;
  const shorter: ClusterSnapshot = {
    ...cluster,
    trimmed: true,
    members: cluster.members.map((m) => ({ ...m, strongestLinks: m.strongestLinks.slice(0, 1) })),
    bridges: cluster.bridges.map((b) => ({ ...b, pairs: b.pairs.slice(0, 1) })),
  };
  if (fits(shorter)) return shorter;
  const figures: ClusterSnapshot = {
    ...shorter,
    members: [],
    bridges: shorter.bridges.slice(0, 50),
    tensions: shorter.tensions.slice(0, 100),
    strengths: shorter.strengths.slice(0, 50),
    change: { ...shorter.change, joined: shorter.change.joined.slice(0, 500), left: shorter.change.left.slice(0, 500) },
  };
  if (fits(figures)) return figures;
  throw new ConflictError(
    `${cluster.label} has ${cluster.memberRefs.length} young people, too many to store as one group; raise the group density threshold so the map splits into peer groups.`,
  );
}
