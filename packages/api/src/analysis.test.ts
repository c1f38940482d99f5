import { ConflictError, examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { fitOneItem, fitSummary } from './analysis';
import { presentRun } from './analysis-routes';

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

describe('a run as it is answered', () => {
  const queued = { ...examples.analysis, status: 'running' as const, createdAt: '2026-11-28T10:00:00.000Z' };

  it('shows a run still open long after any function could have finished as failed, with what to do', () => {
    const later = presentRun(queued, new Date('2026-11-28T10:21:00.000Z'));
    expect(later.status).toBe('failed');
    expect(later.failureReason).toMatch(/start it again/);
  });

  it('leaves a run that may still be working, and a finished one, as they are', () => {
    expect(presentRun(queued, new Date('2026-11-28T10:05:00.000Z'))).toBe(queued);
    expect(presentRun(examples.analysis, new Date('2027-01-01T00:00:00.000Z'))).toBe(examples.analysis);
  });
});
