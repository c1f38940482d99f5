import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, isoWeekOf } from '@peermap/domain';
import { keys } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../support/api';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

/** A partnership of its own, its records dated back from today so the review dates are known. */
const P = 'review-p';
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => addDays(today, -days);
const longAgo = { recordedBy: 'chair-1', recordedAt: `${daysAgo(200)}T09:00:00.000Z` };

interface ReviewItem {
  ref: string;
  displayName?: string;
  state: string;
  lastActivity: string;
  lastActivityOn: string;
  reviewDueOn: string;
  removalOn: string;
}

describe('review and expiry', () => {
  let api: Api;
  const chair = () => api.as('madp-chair', P);
  const admin = () => api.as('partnership-admin', P);
  const concern = (ref: string, days: number) =>
    api.table.store.concerns.save(make.concern(P, ref, { occurredOn: daysAgo(days), provenance: longAgo }));

  beforeAll(async () => {
    api = await startTestApi();
    const s = api.table.store;
    // Active: seen ten days ago. Kept: last linked 90 days ago (overdue). Gone: 120 days ago
    // (past removal). Soon: a concern 75 days ago (due within two weeks).
    for (const ref of ['ACTIVE', 'KEPT', 'GONE', 'SOON']) {
      await s.youngPeople.save(
        make.youngPerson(P, ref, {
          displayName: `Person ${ref}`,
          provenance: longAgo,
          strengths: ref === 'ACTIVE' ? ['plays football with Person Expired'] : [],
        }),
      );
    }
    // GONE has been listed overdue for 40 days, past the four weeks' grace.
    await s.reviews.markOverdue(P, [{ ref: 'GONE', since: daysAgo(40) }]);
    await s.locations.save(make.location(P, 'PARK'));
    await s.sightings.save(make.sighting(P, 'ACTIVE', 'PARK', { seenOn: daysAgo(10), provenance: longAgo }));
    await s.relationships.save(
      make.relationship(P, 'ACTIVE', 'KEPT', { firstSeen: daysAgo(90), lastSeen: daysAgo(90), provenance: longAgo }),
    );
    await s.relationships.save(
      make.relationship(P, 'GONE', 'KEPT', { firstSeen: daysAgo(120), lastSeen: daysAgo(120), provenance: longAgo }),
    );
    await concern('GONE', 120);
    await concern('SOON', 75);
    // A record already past its expiry that DynamoDB has not deleted yet, with a link left behind.
    await s.youngPeople.save(
      make.youngPerson(P, 'EXPIRED', {
        displayName: 'Person Expired',
        provenance: longAgo,
        retainUntil: `${daysAgo(2)}T00:00:00.000Z`,
      }),
    );
    await s.relationships.save(
      make.relationship(P, 'ACTIVE', 'EXPIRED', { firstSeen: daysAgo(3), lastSeen: daysAgo(3), provenance: longAgo }),
    );
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('lists who is due or overdue, soonest first, with the dates and what they come from', async () => {
    const response = await chair().request('GET', '/v1/reviews');
    expect(response.status).toBe(200);
    const { items, reviewAfterWeeks } = response.body as { items: ReviewItem[]; reviewAfterWeeks: number };
    expect(reviewAfterWeeks).toBe(12);
    expect(items.map((i) => [i.ref, i.state])).toEqual([
      ['GONE', 'overdue'],
      ['KEPT', 'overdue'],
      ['SOON', 'due'],
    ]);
    expect(items[1]).toMatchObject({
      displayName: 'Person KEPT',
      lastActivity: 'relationship',
      lastActivityOn: daysAgo(90),
      reviewDueOn: addDays(daysAgo(90), 84),
      // Not yet shown overdue: the four weeks' grace starts today.
      removalOn: addDays(today, 28),
    });
    expect(items[0]).toMatchObject({ ref: 'GONE', overdueSince: daysAgo(40), removalOn: addDays(daysAgo(36), 28) });
    // The admin oversees retention without the children's names.
    const forAdmin = (await admin().request('GET', '/v1/reviews')).body as { items: ReviewItem[] };
    expect(forAdmin.items.map((i) => i.ref)).toEqual(['GONE', 'KEPT', 'SOON']);
    expect(forAdmin.items.every((i) => i.displayName === undefined)).toBe(true);
  });

  it('leaves young people overdue for review out of the analysis, and says so', async () => {
    const started = await chair().request('POST', '/v1/analyses', {
      body: { week: isoWeekOf(new Date()), purpose: 'safety_planning' },
    });
    expect(started.status).toBe(202);
    let run: { status: string; summary?: { overdueForReviewLeftOut?: number; assessment: string } } = {
      status: 'queued',
    };
    for (let attempt = 0; attempt < 300 && (run.status === 'queued' || run.status === 'running'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await chair().request('GET', started.headers.get('location') ?? '')).body as typeof run;
    }
    expect(run.status).toBe('completed');
    expect(run.summary?.overdueForReviewLeftOut).toBe(2);
    expect(run.summary?.assessment).toContain('2 young people are overdue for review and left out of this analysis');
  });

  it('refuses a decision without a reason or with a next review in the past', async () => {
    const short = await chair().request('POST', '/v1/young-people/KEPT/reviews', {
      body: { decision: 'keep', reason: 'ok' },
    });
    expect(short.status).toBe(400);
    const past = await chair().request('POST', '/v1/young-people/KEPT/reviews', {
      body: { decision: 'keep', reason: 'the youth work is still going on', nextReviewOn: daysAgo(1) },
    });
    expect(past.status).toBe(400);
    expect(past.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps a young person with a reason: the next review moves, and so does the record’s expiry', async () => {
    const kept = await chair().request('POST', '/v1/young-people/KEPT/reviews', {
      body: { decision: 'keep', reason: 'the youth work with the group is still going on' },
    });
    expect(kept.status).toBe(200);
    const status = (kept.body as { kept: ReviewItem & { lastKept: { reason: string } } }).kept;
    expect(status).toMatchObject({ state: 'not_due', reviewDueOn: addDays(today, 84) });
    const item = await api.table.ctx.client.send(
      new GetCommand({ TableName: api.table.ctx.tableName, Key: keys.youngPersonKey(P, 'KEPT') }),
    );
    expect(item.Item?.['retainUntil']).toBe(`${addDays(today, 84 + 28 + 7)}T00:00:00.000Z`);
    expect(item.Item?.['expiresAt']).toBe(Date.parse(`${addDays(today, 84 + 28 + 7)}T00:00:00.000Z`) / 1000);
  });

  it('sweeps: erases whoever is past removal, and what an expired record left behind, and sets everyone’s expiry', async () => {
    expect((await chair().request('POST', '/v1/retention/sweep', { body: {} })).status).toBe(403);
    // Police intelligence naming someone no longer on the map: it goes too, and the sweep says nothing of it.
    const { grading: _, ...link } = make.relationship(P, 'ACTIVE', 'VANISHED');
    await api.table.store.restrictedRelationships.save({
      ...link,
      sourceAgency: 'police',
      grading: { sourceEvaluation: 2, intelligenceAssessment: 'C', handlingCode: 'P' },
      restricted: true,
    });
    const swept = await admin().request('POST', '/v1/retention/sweep', { body: {} });
    expect(swept.status).toBe(200);
    expect(swept.body).toMatchObject({ erased: 1, leftBehind: 1, completed: 0, deferred: 0 });
    expect((await chair().request('GET', '/v1/young-people/GONE')).status).toBe(404);
    const relationships = (await chair().request('GET', '/v1/young-people/KEPT/relationships')).body as {
      items: { personA: string; personB: string }[];
    };
    expect(relationships.items.map((r) => `${r.personA}-${r.personB}`)).toEqual(['ACTIVE-KEPT']);
    const expired = await api.table.ctx.client.send(
      new GetCommand({ TableName: api.table.ctx.tableName, Key: keys.youngPersonKey(P, 'EXPIRED') }),
    );
    expect(expired.Item).toBeUndefined();
    const active = await api.table.store.youngPeople.get(P, 'ACTIVE');
    // The expired record's name went from the notes that held it.
    expect(active?.strengths).toEqual(['plays football with [name removed]']);
    // Their link with the expired record went with it: their last activity is the sighting.
    expect(active?.retainUntil).toBe(`${addDays(daysAgo(10), 84 + 28 + 7)}T00:00:00.000Z`);
    const erasures = (await admin().request('GET', '/v1/erasures')).body as { items: { requestedBy: string }[] };
    expect(erasures.items.map((e) => e.requestedBy)).toEqual(['peermap-retention-sweep', 'peermap-retention-sweep']);
    expect(await api.table.store.restrictedRelationships.list(P)).toEqual({ items: [] });
    // A second sweep finds nothing more to do.
    const again = await admin().request('POST', '/v1/retention/sweep', { body: {} });
    expect(again.body).toMatchObject({ erased: 0, leftBehind: 0, retentionUpdated: 0 });
  });

  it('removes a young person at review: an erasure, with the review’s reason', async () => {
    const removed = await chair().request('POST', '/v1/young-people/SOON/reviews', {
      body: { decision: 'remove', reason: 'no agency is concerned now; the family asked' },
    });
    expect(removed.status).toBe(200);
    expect((removed.body as { erased: { marker: string } }).erased.marker).toMatch(/^erased-/);
    expect((await chair().request('GET', '/v1/young-people/SOON')).status).toBe(404);
    const due = (await chair().request('GET', '/v1/reviews')).body as { items: ReviewItem[] };
    expect(due.items).toEqual([]);
  });
});
