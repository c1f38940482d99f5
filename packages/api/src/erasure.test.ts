import { ConflictError, NotFoundError } from '@peermap/domain';
import { createMemoryStore, type MemoryStore } from '@peermap/memory-store';
import { beforeEach, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import { completeErasure, eraseYoungPerson } from './erasure';

const p = 'kent';
const now = new Date('2026-12-07T10:00:00.000Z');
const lead = { userId: 'lead-1', role: 'madp-chair' as const };
const asked = (ref: string) => ({ partnershipId: p, ref, reason: 'Asked by the young person', actor: lead, now });

/** Two young people who know each other, a place that names one of them, and a carer of that one alone. */
async function twoFriends(): Promise<MemoryStore> {
  const store = createMemoryStore();
  await store.youngPeople.save(make.youngPerson(p, 'YP1', { displayName: 'Sam T.' }));
  await store.youngPeople.save(make.youngPerson(p, 'YP2'));
  await store.relationships.save(make.relationship(p, 'YP1', 'YP2'));
  await store.sightings.save(make.sighting(p, 'YP1', 'LOC1'));
  await store.concerns.save(make.concern(p, 'YP1'));
  await store.carers.save(make.carer(p, 'CR1', ['YP1']));
  await store.carers.save(make.carer(p, 'CR2', ['YP1', 'YP2']));
  await store.locations.save(make.location(p, 'LOC1', { notes: 'Sam T. (YP1) meets friends here' }));
  return store;
}

describe('erasing a young person', () => {
  let store: MemoryStore;
  beforeEach(async () => {
    store = await twoFriends();
  });

  it('removes them and their own records, and puts a marker in their place in what is kept', async () => {
    const record = await eraseYoungPerson(store, asked('YP1'));
    expect(record.removed).toEqual({
      relationships: 1,
      sightings: 1,
      concerns: 1,
      reviews: 0,
      carerLinks: 2,
      carers: 1,
    });
    expect(await store.youngPeople.get(p, 'YP1')).toBeUndefined();
    expect(await store.relationships.ofPerson(p, 'YP2')).toEqual([]);
    expect(await store.carers.get(p, 'CR1')).toBeUndefined();
    expect((await store.carers.get(p, 'CR2'))?.youngPersonRefs).toEqual(['YP2']);
    expect((await store.locations.get(p, 'LOC1'))?.notes).toBe(`[name removed] (${record.marker}) meets friends here`);
    expect(await store.erasures.record(p, record.marker)).toEqual(record);
    await expect(eraseYoungPerson(store, asked('YP1'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('waits for an analysis that read the map before them, and completes once it has finished', async () => {
    const queued = await store.analyses.save(
      make.analysis(p, { status: 'queued', createdAt: now.toISOString(), completedAt: undefined }),
    );
    await expect(eraseYoungPerson(store, asked('YP1'))).rejects.toBeInstanceOf(ConflictError);
    expect(await store.youngPeople.get(p, 'YP1')).toBeUndefined();
    const job = await store.erasures.pending(p, 'YP1');
    if (!job) throw new Error('the erasure is under way');
    const { version, ...run } = queued;
    await store.analyses.save({ ...run, status: 'failed', failureReason: 'stopped' }, version);
    const record = await completeErasure(store, job, now);
    expect(await store.erasures.pending(p, 'YP1')).toBeUndefined();
    expect(record.marker).toBe(job.marker);
  });

  it('carries on an erasure already under way instead of starting another', async () => {
    const person = await store.youngPeople.get(p, 'YP1');
    const job = await store.erasures.begin(
      {
        partnershipId: p,
        ref: 'YP1',
        names: ['Sam T.'],
        marker: 'erased-first',
        removedCarers: [],
        reason: 'Asked first',
        requestedBy: 'lead-1',
        requestedByRole: 'madp-chair',
        requestedAt: now.toISOString(),
      },
      person?.version,
    );
    const record = await eraseYoungPerson(store, asked('YP1'));
    expect(record).toMatchObject({ marker: job.marker, reason: 'Asked first' });
  });
});
