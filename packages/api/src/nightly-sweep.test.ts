import { createMemoryStore } from '@peermap/memory-store';
import { describe, expect, it, vi } from 'vitest';
import { sweepPartnershipNight } from './nightly-sweep';

const p = 'kent';
const now = new Date('2030-01-07T02:00:00.000Z');
const quietLog = () => ({ info: vi.fn(), warn: vi.fn() });
/** A store in memory, whose tables were never written before the restricted layer. */
const aStore = () => ({
  ...createMemoryStore(),
  restrictedLayer: { moveLegacy: async () => ({ records: 0, auditEvents: 0 }) },
});

describe("a partnership's night", () => {
  it('sweeps and audits before listing sessions by day, and a failure there only warns', async () => {
    const store = aStore();
    const order: string[] = [];
    const record = store.audit.record.bind(store.audit);
    vi.spyOn(store.audit, 'record').mockImplementation(async (event) => {
      order.push(`audit ${event.resource}`);
      await record(event);
    });
    vi.spyOn(store.invitationLists, 'listSessionsByDay').mockImplementation(async () => {
      order.push('list sessions by day');
      throw new Error('A stored invitation list does not match its schema.');
    });
    const log = quietLog();
    const swept = await sweepPartnershipNight(store, p, now, log);
    expect(swept.erased).toBe(0);
    expect(order).toEqual(['audit young-people', 'list sessions by day']);
    expect(log.warn).toHaveBeenCalledWith(
      'sessions not listed by day tonight; the next sweep tries again',
      expect.objectContaining({ partnershipId: p }),
    );
  });

  it('logs the lists it could not read, by id, and how many', async () => {
    const store = aStore();
    vi.spyOn(store.invitationLists, 'listSessionsByDay').mockResolvedValue({ relisted: 2, unreadable: ['list-1'] });
    const log = quietLog();
    await sweepPartnershipNight(store, p, now, log);
    expect(log.info).toHaveBeenCalledWith('sessions listed by day', { partnershipId: p, relisted: 2 });
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('could not be read'), {
      partnershipId: p,
      unreadable: 1,
      listIds: ['list-1'],
    });
  });
});
