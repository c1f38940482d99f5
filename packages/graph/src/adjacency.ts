import type { PeerGraph } from './peer-graph';

/**
 * The peer graph as compressed adjacency arrays (node i's links are `neighbours` and `weights`
 * from `offsets[i]` to `offsets[i + 1]`), so splitting, stability and explanations walk plain
 * typed arrays instead of looking refs up again for every link.
 */
export interface Adjacency {
  readonly size: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
  /** Each node's total link weight. */
  readonly strength: Float64Array;
  readonly totalWeight: number;
  readonly linkCount: number;
}

export function adjacencyOf(graph: PeerGraph, refs: readonly string[]): Adjacency {
  const indexOf = new Map(refs.map((ref, index) => [ref, index]));
  const size = refs.length;
  const offsets = new Int32Array(size + 1);
  refs.forEach((ref, index) => {
    offsets[index + 1] = (offsets[index] ?? 0) + graph.degree(ref);
  });
  const neighbours = new Int32Array(offsets[size] ?? 0);
  const weights = new Float64Array(neighbours.length);
  const strength = new Float64Array(size);
  const filled = offsets.slice(0, size);
  let totalWeight = 0;
  graph.forEachEdge((_edge, { weight }, source, target) => {
    const a = indexOf.get(source) ?? -1;
    const b = indexOf.get(target) ?? -1;
    place(a, b, weight);
    place(b, a, weight);
    totalWeight += weight;
  });
  function place(from: number, to: number, weight: number) {
    const at = filled[from] ?? 0;
    neighbours[at] = to;
    weights[at] = weight;
    filled[from] = at + 1;
    strength[from] = (strength[from] ?? 0) + weight;
  }
  return { size, offsets, neighbours, weights, strength, totalWeight, linkCount: graph.size };
}

/** Calls back for each link of node `i` with the neighbour's index and the link's weight. */
export function forEachLink(adjacency: Adjacency, i: number, visit: (neighbour: number, weight: number) => void): void {
  const end = adjacency.offsets[i + 1] ?? 0;
  for (let at = adjacency.offsets[i] ?? 0; at < end; at++) {
    visit(adjacency.neighbours[at] ?? 0, adjacency.weights[at] ?? 0);
  }
}
