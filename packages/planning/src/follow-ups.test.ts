import type { FollowUp } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import {
  type CarerStanding,
  couldNotCome,
  countFollowUps,
  followUpDueOn,
  owedToFamilies,
  suggestFollowUps,
  whyNotToFollowUp,
} from './follow-ups';

const given: CarerStanding = { doNotContact: false, consent: { status: 'given' } };
const followUp = (id: string, over: Partial<FollowUp> = {}): FollowUp => ({
  id,
  carerRef: 'C1',
  kind: 'share_messages',
  ownerAgency: 'early_help',
  dueOn: '2026-12-17',
  ...over,
});

describe('who could not come', () => {
  it('is the invited carers who sent apologies or did not answer, in the order listed', () => {
    expect(
      couldNotCome(['C1', 'C2', 'C3', 'C4'], { C1: 'attended', C2: 'no_response', C3: 'invited', C4: 'apologies' }),
    ).toEqual(['C2', 'C4']);
  });
});

describe('the follow-ups suggested after a held session', () => {
  const standings: Record<string, CarerStanding> = {
    C1: given,
    C2: given,
    C3: { doNotContact: true, consent: { status: 'given' } },
    C4: { doNotContact: false, consent: { status: 'withdrawn' } },
    C5: given,
  };
  const suggest = (today: string) =>
    suggestFollowUps({
      invitedRefs: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'],
      attendance: {
        C1: 'attended',
        C2: 'apologies',
        C3: 'apologies',
        C4: 'no_response',
        C5: 'no_response',
        C6: 'apologies',
      },
      standingOf: (ref) => standings[ref],
      sessionDate: '2026-12-03',
      today,
    });

  it('owes each carer who could not come the messages and the next invitation, early help, in two weeks', () => {
    expect(suggest('2026-12-04')).toEqual([
      { carerRef: 'C2', kind: 'share_messages', ownerAgency: 'early_help', dueOn: '2026-12-17' },
      { carerRef: 'C2', kind: 'invite_next', ownerAgency: 'early_help', dueOn: '2026-12-17' },
      { carerRef: 'C5', kind: 'share_messages', ownerAgency: 'early_help', dueOn: '2026-12-17' },
      { carerRef: 'C5', kind: 'invite_next', ownerAgency: 'early_help', dueOn: '2026-12-17' },
    ]);
  });

  it('never suggests reaching a carer now do-not-contact, whose consent was withdrawn, or no longer on the map', () => {
    const carers = suggest('2026-12-04').map((s) => s.carerRef);
    expect(carers).not.toContain('C3');
    expect(carers).not.toContain('C4');
    expect(carers).not.toContain('C6');
  });

  it('gives two weeks from today when the attendance is recorded after the first two weeks', () => {
    expect(followUpDueOn('2026-12-03', '2026-12-10')).toBe('2026-12-17');
    expect(followUpDueOn('2026-12-03', '2026-12-20')).toBe('2027-01-03');
    expect(suggest('2026-12-20')[0]?.dueOn).toBe('2027-01-03');
  });
});

describe('whether a carer may be followed up', () => {
  it('says why not, safety first', () => {
    expect(whyNotToFollowUp(given)).toBeUndefined();
    expect(whyNotToFollowUp(undefined)).toBe('no longer on the map');
    expect(whyNotToFollowUp({ ...given, doNotContact: true })).toBe('now marked do not contact');
    expect(whyNotToFollowUp({ ...given, safetyNote: 'Lives apart from the other parent' })).toBe(
      'a safety note was added since',
    );
    expect(whyNotToFollowUp({ ...given, consent: { status: 'withdrawn' } })).toBe('consent was withdrawn since');
  });
});

describe("what the meeting's agenda says is owed to families", () => {
  it('counts open, done and past due', () => {
    expect(
      countFollowUps(
        [followUp('a'), followUp('b', { doneOn: '2026-12-05' }), followUp('c', { dueOn: '2026-12-01' })],
        '2026-12-08',
      ),
    ).toEqual({ open: 2, done: 1, overdue: 1 });
  });

  it('writes one line per session with open follow-ups, the oldest due first, naming no carer', () => {
    const lines = owedToFamilies(
      [
        { id: 'later', date: '2026-12-03', followUps: [followUp('a', { carerRef: 'CR-1' }), followUp('b')] },
        { id: 'all-done', date: '2026-11-01', followUps: [followUp('c', { doneOn: '2026-11-10' })] },
        { id: 'none', date: '2026-11-02' },
        {
          id: 'earlier',
          date: '2026-11-12',
          followUps: [followUp('d', { dueOn: '2026-11-26', ownerAgency: 'parent_led_group' }), followUp('e')],
        },
      ],
      '2026-12-08',
    );
    expect(lines.map((line) => line.sessionId)).toEqual(['earlier', 'later']);
    expect(lines[1]?.text).toBe(
      'Follow-ups owed to families after the session on 3 December: 2 open, the oldest due 17 December (Early help)',
    );
    expect(lines[0]?.text).toBe(
      'Follow-ups owed to families after the session on 12 November: 2 open (1 past its due day), the oldest due 26 November (Early help and Parent-led group)',
    );
    expect(JSON.stringify(lines)).not.toContain('CR-1');
  });

  it('writes the year of a day from another year', () => {
    const [line] = owedToFamilies(
      [{ id: 's', date: '2026-12-28', followUps: [followUp('a', { dueOn: '2027-01-11' })] }],
      '2027-01-04',
    );
    expect(line?.text).toBe(
      'Follow-ups owed to families after the session on 28 December 2026: 1 open, the oldest due 11 January (Early help)',
    );
  });
});
