import type { ClusterSnapshot } from '@peermap/domain';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { seededRandom } from './random';

/**
 * A cluster's sub-groups, from the links its report keeps (each member's strongest links
 * inside): Louvain at resolution 1 on the cluster alone, seeded, so the same report gives the
 * same sub-groups. Used to propose smaller parent sessions; members without a kept link form
 * a sub-group of their own.
 */
export function subGroupsOf(cluster: Pick<ClusterSnapshot, 'memberRefs' | 'members'>, seed = 1): string[][] {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const ref of cluster.memberRefs) graph.addNode(ref);
  for (const member of cluster.members) {
    for (const link of member.strongestLinks) {
      if (!graph.hasNode(link.ref) || !graph.hasNode(member.ref)) continue;
      graph.updateUndirectedEdge(member.ref, link.ref, () => ({ weight: link.weight }));
    }
  }
  if (graph.size === 0) return [[...cluster.memberRefs]];
  const communities = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
  const groups = new Map<number, string[]>();
  for (const ref of cluster.memberRefs) {
    const community = communities[ref] ?? -1;
    groups.set(community, [...(groups.get(community) ?? []), ref]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}
