import { createMemoryStore } from '@peermap/memory-store';
import { describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import { sweepRetention } from './retention-sweep';
import { clearSessionWordsPastRetention, isPastSessionRetention } from './session-retention';

const p = 'kent';
const now = new Date('2029-01-10T02:00:00.000Z');

/** A session whose risk assessment names who is kept apart and why, with notes on its follow-ups and costs. */
const written = (id: string, date: string) =>
  make.invitationList(p, {
    id,
    session: { ...make.invitationList(p).session, date },
    status: 'held',
    notes: 'The Smith family asked for a later start.',
    riskAssessment: {
      groupDynamics: 'Two families fell out over the summer.',
      confidentiality: 'What is said stays in the room.',
      groupAgreement: 'We listen.',
      keepApart: [{ carerRefs: ['CR1', 'CR2'], reason: 'a domestic abuse safety note' }],
      completedBy: 'lead-1',
      approvedBy: 'chair-1',
    },
    followUps: [
      { id: 'f1', carerRef: 'CR3', kind: 'other', note: 'Call after work', ownerAgency: 'early_help', dueOn: date },
    ],
    budget: [{ kind: 'transport', note: 'Taxi for the Smith family', plannedPence: 2000, actualPence: 1850 }],
  });

describe('a session past its retention', () => {
  it('keeps who came, what was owed and what it cost, and who approved it, without the words about families', async () => {
    const store = createMemoryStore();
    const old = await store.invitationLists.save(written('4d0f1c2b-3a4e-4b5c-8d6e-7f8091a2b3c4', '2026-12-01'));
    const recent = await store.invitationLists.save(written('5e1f2d3c-4b5a-4c6d-9e7f-8091a2b3c4d5', '2027-06-01'));
    expect(isPastSessionRetention(old, now)).toBe(true);
    expect(isPastSessionRetention(recent, now)).toBe(false);

    const result = await sweepRetention(store, p, now);
    expect(result.deferred).toBe(0);
    const cleared = await store.invitationLists.get(p, old.id);
    expect(cleared?.riskAssessment).toMatchObject({ groupDynamics: '', keepApart: [], approvedBy: 'chair-1' });
    expect(cleared?.notes).toBeUndefined();
    expect(cleared?.followUps?.[0]).toMatchObject({ carerRef: 'CR3', kind: 'other' });
    expect(cleared?.followUps?.[0]?.note).toBeUndefined();
    expect(cleared?.budget?.[0]).toEqual({ kind: 'transport', plannedPence: 2000, actualPence: 1850 });
    expect(cleared?.attendance).toEqual(old.attendance);
    expect((await store.invitationLists.get(p, recent.id))?.riskAssessment?.keepApart).toHaveLength(1);
    const events = (await store.audit.byUser(p, 'peermap-retention-sweep')).items;
    expect(events.some((event) => event.subjects.carers.includes('CR1'))).toBe(true);

    // Once cleared, the next sweep finds nothing more to take.
    expect((await clearSessionWordsPastRetention(store, p, now)).cleared).toBe(0);
  });
});
