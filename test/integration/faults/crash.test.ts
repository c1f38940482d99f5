import { eraseYoungPerson, uploadWeek } from '@peermap/api';
import { demoFiles } from '@peermap/local';
import { createDynamoStore, type DocumentSender } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashingAfter } from '../../support/faults';
import { seedOneYoungPersonEverywhere, stateOf, withoutUploadCounts } from '../../support/state';
import { createTestTable } from '../../support/store';

type Table = Awaited<ReturnType<typeof createTestTable>>;

const NOW = new Date('2026-11-28T10:00:00.000Z');
const LATER = new Date('2026-11-28T10:30:00.000Z');
const storeOver = (table: Table, client: DocumentSender) =>
  createDynamoStore({ client, tableName: table.ctx.tableName });

const asked = (p: string, at: Date) => ({
  partnershipId: p,
  ref: 'YP1',
  reason: 'The family asked for Sam Doe to be erased.',
  actor: { userId: 'chair-1', role: 'madp-chair' as const },
  now: at,
});

/**
 * A function stopped between any two writes of an erasure or an upload: what is left is whole
 * (the young person is either on the map untouched, or off it with the erasure recorded as
 * under way; the upload is never `completed` half-written), and asking again completes it to
 * exactly the state an uninterrupted run reaches.
 */
describe('a crash between the steps', () => {
  let table: Table;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  it('of an erasure leaves it whole, and asking again completes it', async () => {
    await seedOneYoungPersonEverywhere(table.store, 'whole', NOW);
    const counting = crashingAfter(table.ctx.client, Number.POSITIVE_INFINITY);
    await eraseYoungPerson(storeOver(table, counting.client), asked('whole', NOW));
    const expected = await stateOf(table, 'whole');
    const writes = counting.writes();
    expect(writes).toBeGreaterThan(6);
    process.stdout.write(
      `\nErasure: stopped before each of its ${writes} write calls, then asked again: same end state each time.\n`,
    );
    expect(expected.join('\n')).not.toMatch(/YP1\b|Sam Doe/i);

    for (let stopAt = 0; stopAt < writes; stopAt++) {
      // A table of its own for each stop, so each comparison reads a small table.
      const own = await createTestTable();
      try {
        const p = `crash-${stopAt}`;
        await seedOneYoungPersonEverywhere(own.store, p, NOW);
        const crashing = crashingAfter(own.ctx.client, stopAt);
        // The writers may report the stop as a failed write; either way nothing after it ran.
        await expect(eraseYoungPerson(storeOver(own, crashing.client), asked(p, NOW))).rejects.toThrow();
        expect(crashing.stopped()).toBe(true);
        const onMap = (await own.store.youngPeople.get(p, 'YP1')) !== undefined;
        const underWay = (await own.store.erasures.pending(p, 'YP1')) !== undefined;
        expect({ stopAt, whole: onMap !== underWay }).toEqual({ stopAt, whole: true });
        await eraseYoungPerson(own.store, asked(p, NOW));
        expect({ stopAt, state: await stateOf(own, p) }).toEqual({ stopAt, state: expected });
      } finally {
        await own.drop();
      }
    }
  }, 180_000);

  it('of an upload never leaves it completed half-written, and sending it again completes it', async () => {
    const week = { week: '2026-W45', files: demoFiles('week-1'), uploadedBy: 'chair-1' };
    const counting = crashingAfter(table.ctx.client, Number.POSITIVE_INFINITY);
    const clean = await uploadWeek(storeOver(table, counting.client), {
      ...week,
      partnershipId: 'clean',
      now: () => NOW,
    });
    expect(clean.record.status).toBe('completed');
    const expected = await stateOf(table, 'clean');
    const writes = counting.writes();
    expect(writes).toBeGreaterThan(2);
    process.stdout.write(
      `\nUpload: stopped before each of its ${writes} write calls, then sent again: same end state each time.\n`,
    );

    for (let stopAt = 0; stopAt < writes; stopAt++) {
      const own = await createTestTable();
      try {
        const p = `upload-${stopAt}`;
        const crashing = crashingAfter(own.ctx.client, stopAt);
        const ended = await uploadWeek(storeOver(own, crashing.client), { ...week, partnershipId: p, now: () => NOW })
          .then(() => 'completed')
          .catch(() => 'stopped');
        expect(crashing.stopped()).toBe(true);
        // Stopped before its last write, the giving up of its lease, the upload had completed; the lease lapses.
        expect(ended).toBe(stopAt === writes - 1 ? 'completed' : 'stopped');
        const uploads = await own.store.uploads.list(p);
        if (ended === 'stopped') {
          expect(uploads.items.map((u) => u.status).filter((s) => s === 'completed')).toEqual([]);
        }
        // Sent again once the stopped function's time is up, it completes from where it was.
        const again = await uploadWeek(own.store, { ...week, partnershipId: p, now: () => LATER });
        expect(again.record.status).toBe('completed');
        // The upload's own record was written more often, and counts what the second try found done.
        expect({ stopAt, state: withoutUploadCounts(await stateOf(own, p)) }).toEqual({
          stopAt,
          state: withoutUploadCounts(expected),
        });
      } finally {
        await own.drop();
      }
    }
  }, 180_000);
});
