import type { Partition } from './clustering';

/**
 * For each member of each group: the share of its group mates it ends up with in the other
 * seeded runs, averaged over the runs (1 = always together, 0 = never). A grouping the data
 * supports comes back run after run; one found in noise does not.
 */
export function memberStability(
  groups: readonly (readonly number[])[],
  others: readonly Partition[],
  size: number,
): Float64Array {
  const stability = new Float64Array(size).fill(1);
  if (others.length === 0) return stability;
  for (const members of groups) {
    if (members.length < 2) continue;
    const together = new Float64Array(members.length);
    for (const run of others) {
      const counts = new Map<number, number>();
      for (const member of members) {
        const label = run.labels[member] ?? -1;
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      members.forEach((member, position) => {
        const mates = (counts.get(run.labels[member] ?? -1) ?? 1) - 1;
        together[position] = (together[position] ?? 0) + mates / (members.length - 1);
      });
    }
    members.forEach((member, position) => {
      stability[member] = (together[position] ?? 0) / others.length;
    });
  }
  return stability;
}

/** The members of each label, in node order. */
export function groupsOf(labels: Int32Array, count: number): number[][] {
  const groups: number[][] = Array.from({ length: count }, () => []);
  labels.forEach((label, node) => {
    groups[label]?.push(node);
  });
  return groups;
}
