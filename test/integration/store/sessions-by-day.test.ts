import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { InvitationList } from '@peermap/domain';
import { keys } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

const p = 'sessions';
const TODAY = '2026-12-08';
const session = (date: string, venue: string) => ({
  date,
  time: '18:30',
  venue,
  facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
});

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

  /** Lists a saved list under when it was made, as a table written before sessions were listed by day holds it. */
  const listAsMade = async (list: InvitationList, also = '') =>
    table.ctx.client.send(
      new UpdateCommand({
        TableName: table.ctx.tableName,
        Key: keys.invitationListKey(p, list.id),
        UpdateExpression: `SET GSI1SK = :made${also}`,
        ...(also ? { ExpressionAttributeNames: { '#session': 'session' } } : {}),
        ExpressionAttributeValues: { ':made': `${list.createdAt}#${list.id}` },
      }),
    );

  it('lists by day the lists an older table holds under when they were made, on every run', async () => {
    const older = await table.store.invitationLists.save(
      make.invitationList(p, { session: session('2026-12-24', 'Older venue'), createdAt: '2026-11-01T09:00:00.000Z' }),
    );
    await listAsMade(older);
    expect(await dates('upcoming')).not.toContain('2026-12-24');
    expect(await table.store.invitationLists.listSessionsByDay(p)).toEqual({ relisted: 1, unreadable: [] });
    expect(await dates('upcoming')).toEqual([TODAY, '2026-12-20', '2026-12-24', '2027-01-15']);
    expect(await table.store.invitationLists.listSessionsByDay(p)).toEqual({ relisted: 0, unreadable: [] });
    // The list itself is as it was: only where it is listed changed.
    expect(await table.store.invitationLists.get(p, older.id)).toEqual(older);
    // An older copy of the code, still serving during a rolling deploy, writes a list the older way after
    // that run: the next run lists it by its day too (no "all done" marker is trusted).
    const lateOld = await table.store.invitationLists.save(
      make.invitationList(p, { session: session('2026-12-27', 'Late venue'), createdAt: '2026-11-03T09:00:00.000Z' }),
    );
    await listAsMade(lateOld);
    expect(await table.store.invitationLists.listSessionsByDay(p)).toEqual({ relisted: 1, unreadable: [] });
    expect(await dates('upcoming')).toContain('2026-12-27');
  });

  it('skips and names a list whose day cannot be read, and lists the others', async () => {
    const broken = await table.store.invitationLists.save(
      make.invitationList(p, { session: session('2026-12-29', 'Broken'), createdAt: '2026-11-04T09:00:00.000Z' }),
    );
    const fine = await table.store.invitationLists.save(
      make.invitationList(p, { session: session('2026-12-30', 'Fine'), createdAt: '2026-11-05T09:00:00.000Z' }),
    );
    await listAsMade(broken, ' REMOVE #session');
    await listAsMade(fine);
    const ran = await table.store.invitationLists.listSessionsByDay(p);
    expect(ran).toEqual({ relisted: 1, unreadable: [broken.id] });
    expect(await dates('upcoming')).toContain('2026-12-30');
    await table.ctx.client.send(
      new DeleteCommand({ TableName: table.ctx.tableName, Key: keys.invitationListKey(p, broken.id) }),
    );
  });
});
