import { ConflictError, examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { fitOneItem, fitSummary } from './item-size';
import { analysisModel, clusterSnapshotModel } from './models';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const refs = (n: number) => Array.from({ length: n }, (_, i) => `YP${String(i).padStart(6, '0')}`);

describe('stored items of an analysis stay under the item limit', () => {
  it('keeps an ordinary cluster as it is', () => {
    expect(fitOneItem(examples.cluster)).toBe(examples.cluster);
  });

  it('shortens the explanations of a very large cluster and says so', () => {
    const members = refs(3_000);
    const [member] = examples.cluster.members;
    const link = member?.strongestLinks[0];
    if (!member || !link) throw new Error('the example has a member with a link');
    const huge = {
      ...examples.cluster,
      memberRefs: members,
      members: members.map((ref) => ({ ...member, ref, strongestLinks: [link, link, link] })),
    };
    const fitted = fitOneItem(huge);
    expect(fitted.trimmed).toBe(true);
    expect(fitted.memberRefs).toHaveLength(3_000);
    expect(bytes(fitted)).toBeLessThan(300_000);
  });

  it('refuses a cluster too large for any item, with a way out', () => {
    expect(() => fitOneItem({ ...examples.cluster, memberRefs: refs(40_000) })).toThrow(ConflictError);
    expect(() => fitOneItem({ ...examples.cluster, memberRefs: refs(40_000) })).toThrow(/density threshold/);
  });

  it('shortens the lists of a very large map in the summary, keeping the counts whole', () => {
    const summary = examples.analysis.summary;
    if (!summary) throw new Error('the example is completed');
    const alone = refs(60_000);
    const fitted = fitSummary({ ...summary, onTheirOwn: alone, onTheirOwnCount: alone.length });
    expect(fitted.listsShortened).toBe(true);
    expect(fitted.onTheirOwnCount).toBe(60_000);
    expect(bytes(fitted)).toBeLessThan(250_000);
    expect(fitSummary(summary)).toBe(summary);
  });

  it('shortens until it fits however long the refs and groups are', () => {
    const summary = examples.analysis.summary;
    if (!summary) throw new Error('the example is completed');
    const long = (i: number) => `${'R'.repeat(58)}${String(i).padStart(6, '0')}`;
    const groups = Array.from({ length: 5_000 }, (_, g) => Array.from({ length: 49 }, (__, i) => long(g * 49 + i)));
    const fitted = fitSummary({ ...summary, smallGroups: groups, smallGroupCount: groups.length });
    expect(bytes(fitted)).toBeLessThan(250_000);
    expect(fitted.smallGroupCount).toBe(5_000);
  });
});

describe('the models of what grows with the map', () => {
  it('fit a run and a cluster before they are written', () => {
    const summary = examples.analysis.summary;
    if (!summary) throw new Error('the example is completed');
    const alone = refs(60_000);
    const run = analysisModel.fit?.({ ...examples.analysis, summary: { ...summary, onTheirOwn: alone } });
    expect(run?.summary?.listsShortened).toBe(true);
    expect(() => clusterSnapshotModel.fit?.({ ...examples.cluster, memberRefs: refs(40_000) })).toThrow(ConflictError);
  });
});
