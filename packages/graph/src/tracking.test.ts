import { describe, expect, it } from 'vitest';
import { trackClusters } from './tracking';

const options = { trackingJaccard: 0.3, trackingShare: 0.5, labelsIssued: 2, newClusterId: (n: number) => `new-${n}` };
const A = { clusterId: 'A', label: 'Group 1', memberRefs: ['a1', 'a2', 'a3', 'a4'] };
const B = { clusterId: 'B', label: 'Group 2', memberRefs: ['b1', 'b2', 'b3', 'b4', 'b5'] };

describe('following clusters from last week', () => {
  it('continues a cluster with the same members', () => {
    const { tracked, ended } = trackClusters([['a1', 'a2', 'a3', 'a4']], [A], options);
    expect(tracked[0]).toMatchObject({ clusterId: 'A', label: 'Group 1', change: { status: 'continuing' } });
    expect(ended).toEqual([]);
  });

  it('reports a move: one cluster shrinks, the other grows, with who left and who joined', () => {
    const { tracked } = trackClusters(
      [
        ['a2', 'a3', 'a4'],
        ['a1', 'b1', 'b2', 'b3', 'b4', 'b5'],
      ],
      [A, B],
      options,
    );
    expect(tracked[0]).toMatchObject({ clusterId: 'A', change: { status: 'shrunk', left: ['a1'], joined: [] } });
    expect(tracked[1]).toMatchObject({ clusterId: 'B', change: { status: 'grown', joined: ['a1'], left: [] } });
  });

  it('reports a merge: the closer cluster keeps its id, the other ends as merged into it', () => {
    const { tracked, ended } = trackClusters([[...A.memberRefs, ...B.memberRefs]], [A, B], options);
    expect(tracked[0]).toMatchObject({ clusterId: 'B', change: { status: 'merged', previousClusterIds: ['B', 'A'] } });
    expect(ended).toEqual([{ clusterId: 'A', label: 'Group 1', memberRefs: A.memberRefs, mergedInto: 'B' }]);
  });

  it('reports a split: both parts say what they split from, one keeps the id', () => {
    const { tracked, labelsIssued } = trackClusters(
      [
        ['b1', 'b2', 'b3'],
        ['b4', 'b5'],
      ],
      [B],
      options,
    );
    expect(tracked[0]).toMatchObject({ clusterId: 'B', change: { status: 'split', splitInto: ['B', 'new-1'] } });
    expect(tracked[1]).toMatchObject({
      clusterId: 'new-1',
      label: 'Group 3',
      change: { status: 'split', previousClusterIds: ['B'], left: [] },
    });
    expect(labelsIssued).toBe(3);
  });

  it('reports new clusters and clusters that ended', () => {
    const { tracked, ended } = trackClusters([['x1', 'x2', 'x3']], [A], options);
    expect(tracked[0]).toMatchObject({ clusterId: 'new-1', label: 'Group 3', change: { status: 'new' } });
    expect(tracked[0]?.change.joined).toEqual(['x1', 'x2', 'x3']);
    expect(ended).toEqual([{ clusterId: 'A', label: 'Group 1', memberRefs: A.memberRefs }]);
  });

  it('links a small group absorbed by a large one through the share threshold, not Jaccard alone', () => {
    const large = { clusterId: 'L', label: 'Group 9', memberRefs: Array.from({ length: 20 }, (_, i) => `l${i}`) };
    const small = { clusterId: 'S', label: 'Group 8', memberRefs: ['s1', 's2', 's3'] };
    const { tracked } = trackClusters([[...large.memberRefs, ...small.memberRefs]], [large, small], options);
    expect(tracked[0]?.change).toMatchObject({ status: 'merged', previousClusterIds: ['L', 'S'] });
  });
});

describe('where an ended cluster went', () => {
  it('names the cluster that took most of its members', () => {
    const C = { clusterId: 'C', label: 'Group 3', memberRefs: Array.from({ length: 10 }, (_, i) => `c${i}`) };
    const { ended, tracked } = trackClusters(
      [
        [...A.memberRefs, ...C.memberRefs.slice(0, 4)],
        [...B.memberRefs, ...C.memberRefs.slice(4)],
      ],
      [A, B, C],
      options,
    );
    expect(tracked.map((t) => [t.clusterId, t.change.status])).toEqual([
      ['A', 'merged'],
      ['B', 'merged'],
    ]);
    expect(ended).toEqual([{ clusterId: 'C', label: 'Group 3', memberRefs: C.memberRefs, mergedInto: 'B' }]);
  });
});
