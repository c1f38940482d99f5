import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

const p = 'sessions';
const TODAY = '2026-12-08';
const session = (date: string, venue: string) => ({ date, time: '18:30', venue, facilitators: ['Early Help'] });

describe("the partnership's sessions, by their day", () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const dates = async (when: 'upcoming' | 'past') =>
    (await table.store.invitationLists.sessions(p, when, TODAY)).items.map((list) => list.session.date);

  beforeAll(async () => {
    table = await createTestTable();
    // Made in an order unlike their days: the sessions come back by day, not by when they were made.
    const days = ['2026-12-20', '2026-11-02', TODAY, '2027-01-15', '2026-12-01'];
    for (const [index, date] of days.entries()) {
      await table.store.invitationLists.save(
        make.invitationList(p, {
          session: session(date, `Venue ${index}`),
          createdAt: `2026-10-0${index + 1}T09:00:00.000Z`,
        }),
      );
    }
  });
  afterAll(async () => {
    await table.drop();
  });

  it('finds those from today on, the nearest first, and those before, the latest first, page by page', async () => {
    expect(await dates('upcoming')).toEqual([TODAY, '2026-12-20', '2027-01-15']);
    expect(await dates('past')).toEqual(['2026-12-01', '2026-11-02']);
    const first = await table.store.invitationLists.sessions(p, 'upcoming', TODAY, { limit: 2 });
    expect(first.cursor).toBeDefined();
    const next = await table.store.invitationLists.sessions(p, 'upcoming', TODAY, {
      limit: 2,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });
    expect(next.items.map((list) => list.session.date)).toEqual(['2027-01-15']);
    expect(await table.store.invitationLists.sessions('elsewhere', 'upcoming', TODAY)).toEqual({ items: [] });
    const crossed = table.store.invitationLists.sessions(p, 'past', TODAY, { limit: 2, cursor: first.cursor ?? '' });
    await expect(crossed).rejects.toThrow('That page cursor does not belong to this list.');
  });

  it('lists by day the lists an older table holds under when they were made, once', async () => {
    const older = await table.store.invitationLists.save(
      make.invitationList(p, { session: session('2026-12-24', 'Older venue'), createdAt: '2026-11-01T09:00:00.000Z' }),
    );
    // As a table written before sessions were listed by day holds it.
    await table.ctx.client.send(
      new UpdateCommand({
        TableName: table.ctx.tableName,
        Key: keys.invitationListKey(p, older.id),
        UpdateExpression: 'SET GSI1SK = :made',
        ExpressionAttributeValues: { ':made': `${older.createdAt}#${older.id}` },
      }),
    );
    expect(await dates('upcoming')).not.toContain('2026-12-24');
    expect(await table.store.invitationLists.listSessionsByDay(p)).toBe(1);
    expect(await dates('upcoming')).toEqual([TODAY, '2026-12-20', '2026-12-24', '2027-01-15']);
    expect(await table.store.invitationLists.listSessionsByDay(p)).toBe(0);
    // The list itself is as it was: only where it is listed changed.
    expect(await table.store.invitationLists.get(p, older.id)).toEqual(older);
  });
});
