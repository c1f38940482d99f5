import { type Carer, ConflictError, examples, ValidationError } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { sortCarers } from './invitations';
import {
  type MemberStanding,
  membersFromSession,
  refuseJoining,
  refuseNamedYoungPeople,
  standingOf,
  topicsAskedBy,
} from './parent-groups';

const carer = (ref: string, over: Partial<Carer> = {}): Carer => ({
  ...examples.carer,
  ref,
  youngPersonRefs: ['YP1'],
  ...over,
});

const standings = (carers: Carer[], refs: string[]) => {
  const sort = sortCarers({
    youngPersonRefs: ['YP1'],
    youngPeople: new Map([['YP1', { ref: 'YP1', status: 'open' as const, keyWorker: 'Kim K.' }]]),
    carers,
    inviteSizeLimit: 12,
  });
  return refs.map((ref) => [ref, standingOf(sort, ref)]);
};

describe("a parent group's members", () => {
  it('start as the carers who came to the session, joined on its day', () => {
    const members = membersFromSession({
      session: { ...examples.invitationList.session, date: '2026-11-20' },
      attendance: { CR3: 'attended', CR1: 'attended', CR2: 'apologies', CR4: 'no_response' },
    });
    expect(members).toEqual([
      { carerRef: 'CR1', joinedOn: '2026-11-20' },
      { carerRef: 'CR3', joinedOn: '2026-11-20' },
    ]);
  });

  it('stand by the rules of any list: consent, do-not-contact, safety notes, and the map', () => {
    const result = standings(
      [
        carer('CR1'),
        carer('CR2', { consent: { status: 'withdrawn', recordedOn: '2026-11-02', recordedBy: 'Kim K.' } }),
        carer('CR3', { doNotContact: true }),
        carer('CR4', { consent: { status: 'not_asked' } }),
      ],
      ['CR1', 'CR2', 'CR3', 'CR4', 'CR9'],
    );
    expect(Object.fromEntries(result)).toEqual({
      CR1: { contact: 'can_be_invited' },
      CR2: { contact: 'not_contacted', reason: 'consent_withdrawn' },
      CR3: { contact: 'not_contacted', reason: 'do_not_contact' },
      CR4: { contact: 'ask_consent_first' },
      CR9: { contact: 'not_contacted', reason: 'not_on_the_map' },
    });
  });
});

describe('joining a group', () => {
  const group = { status: 'active' as const, members: [{ carerRef: 'CR1', joinedOn: '2026-11-20' }] };
  const join =
    (standing: MemberStanding, carerRef = 'CR2', joinedOn = '2026-12-01', over = {}) =>
    () =>
      refuseJoining({ ...group, ...over }, { carerRef, joinedOn }, standing, '2026-12-01');

  it('welcomes a carer on the map who gave consent', () => {
    expect(join({ contact: 'can_be_invited' })).not.toThrow();
  });

  it('is refused without consent, naming what to do', () => {
    expect(join({ contact: 'ask_consent_first' })).toThrow(ConflictError);
    expect(join({ contact: 'ask_consent_first' })).toThrow(/record their consent first/);
    expect(join({ contact: 'not_contacted', reason: 'consent_withdrawn' })).toThrow(/withdrew their consent/);
    expect(join({ contact: 'not_contacted', reason: 'safety_note' })).toThrow(/key worker/);
  });

  it('is refused for a carer not on the map, a member already, a day to come, or a group that has ended', () => {
    expect(join({ contact: 'not_contacted', reason: 'not_on_the_map' })).toThrow(ValidationError);
    expect(join({ contact: 'can_be_invited' }, 'CR1')).toThrow(/member since 2026-11-20/);
    expect(join({ contact: 'can_be_invited' }, 'CR2', '2026-12-02')).toThrow(ValidationError);
    expect(join({ contact: 'can_be_invited' }, 'CR2', '2026-12-01', { status: 'ended' })).toThrow(/has ended/);
  });
});

describe("the group's sessions and plan", () => {
  it('take the topics the parents asked for', () => {
    expect(topicsAskedBy({ topicsAsked: ['Online grooming'] })).toEqual([
      { name: 'Online grooming', askedByParents: true },
    ]);
  });

  it('name no young person in the parents’ own plan', () => {
    expect(() => refuseNamedYoungPeople([{ id: 'a1', coversRefs: [] }])).not.toThrow();
    expect(() => refuseNamedYoungPeople([{ id: 'a2', coversRefs: ['YP1'] }])).toThrow(/names no young person/);
  });
});
