import { ConflictError, examples, ValidationError, VersionConflictError } from '@peermap/domain';
import { createMemoryStore } from '@peermap/memory-store';
import { describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import { cancelSession, changeSession, sessionViewOf } from './session-plan';

const p = 'kent';
/** 8 December 2026, mid-morning in London. */
const now = new Date('2026-12-08T10:00:00.000Z');
const details = (date: string) => ({ ...examples.invitationList.session, date });
const by = (version: number) => ({ by: 'lead-1', now, expectedVersion: version });

async function aSession(over: Parameters<typeof make.invitationList>[1] = {}) {
  const store = createMemoryStore();
  const list = await store.invitationLists.save(
    make.invitationList(p, {
      session: details('2026-12-20'),
      status: 'planned',
      attendance: {},
      budget: [{ kind: 'venue', plannedPence: 4500 }],
      notes: 'Ask the school about the hall.',
      ...over,
    }),
  );
  return { store, list };
}

describe("a session's plan", () => {
  it('changes against the version read, with topics as the list words them', async () => {
    const { store, list } = await aSession();
    const saved = await changeSession(
      store,
      list,
      { topics: [{ name: 'substance misuse', askedByParents: false }], session: { ...list.session, endTime: '20:00' } },
      by(1),
    );
    expect(saved).toMatchObject({ version: 2, topics: [{ name: 'Substance misuse', askedByParents: false }] });
    await expect(changeSession(store, list, { notes: 'Again.' }, by(1))).rejects.toBeInstanceOf(VersionConflictError);
    await expect(
      changeSession(store, saved, { session: { ...list.session, endTime: '18:00' } }, by(2)),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps the details of a session held before sessions had a status, and still takes its costs', async () => {
    const { store, list } = await aSession({
      status: undefined,
      session: details('2026-12-01'),
      attendance: { CR1: 'attended' },
    });
    await expect(changeSession(store, list, { session: details('2026-12-30') }, by(1))).rejects.toBeInstanceOf(
      ConflictError,
    );
    const costed = await changeSession(
      store,
      list,
      { budget: [{ kind: 'venue', plannedPence: 4500, actualPence: 4000 }] },
      by(1),
    );
    expect(costed.budget?.[0]?.actualPence).toBe(4000);
    await expect(cancelSession(store, costed, 'Too late.', by(2))).rejects.toBeInstanceOf(ConflictError);
  });

  it('is called off with its reason, once', async () => {
    const { store, list } = await aSession();
    const cancelled = await cancelSession(store, list, 'The hall flooded.', by(1));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledReason: 'The hall flooded.', updatedBy: 'lead-1' });
    await expect(cancelSession(store, cancelled, 'Again.', by(2))).rejects.toBeInstanceOf(ConflictError);
  });

  it('shows the budget, notes and reason to those who plan and approve, and not to police analysts', async () => {
    const { store, list } = await aSession();
    const cancelled = await cancelSession(store, list, 'The hall flooded.', by(1));
    const lead = await sessionViewOf(store, cancelled, 'early-help-lead', now);
    expect(lead).toMatchObject({
      status: 'cancelled',
      budget: { plannedPence: 4500, actualPence: 0, linesWithActual: 0 },
      notes: 'Ask the school about the hall.',
      cancelledReason: 'The hall flooded.',
      for: { kind: 'peer_group', id: 'C-1' },
    });
    const police = await sessionViewOf(store, cancelled, 'police-analyst', now);
    expect(police.status).toBe('cancelled');
    for (const hidden of ['budget', 'notes', 'languageNotes', 'cancelledReason'])
      expect(police).not.toHaveProperty(hidden);
    expect(JSON.stringify(police)).not.toContain('Sam Carer');
  });
});
