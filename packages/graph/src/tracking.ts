import type { ClusterChange, EndedCluster } from '@peermap/domain';

export interface PreviousCluster {
  readonly clusterId: string;
  readonly label: string;
  readonly memberRefs: readonly string[];
}

export interface TrackedCluster {
  readonly clusterId: string;
  readonly label: string;
  readonly change: ClusterChange;
}

export interface TrackingOptions {
  readonly trackingJaccard: number;
  readonly trackingShare: number;
  /** How many labels were used before, so a new cluster gets the next number. */
  readonly labelsIssued: number;
  /** The id of the n-th new cluster of this run. */
  readonly newClusterId: (n: number) => string;
}

export interface Tracking {
  /** One per current cluster, in the order given. */
  readonly tracked: readonly TrackedCluster[];
  readonly ended: readonly EndedCluster[];
  readonly labelsIssued: number;
}

interface Overlap {
  readonly current: number;
  readonly previous: number;
  readonly shared: number;
  readonly jaccard: number;
}

/**
 * Follows clusters from last week to this: a current and a previous cluster are linked when
 * their members overlap enough (Jaccard, or the share of the smaller one). The best-overlapping
 * link carries the id and label on; a cluster linked to two or more of last week's merged,
 * one of two or more linked to the same previous cluster came from a split, and last week's
 * clusters with no link ended.
 */
export function trackClusters(
  current: readonly (readonly string[])[],
  previous: readonly PreviousCluster[],
  options: TrackingOptions,
): Tracking {
  const links = overlapsBetween(current, previous).filter(
    (o) =>
      o.jaccard >= options.trackingJaccard ||
      o.shared / Math.min(current[o.current]?.length ?? 1, previous[o.previous]?.memberRefs.length ?? 1) >=
        options.trackingShare,
  );
  const heirs = inheritance(links);
  let labelsIssued = options.labelsIssued;
  let newClusters = 0;
  const identities = current.map((_, c) => {
    const inherited = previous[heirs.get(c) ?? -1];
    if (inherited) return { clusterId: inherited.clusterId, label: inherited.label };
    labelsIssued += 1;
    newClusters += 1;
    return { clusterId: options.newClusterId(newClusters), label: `Group ${labelsIssued}` };
  });

  const tracked = current.map((members, c) => {
    const predecessors = links.filter((l) => l.current === c).sort((a, b) => b.shared - a.shared);
    const family = new Set(
      links.filter((l) => predecessors.some((p) => p.previous === l.previous)).map((l) => l.current),
    );
    family.add(c);
    const before = new Set(predecessors.flatMap((p) => previous[p.previous]?.memberRefs ?? []));
    const now = new Set([...family].flatMap((f) => current[f] ?? []));
    const siblings = [...family].sort((a, b) => a - b);
    const change: ClusterChange = {
      status: statusOf(members.length, predecessors, links, before.size),
      previousClusterIds: predecessors.map((p) => previous[p.previous]?.clusterId ?? ''),
      splitInto:
        predecessors.length === 1 && siblings.length > 1 ? siblings.map((s) => identities[s]?.clusterId ?? '') : [],
      joined: members.filter((ref) => !before.has(ref)),
      left: [...before].filter((ref) => !now.has(ref)).sort(),
    };
    return { ...(identities[c] ?? { clusterId: '', label: '' }), change };
  });

  const continued = new Set(tracked.map((t) => t.clusterId));
  const ended = previous
    .filter((p) => !continued.has(p.clusterId))
    .map((p) => {
      const into = links
        .filter((l) => previous[l.previous] === p)
        .sort((a, b) => b.shared - a.shared || a.current - b.current)[0];
      const mergedInto = into === undefined ? undefined : identities[into.current]?.clusterId;
      return {
        clusterId: p.clusterId,
        label: p.label,
        memberRefs: [...p.memberRefs],
        ...(mergedInto ? { mergedInto } : {}),
      };
    });
  return { tracked, ended, labelsIssued };
}

function statusOf(
  size: number,
  predecessors: readonly Overlap[],
  links: readonly Overlap[],
  sizeBefore: number,
): ClusterChange['status'] {
  const [only] = predecessors;
  if (only === undefined) return 'new';
  if (predecessors.length > 1) return 'merged';
  if (links.filter((l) => l.previous === only.previous).length > 1) return 'split';
  if (size > sizeBefore) return 'grown';
  if (size < sizeBefore) return 'shrunk';
  return 'continuing';
}

function overlapsBetween(current: readonly (readonly string[])[], previous: readonly PreviousCluster[]): Overlap[] {
  const previousOf = new Map<string, number>();
  previous.forEach((cluster, p) => {
    for (const ref of cluster.memberRefs) previousOf.set(ref, p);
  });
  const overlaps: Overlap[] = [];
  current.forEach((members, c) => {
    const shared = new Map<number, number>();
    for (const ref of members) {
      const p = previousOf.get(ref);
      if (p !== undefined) shared.set(p, (shared.get(p) ?? 0) + 1);
    }
    for (const [p, count] of shared) {
      const union = members.length + (previous[p]?.memberRefs.length ?? 0) - count;
      overlaps.push({ current: c, previous: p, shared: count, jaccard: count / union });
    }
  });
  return overlaps;
}

/** Greedy by overlap: the closest pair first, each previous cluster's id going on at most once. */
function inheritance(links: readonly Overlap[]): Map<number, number> {
  const heirs = new Map<number, number>();
  const taken = new Set<number>();
  const ordered = [...links].sort(
    (a, b) => b.jaccard - a.jaccard || b.shared - a.shared || a.previous - b.previous || a.current - b.current,
  );
  for (const link of ordered) {
    if (heirs.has(link.current) || taken.has(link.previous)) continue;
    heirs.set(link.current, link.previous);
    taken.add(link.previous);
  }
  return heirs;
}
