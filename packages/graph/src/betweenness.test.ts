import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { betweennessInside } from './betweenness';
import { seededRandom } from './random';

function randomGroup(n: number, links: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let i = 1; i < n; i++) {
    const j = Math.floor(random() * i);
    neighbours[i]?.push(j);
    neighbours[j]?.push(i);
  }
  for (let k = 0; k < links; k++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b || neighbours[a]?.includes(b)) continue;
    neighbours[a]?.push(b);
    neighbours[b]?.push(a);
  }
  return neighbours;
}

describe('betweenness inside a cluster', () => {
  it('matches graphology-metrics on a connected group', () => {
    const neighbours = randomGroup(40, 60, 3);
    const graph = new Graph({ type: 'undirected' });
    neighbours.forEach((_, i) => {
      graph.addNode(String(i));
    });
    neighbours.forEach((list, i) => {
      for (const j of list) if (j > i) graph.addEdge(String(i), String(j));
    });
    const expected = betweenness(graph, { normalized: true });
    const actual = betweennessInside(neighbours);
    neighbours.forEach((_, i) => {
      expect(actual[i]).toBeCloseTo(expected[String(i)] ?? Number.NaN, 6);
    });
  });

  it('samples sources in a very large cluster and stays close to the exact figures', () => {
    const neighbours = randomGroup(600, 900, 4);
    const exact = betweennessInside(neighbours);
    const sampled = betweennessInside(neighbours, 200);
    const ranked = (values: Float64Array) => [...values.keys()].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
    expect(ranked(sampled).slice(0, 5)).toContain(ranked(exact)[0]);
    const total = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0);
    expect(total(sampled) / total(exact)).toBeGreaterThan(0.9);
    expect(total(sampled) / total(exact)).toBeLessThan(1.1);
  });
});

describe('sampled betweenness of a hub', () => {
  it('never exceeds 1, even for a hub no sample started from', () => {
    const n = 1_500;
    const neighbours: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      if (i === 2) continue;
      neighbours[2]?.push(i);
      neighbours[i]?.push(2);
    }
    const centrality = betweennessInside(neighbours);
    expect(Math.max(...centrality)).toBeLessThanOrEqual(1);
    expect(centrality[2]).toBeCloseTo(1, 2);
  });
});
