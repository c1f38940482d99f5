import { NotFoundError, ValidationError } from '@peermap/domain';
import { createMemoryStore } from '@peermap/memory-store';
import { describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import { decideReview, retainUntilFor, reviewList } from './reviews';

const p = 'kent';
const chair = { userId: 'chair-1', role: 'madp-chair' as const };
const now = new Date('2027-06-01T10:00:00.000Z');

async function onTheMap() {
  const store = createMemoryStore();
  // Added in 2026 with nothing since: overdue for review by June 2027.
  await store.youngPeople.save(make.youngPerson(p, 'YP1'));
  return store;
}

describe('reviews', () => {
  it('lists a young person with no activity since they were added as overdue', async () => {
    const { statuses } = await reviewList(await onTheMap(), p, now);
    expect(statuses).toMatchObject([{ ref: 'YP1', state: 'overdue', lastActivity: 'added' }]);
  });

  it('keeps a young person to the next review, and moves their expiry with it', async () => {
    const store = await onTheMap();
    const decision = { decision: 'keep' as const, reason: 'Still at risk', nextReviewOn: '2027-09-01' };
    const { kept } = await decideReview(store, { partnershipId: p, ref: 'YP1', decision, actor: chair, now });
    expect(kept).toMatchObject({ ref: 'YP1', reviewDueOn: '2027-09-01', state: 'not_due' });
    expect(await store.reviews.ofPerson(p, 'YP1')).toMatchObject([{ reason: 'Still at risk', decidedBy: 'chair-1' }]);
    expect((await store.youngPeople.get(p, 'YP1'))?.retainUntil).toBe(kept && retainUntilFor(kept));
  });

  it('refuses a next review in the past or over a year away, and a young person not on the map', async () => {
    const store = await onTheMap();
    const decide = (ref: string, nextReviewOn: string) =>
      decideReview(store, {
        partnershipId: p,
        ref,
        decision: { decision: 'keep', reason: 'Still at risk', nextReviewOn },
        actor: chair,
        now,
      });
    await expect(decide('YP1', '2027-05-01')).rejects.toBeInstanceOf(ValidationError);
    await expect(decide('YP1', '2028-09-01')).rejects.toBeInstanceOf(ValidationError);
    await expect(decide('YP9', '2027-09-01')).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.reviews.all(p)).toEqual([]);
  });

  it('erases a young person the review removes', async () => {
    const store = await onTheMap();
    const decision = { decision: 'remove' as const, reason: 'No longer at risk' };
    const { erased } = await decideReview(store, { partnershipId: p, ref: 'YP1', decision, actor: chair, now });
    expect(erased?.reason).toBe('No longer at risk');
    expect(await store.youngPeople.get(p, 'YP1')).toBeUndefined();
  });
});
