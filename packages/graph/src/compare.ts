/**
 * Normalised mutual information between two labellings of the same nodes (arithmetic-mean
 * normalisation, as NetworkX, igraph and most benchmarks report it): 1 when they agree.
 */
export function normalisedMutualInformation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n === 0) return 1;
  const joint = new Map<number, Map<number, number>>();
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
    const row = joint.get(x) ?? new Map<number, number>();
    row.set(y, (row.get(y) ?? 0) + 1);
    joint.set(x, row);
  }
  let mutual = 0;
  for (const [x, row] of joint) {
    for (const [y, count] of row) {
      mutual += (count / n) * Math.log((count * n) / ((countA.get(x) ?? 1) * (countB.get(y) ?? 1)));
    }
  }
  const entropyA = entropy(countA, n);
  const entropyB = entropy(countB, n);
  if (entropyA + entropyB === 0) return 1;
  return (2 * mutual) / (entropyA + entropyB);
}

function entropy(counts: Map<number, number>, n: number): number {
  let sum = 0;
  for (const count of counts.values()) sum -= (count / n) * Math.log(count / n);
  return sum;
}

/**
 * A label per young person from a list of clusters (in `refs` order), for comparing with
 * planted groups: those outside every cluster each count as a group of their own.
 */
export function labelsOfClusters(clusters: readonly { memberRefs: readonly string[] }[], refs: readonly string[]) {
  const clusterOf = new Map<string, number>();
  clusters.forEach((cluster, index) => {
    for (const ref of cluster.memberRefs) clusterOf.set(ref, index);
  });
  let outside = clusters.length;
  return Int32Array.from(refs, (ref) => clusterOf.get(ref) ?? outside++);
}
