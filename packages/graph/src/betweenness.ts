/**
 * Betweenness of each node inside one cluster (Brandes, hop counts), normalised to 0-1 by the
 * number of pairs that could pass through a node. Only ever run on one cluster's own links, never
 * on the whole map; clusters larger than `exactUpTo` use an evenly spread sample of sources
 * (Brandes and Pich), scaled up.
 */
export function betweennessInside(neighbours: readonly (readonly number[])[], exactUpTo = 1000): Float64Array {
  const n = neighbours.length;
  const centrality = new Float64Array(n);
  if (n < 3) return centrality;
  const step = n > exactUpTo ? n / exactUpTo : 1;
  const search = new ShortestPaths(neighbours);
  let sources = 0;
  for (let pick = 0; pick < n; pick += step) {
    sources += 1;
    search.from(Math.floor(pick));
    search.addDependencies(centrality);
  }
  // Each pair is counted from both ends; (n-1)(n-2) ordered pairs can pass through a node.
  const scale = n / sources / ((n - 1) * (n - 2));
  // A sampled figure can overshoot for a hub that was never a source: a share is at most 1.
  for (let i = 0; i < n; i++) centrality[i] = Math.min(1, (centrality[i] ?? 0) * scale);
  return centrality;
}

/** One breadth-first search of Brandes' algorithm, its arrays reused from source to source. */
class ShortestPaths {
  private readonly distance: Int32Array;
  private readonly paths: Float64Array;
  private readonly dependency: Float64Array;
  private readonly order: Int32Array;
  private readonly predecessors: number[][];
  private reached = 0;

  constructor(private readonly neighbours: readonly (readonly number[])[]) {
    const n = neighbours.length;
    this.distance = new Int32Array(n);
    this.paths = new Float64Array(n);
    this.dependency = new Float64Array(n);
    this.order = new Int32Array(n);
    this.predecessors = Array.from({ length: n }, () => []);
  }

  from(source: number): void {
    const { distance, paths, order } = this;
    distance.fill(-1);
    paths.fill(0);
    for (const list of this.predecessors) list.length = 0;
    distance[source] = 0;
    paths[source] = 1;
    let head = 0;
    let tail = 0;
    order[tail++] = source;
    while (head < tail) tail = this.expand(order[head++] ?? 0, tail);
    this.reached = tail;
  }

  /** Visits a node's neighbours: those first reached join the queue, shortest paths are counted. */
  private expand(node: number, tail: number): number {
    const { distance, paths, order } = this;
    const next = (distance[node] ?? 0) + 1;
    let end = tail;
    for (const neighbour of this.neighbours[node] ?? []) {
      if ((distance[neighbour] ?? 0) < 0) {
        distance[neighbour] = next;
        order[end++] = neighbour;
      }
      if (distance[neighbour] === next) {
        paths[neighbour] = (paths[neighbour] ?? 0) + (paths[node] ?? 0);
        this.predecessors[neighbour]?.push(node);
      }
    }
    return end;
  }

  /** Adds this source's dependencies, farthest nodes first, to each node's centrality. */
  addDependencies(centrality: Float64Array): void {
    const { dependency, paths } = this;
    dependency.fill(0);
    for (let at = this.reached - 1; at > 0; at--) {
      const node = this.order[at] ?? 0;
      const share = (1 + (dependency[node] ?? 0)) / (paths[node] ?? 1);
      for (const before of this.predecessors[node] ?? []) {
        dependency[before] = (dependency[before] ?? 0) + (paths[before] ?? 0) * share;
      }
      centrality[node] = (centrality[node] ?? 0) + (dependency[node] ?? 0);
    }
  }
}
