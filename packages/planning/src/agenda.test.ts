import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { meetingAgenda } from './agenda';

const group = (clusterId: string, over: Partial<typeof examples.cluster>) => ({
  ...examples.cluster,
  clusterId,
  ...over,
});
const concern = (recent: number) => ({
  category: 'missing_episode' as const,
  label: 'Missing episodes',
  youngPeople: 2,
  open: 1,
  recent,
  lastOccurred: '2026-11-20',
});
const quiet = { concerns: [], places: [], change: { ...examples.cluster.change, status: 'continuing' as const } };

describe("the meeting's agenda", () => {
  it('puts recent concerns first, then change, then places of concern, then size, and says so', () => {
    const agenda = meetingAgenda([
      group('big-quiet', { ...quiet, memberRefs: ['A', 'B', 'C', 'D', 'E', 'F'] }),
      group('new-one', { ...quiet, memberRefs: ['G', 'H'], change: { ...quiet.change, status: 'new' } }),
      group('worried', { ...quiet, memberRefs: ['I', 'J'], concerns: [concern(3)] }),
    ]);
    expect(agenda.map((item) => item.clusterId)).toEqual(['worried', 'new-one', 'big-quiet']);
    expect(agenda.map((item) => item.position)).toEqual([1, 2, 3]);
    expect(agenda[0]?.factors.map((f) => f.text)).toEqual([
      '3 recent concerns (3 missing episodes)',
      'the same group as last week',
      'not seen recently at places of concern',
      '2 young people',
    ]);
  });

  it('orders groups alike by their ids, whatever order they came in', () => {
    const a = group('a', quiet);
    const b = group('b', quiet);
    expect(meetingAgenda([b, a]).map((item) => item.clusterId)).toEqual(['a', 'b']);
  });
});
