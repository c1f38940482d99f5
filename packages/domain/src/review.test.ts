import { describe, expect, it } from 'vitest';
import { todayOf } from './primitives';
import { lastActivity, nextReviewOf, type Review, reviewStatus, reviewStatuses } from './review';

const settings = { reviewAfterWeeks: 12, removeAfterOverdueWeeks: 4 };
const added = { provenance: { recordedBy: 'chair-1', recordedAt: '2026-06-01T09:00:00.000Z' } };
const none = { relationships: [], sightings: [], concerns: [] };
const kept = (decidedAt: string, nextReviewOn: string): Review => ({
  partnershipId: 'p',
  youngPersonRef: 'YP1',
  decision: 'keep',
  reason: 'the youth work is still going on',
  nextReviewOn,
  decidedBy: 'chair-1',
  decidedByRole: 'madp-chair',
  decidedAt,
  version: 1,
});

describe('review dates', () => {
  it('counts from the latest relationship, sighting or concern, and says which', () => {
    const activity = {
      relationships: [{ lastSeen: '2026-09-01', provenance: added.provenance }],
      sightings: [{ seenOn: '2026-10-02' }],
      concerns: [{ occurredOn: '2026-08-15' }],
    };
    expect(lastActivity(added, activity, '2026-11-28')).toEqual({ on: '2026-10-02', kind: 'sighting' });
  });

  it('never counts a date after today, so one slip in a sheet cannot keep a child on the map', () => {
    const activity = { ...none, concerns: [{ occurredOn: '2031-01-01' }, { occurredOn: '2026-09-01' }] };
    expect(lastActivity(added, activity, '2026-11-28')).toEqual({ on: '2026-09-01', kind: 'concern' });
  });

  it('counts from the day they were added when nothing else names them', () => {
    expect(lastActivity(added, none, '2026-11-28')).toEqual({ on: '2026-06-01', kind: 'added' });
  });

  it('falls due the review period after the last activity, and is removed the grace period after that', () => {
    const person = { ref: 'YP1', ...added };
    const activity = { ...none, sightings: [{ seenOn: '2026-09-01' }] };
    const status = reviewStatus(person, activity, [], settings, '2026-11-10');
    expect(status).toMatchObject({ reviewDueOn: '2026-11-24', removalOn: '2026-12-22', state: 'due' });
    expect(reviewStatus(person, activity, [], settings, '2026-11-01').state).toBe('not_due');
    expect(reviewStatus(person, activity, [], settings, '2026-11-24').state).toBe('overdue');
  });

  it('removes no one before they have been shown overdue for the whole grace period', () => {
    const person = { ref: 'YP1', ...added };
    const longAgo = { ...none, sightings: [{ seenOn: '2026-01-05' }] };
    // Overdue since March by the dates, but first shown overdue today: removal four weeks on.
    expect(reviewStatus(person, longAgo, [], settings, '2026-11-28')).toMatchObject({
      reviewDueOn: '2026-03-30',
      state: 'overdue',
      removalOn: '2026-12-26',
    });
    expect(reviewStatus(person, longAgo, [], settings, '2026-11-28', '2026-10-01')).toMatchObject({
      overdueSince: '2026-10-01',
      removalOn: '2026-10-29',
    });
  });

  it('falls back to the first seen date when a last seen date is after today', () => {
    const activity = {
      ...none,
      relationships: [{ firstSeen: '2026-10-01', lastSeen: '2027-10-01', provenance: added.provenance }],
    };
    expect(lastActivity(added, activity, '2026-11-28')).toEqual({ on: '2026-10-01', kind: 'relationship' });
  });

  it('takes the latest decision to keep when it reaches later than the activity', () => {
    const person = { ref: 'YP1', ...added };
    const activity = { ...none, sightings: [{ seenOn: '2026-09-01' }] };
    const reviews = [kept('2026-10-01T09:00:00.000Z', '2026-12-01'), kept('2026-11-20T09:00:00.000Z', '2027-02-12')];
    const status = reviewStatus(person, activity, reviews, settings, '2026-11-28');
    expect(status).toMatchObject({ reviewDueOn: '2027-02-12', state: 'not_due' });
    expect(status.lastKept?.decidedAt).toBe('2026-11-20T09:00:00.000Z');
  });

  it('lists everyone soonest first, each person with their own activity from either side of a pair', () => {
    const statuses = reviewStatuses(
      {
        youngPeople: [
          { ref: 'YP1', ...added },
          { ref: 'YP2', ...added },
          { ref: 'YP3', ...added },
        ],
        relationships: [{ personA: 'YP1', personB: 'YP2', lastSeen: '2026-10-01', provenance: added.provenance }],
        sightings: [{ personRef: 'YP2', seenOn: '2026-11-01' }],
        concerns: [],
        reviews: [],
      },
      settings,
      '2026-11-28',
    );
    expect(statuses.map((s) => [s.ref, s.lastActivityOn])).toEqual([
      ['YP3', '2026-06-01'],
      ['YP1', '2026-10-01'],
      ['YP2', '2026-11-01'],
    ]);
    expect(statuses[0]?.state).toBe('overdue');
  });

  it('sets the next review from today by default, and refuses one in the past or more than a year ahead', () => {
    expect(nextReviewOf({}, 12, '2026-11-28')).toBe('2027-02-20');
    expect(nextReviewOf({ nextReviewOn: '2026-11-28' }, 12, '2026-11-28')).toBeUndefined();
    expect(nextReviewOf({ nextReviewOn: '2028-01-01' }, 12, '2026-11-28')).toBeUndefined();
    expect(nextReviewOf({ nextReviewOn: '2027-01-15' }, 12, '2026-11-28')).toBe('2027-01-15');
  });
});

describe('the day, as the partnership counts it', () => {
  it('is the date in the United Kingdom, British Summer Time included', () => {
    expect(todayOf(new Date('2026-06-30T23:30:00.000Z'))).toBe('2026-07-01');
    expect(todayOf(new Date('2026-12-31T23:30:00.000Z'))).toBe('2026-12-31');
  });
});
