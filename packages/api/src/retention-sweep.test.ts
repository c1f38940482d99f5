import { UnavailableError } from '@peermap/domain';
import { createMemoryStore, type MemoryStore } from '@peermap/memory-store';
import { describe, expect, it, vi } from 'vitest';
import * as make from '../../../test/support/records';
import { sweepRetention } from './retention-sweep';

const p = 'kent';
/** Long after the records' activity (2026): whoever no decision keeps is past their removal date. */
const now = new Date('2030-01-07T02:00:00.000Z');

/**
 * YP1 and YP2 know each other and are past removal (overdue for a year); a review keeps YP3; YP9's record expired
 * and left a concern behind. A place's notes name YP1 and YP2.
 */
async function aPartnership(): Promise<MemoryStore> {
  const store = createMemoryStore();
  for (const ref of ['YP1', 'YP2', 'YP3']) await store.youngPeople.save(make.youngPerson(p, ref));
  await store.relationships.save(make.relationship(p, 'YP1', 'YP2'));
  await store.concerns.save(make.concern(p, 'YP9'));
  await store.locations.save(make.location(p, 'LOC1', { notes: 'YP1 and YP2 meet here' }));
  await store.reviews.add({
    partnershipId: p,
    youngPersonRef: 'YP3',
    decision: 'keep',
    reason: 'Still at risk',
    nextReviewOn: '2030-03-01',
    decidedBy: 'chair-1',
    decidedByRole: 'madp-chair',
    decidedAt: '2029-12-01T10:00:00.000Z',
  });
  // Shown overdue for a year: the weeks of grace after it have passed.
  await store.reviews.markOverdue(p, [
    { ref: 'YP1', since: '2029-01-01' },
    { ref: 'YP2', since: '2029-01-01' },
  ]);
  return store;
}

/** What a sweep left: who is on the map, the place's notes without the random markers, the erasure records. */
async function leftOf(store: MemoryStore) {
  return {
    onMap: (await store.mapReader.wholeMap(p)).youngPeople.map((person) => person.ref),
    notes: (await store.locations.get(p, 'LOC1'))?.notes?.replaceAll(/erased-[0-9a-f]{8}/g, 'erased-…'),
    erasures: (await store.erasures.records(p)).items.length,
    erasureEvents: (await store.audit.byUser(p, 'peermap-retention-sweep')).items.filter((e) => e.action === 'erase')
      .length,
  };
}

describe('the retention sweep', () => {
  it('erases whoever is past removal and what an expired record left behind, keeping whom a review keeps', async () => {
    const store = await aPartnership();
    const result = await sweepRetention(store, p, now);
    expect(result).toMatchObject({ erased: 2, leftBehind: 1, completed: 0, deferred: 0, retentionUpdated: ['YP3'] });
    expect(await leftOf(store)).toEqual({
      onMap: ['YP3'],
      notes: 'erased-… and erased-… meet here',
      erasures: 3,
      erasureEvents: 3,
    });
    expect(await store.concerns.ofPerson(p, 'YP9')).toEqual([]);
  });

  it('erases its whole batch in one pass over the kept records', async () => {
    const store = await aPartnership();
    const pass = vi.spyOn(store.erasures, 'eraseFromKeptRecords');
    await sweepRetention(store, p, now);
    expect(pass).toHaveBeenCalledOnce();
    expect(pass.mock.calls[0]?.[0].map((job) => job.ref).sort()).toEqual(['YP1', 'YP2', 'YP9']);
  });

  it('ends as erasing one at a time would, and completes each on its own when the pass is refused', async () => {
    const oneAtATime = await aPartnership();
    const realPass = oneAtATime.erasures.eraseFromKeptRecords.bind(oneAtATime.erasures);
    const refused = vi.spyOn(oneAtATime.erasures, 'eraseFromKeptRecords');
    // A batch is refused as a busy table would refuse it; each erasure then runs alone, as before.
    refused.mockImplementation(async (jobs) => {
      if (jobs.length > 1) throw new UnavailableError('busy');
      return realPass(jobs);
    });
    const batched = await aPartnership();
    const [alone, together] = [await sweepRetention(oneAtATime, p, now), await sweepRetention(batched, p, now)];
    expect(alone).toEqual(together);
    expect(await leftOf(oneAtATime)).toEqual(await leftOf(batched));
    expect(refused).toHaveBeenCalledTimes(4);
  });

  it('finds nothing to do when swept again', async () => {
    const store = await aPartnership();
    await sweepRetention(store, p, now);
    expect(await sweepRetention(store, p, now)).toMatchObject({
      erased: 0,
      leftBehind: 0,
      completed: 0,
      deferred: 0,
      retentionUpdated: [],
    });
  });
});
