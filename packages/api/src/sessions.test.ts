import { examples, ValidationError } from '@peermap/domain';
import { createMemoryStore, type MemoryStore } from '@peermap/memory-store';
import { describe, expect, it } from 'vitest';
import * as make from '../../../test/support/records';
import { sessionsPage } from './sessions';

const p = 'kent';
/** 8 December 2026, mid-morning in London. */
const now = new Date('2026-12-08T10:00:00.000Z');
const session = (date: string) => ({
  date,
  time: '18:30',
  venue: 'Community Centre',
  facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
});
const invited = examples.invitationList.invite[0];

/** YP1's carer CR1 gave consent, was invited to a session on 1 December and came. */
async function aHeldSession(): Promise<MemoryStore> {
  const store = createMemoryStore();
  await store.youngPeople.save(make.youngPerson(p, 'YP1'));
  await store.carers.save(make.carer(p, 'CR1', ['YP1']));
  if (!invited) throw new Error('the example list invites a carer');
  await store.invitationLists.save(
    make.invitationList(p, {
      youngPersonRefs: ['YP1'],
      session: session('2026-12-01'),
      invite: [{ ...invited, carerRef: 'CR1', youngPersonRefs: ['YP1'] }],
      askConsentFirst: [],
      notInvited: [],
      attendance: { CR1: 'attended' },
    }),
  );
  return store;
}

describe("the early help lead's sessions", () => {
  it('counts a held session as it was held: a carer who came and later withdrew consent still came', async () => {
    const store = await aHeldSession();
    const carer = await store.carers.get(p, 'CR1');
    if (!carer) throw new Error('CR1 is held');
    await store.carers.change(
      carer,
      { consent: { status: 'withdrawn', recordedOn: '2026-12-05', recordedBy: 'Kim Keyworker' } },
      carer.version,
    );
    const { page } = await sessionsPage(store, p, 'past', now, { limit: 20 });
    expect(page.items.map((item) => [item.status, item.counts.invited, item.counts.attended])).toEqual([
      ['held', 1, 1],
    ]);
  });

  it('asks the lead to start again when the day changed since a page of sessions still to come was read', async () => {
    const store = createMemoryStore();
    for (const date of ['2026-12-08', '2026-12-09', '2026-12-20']) {
      await store.invitationLists.save(make.invitationList(p, { session: session(date) }));
    }
    const evening = new Date('2026-12-08T22:00:00.000Z');
    const first = await sessionsPage(store, p, 'upcoming', evening, { limit: 1 });
    expect(first.page.cursor).toBeDefined();
    const afterMidnight = new Date('2026-12-09T00:30:00.000Z');
    const next = sessionsPage(store, p, 'upcoming', afterMidnight, { limit: 1, cursor: first.page.cursor ?? '' });
    await expect(next).rejects.toThrow(ValidationError);
    await expect(next).rejects.toThrow(/the day has changed since this page was read.*start the list again/);
    // The past list's refusal of a cursor not its own is left as the store words it.
    const crossed = sessionsPage(store, p, 'past', evening, { limit: 1, cursor: first.page.cursor ?? '' });
    await expect(crossed).rejects.toThrow(/cursor/);
    await expect(crossed).rejects.not.toThrow(/the day has changed/);
  });
});
