import { randomUUID } from 'node:crypto';
import { Heartbeat } from '@peermap/api';
import type { LeaseHolder } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../support/store';

const upload = (week = '2026-W48'): LeaseHolder => ({ kind: 'upload', workId: randomUUID(), week });
const at = (ms: number) => new Date(Date.parse('2026-12-07T10:00:00.000Z') + ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('leases held by running work', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  it('go to one holder at a time, and to another once the first has lapsed', async () => {
    const { leases } = table.store;
    const first = await leases.take('one', 'map-writer', upload(), at(0), 60_000);
    const second = await leases.take('one', 'map-writer', upload('2026-W49'), at(59_999), 60_000);
    expect(first.kind).toBe('taken');
    expect(second).toMatchObject({ kind: 'held', by: { holder: { week: '2026-W48' } } });
    const third = await leases.take('one', 'map-writer', upload('2026-W49'), at(60_000), 60_000);
    expect(third).toMatchObject({ kind: 'taken', lapsed: { holder: { week: '2026-W48' } } });
    // Another partnership's map, or another run, has a lease of its own.
    expect((await leases.take('two', 'map-writer', upload(), at(0), 60_000)).kind).toBe('taken');
    expect((await leases.take('one', `analysis:${randomUUID()}`, upload(), at(0), 60_000)).kind).toBe('taken');
  });

  it('are renewed and given up only by the taking that holds them', async () => {
    const { leases } = table.store;
    const first = await leases.take('renew', 'map-writer', upload(), at(0), 1_000);
    if (first.kind !== 'taken') throw new Error('free');
    const renewed = await leases.renew(first.lease, at(900), 1_000);
    expect(renewed?.lapsesAt).toBe(at(1_900).getTime());
    expect((await leases.take('renew', 'map-writer', upload(), at(1_500), 1_000)).kind).toBe('held');
    const takenOver = await leases.take('renew', 'map-writer', upload(), at(2_000), 1_000);
    if (takenOver.kind !== 'taken') throw new Error('lapsed');
    // The first holder, back from a pause, can neither renew nor give up what is no longer its own.
    expect(await leases.renew(first.lease, at(2_100), 1_000)).toBeUndefined();
    await leases.release(first.lease);
    expect((await leases.current('renew', 'map-writer'))?.token).toBe(takenOver.lease.token);
    await leases.release(takenOver.lease);
    expect(await leases.current('renew', 'map-writer')).toBeUndefined();
  });

  it('stay held while the heartbeat beats, and are free again once it stops', async () => {
    // The work's clock is the test's: the lease would lapse at 60 s, and the clock is moved past
    // that only once a beat has renewed it, however slow the machine.
    let clock = at(0);
    const timing = { heartbeatMs: 20, lapsesAfterMs: 60_000 };
    const start = await Heartbeat.start(table.store.leases, 'beating', 'map-writer', upload(), {
      timing,
      now: () => clock,
    });
    if (start.kind !== 'taken') throw new Error('free');
    clock = at(50_000);
    await until(async () => (await table.store.leases.current('beating', 'map-writer'))?.renewedAt === clock.getTime());
    const otherWork = await table.store.leases.take('beating', 'map-writer', upload(), at(100_000), 60_000);
    expect(otherWork.kind).toBe('held');
    expect(start.heartbeat.lost).toBe(false);
    await start.heartbeat.stop();
    expect(await table.store.leases.current('beating', 'map-writer')).toBeUndefined();
  });

  it('tell the work it has lost the lease once another holder took it over', async () => {
    const timing = { heartbeatMs: 20, lapsesAfterMs: 60_000 };
    const start = await Heartbeat.start(table.store.leases, 'paused', 'map-writer', upload(), { timing });
    if (start.kind !== 'taken') throw new Error('free');
    // Another process decides the work stopped (its clock says the lease lapsed) and takes it over.
    const future = new Date(Date.now() + 120_000);
    expect((await table.store.leases.take('paused', 'map-writer', upload(), future, 60_000)).kind).toBe('taken');
    await until(async () => start.heartbeat.lost);
    expect(start.heartbeat.signal.aborted).toBe(true);
    await start.heartbeat.stop();
    // Stopping never gives up the new holder's lease.
    expect(await table.store.leases.current('paused', 'map-writer')).toBeDefined();
  });
});

/** Waits for a beat to have happened (a renewal is a timer and a write): at most 20 s. */
async function until(happened: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await happened()); waited += 20) {
    if (waited > 20_000) throw new Error('the heartbeat never beat');
    await sleep(20);
  }
}
