import type { Carer, YoungPerson } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { keepRecordedAttendance, sortCarers } from './invitations';

const person = (ref: string, over: Partial<YoungPerson> = {}) => ({
  ref,
  status: 'open' as const,
  keyWorker: 'Kim K.',
  ...over,
});

function carer(ref: string, youngPersonRefs: string[], over: Partial<Carer> = {}): Carer {
  return {
    ref,
    partnershipId: 'p',
    youngPersonRefs,
    name: `Carer ${ref}`,
    relationship: 'mother',
    parentalResponsibility: true,
    contact: { phone: '07700 900000' },
    interpreterNeeded: false,
    transportNeeded: false,
    consent: { status: 'given', recordedOn: '2026-11-01', recordedBy: 'Kim K.' },
    doNotContact: false,
    provenance: { recordedBy: 'test', recordedAt: '2026-11-01T00:00:00.000Z' },
    version: 1,
    ...over,
  };
}

function sort(carers: Carer[], people = [person('YP1'), person('YP2'), person('YP3')], limit = 12) {
  return sortCarers({
    youngPersonRefs: people.map((p) => p.ref),
    youngPeople: new Map(people.map((p) => [p.ref, p])),
    carers,
    inviteSizeLimit: limit,
  });
}

const reasonOf = (result: ReturnType<typeof sort>, ref: string) =>
  result.notInvited.find((c) => c.carerRef === ref)?.reason;

describe('who is invited to the parent session', () => {
  it('invites a carer who gave consent, with the contact route and what makes coming possible', () => {
    const result = sort([
      carer('CR1', ['YP1'], { preferredLanguage: 'Tigrinya', interpreterNeeded: true, transportNeeded: true }),
    ]);
    expect(result.invite).toEqual([
      expect.objectContaining({
        carerRef: 'CR1',
        youngPersonRefs: ['YP1'],
        contactRoute: 'phone',
        phone: '07700 900000',
        preferredLanguage: 'Tigrinya',
        interpreterNeeded: true,
        transportNeeded: true,
      }),
    ]);
  });

  it('invites mothers and fathers alike: a two-parent family gives two invitations', () => {
    const result = sort([carer('CR1', ['YP1']), carer('CR2', ['YP1'], { relationship: 'father' })]);
    expect(result.invite.map((c) => [c.carerRef, c.relationship])).toEqual([
      ['CR1', 'mother'],
      ['CR2', 'father'],
    ]);
  });

  it('lists a carer of siblings once, with every sibling in the group', () => {
    const result = sort([carer('CR1', ['YP1', 'YP2', 'YP9'])]);
    expect(result.invite).toHaveLength(1);
    expect(result.invite[0]?.youngPersonRefs).toEqual(['YP1', 'YP2']);
  });

  it('asks consent first when nobody has asked, naming the key worker who should', () => {
    const result = sort([carer('CR1', ['YP1'], { consent: { status: 'not_asked' } })]);
    expect(result.askConsentFirst).toEqual([expect.objectContaining({ carerRef: 'CR1', askedBy: 'Kim K.' })]);
    expect(result.invite).toEqual([]);
  });

  it('invites a step-parent without parental responsibility: a parenting role is enough', () => {
    const result = sort([carer('CR1', ['YP1'], { relationship: 'stepfather', parentalResponsibility: false })]);
    expect(result.invite.map((c) => c.carerRef)).toEqual(['CR1']);
  });

  it.each([
    [
      'consent declined',
      { consent: { status: 'declined' as const, recordedOn: '2026-11-01', recordedBy: 'K' } },
      'consent_declined',
    ],
    [
      'consent withdrawn',
      { consent: { status: 'withdrawn' as const, recordedOn: '2026-11-01', recordedBy: 'K' } },
      'consent_withdrawn',
    ],
    ['do not contact', { doNotContact: true }, 'do_not_contact'],
    ['a safety note', { safetyNote: 'Court order: no contact with the child' }, 'safety_note'],
    [
      'no parental responsibility and no caring role',
      { relationship: 'other' as const, parentalResponsibility: false },
      'no_parental_responsibility_or_caring_role',
    ],
  ])('does not invite a carer with %s, and says why', (_, over, reason) => {
    const result = sort([carer('CR1', ['YP1'], over)]);
    expect(reasonOf(result, 'CR1')).toBe(reason);
    expect(result.invite).toEqual([]);
    expect(result.askConsentFirst).toEqual([]);
  });

  it('puts safety first: do not contact wins over a given consent, and a safety note over a missing one', () => {
    const result = sort([
      carer('CR1', ['YP1'], { doNotContact: true }),
      carer('CR2', ['YP1'], { safetyNote: 'see the plan', consent: { status: 'not_asked' } }),
    ]);
    expect([reasonOf(result, 'CR1'), reasonOf(result, 'CR2')]).toEqual(['do_not_contact', 'safety_note']);
  });

  it('leaves out the carer of a young person whose case is closed, but not of an open sibling', () => {
    const people = [person('YP1', { status: 'closed' }), person('YP2')];
    const result = sort([carer('CR1', ['YP1']), carer('CR2', ['YP1', 'YP2'])], people);
    expect(reasonOf(result, 'CR1')).toBe('case_closed');
    expect(result.invite.map((c) => [c.carerRef, c.youngPersonRefs])).toEqual([['CR2', ['YP2']]]);
  });

  it('uses email, then the key worker, when a carer has no phone', () => {
    const result = sort([
      carer('CR1', ['YP1'], { contact: { email: 'a@example.org' } }),
      carer('CR2', ['YP2'], { contact: {} }),
    ]);
    expect(result.invite.map((c) => c.contactRoute)).toEqual(['email', 'key_worker']);
  });

  it('warns past the size limit and proposes sessions along the sub-groups', () => {
    const people = Array.from({ length: 6 }, (_, i) => person(`YP${i + 1}`));
    const carers = people.flatMap((p, i) => [
      carer(`CM${i}`, [p.ref]),
      carer(`CF${i}`, [p.ref], { relationship: 'father' }),
    ]);
    const result = sortCarers({
      youngPersonRefs: people.map((p) => p.ref),
      youngPeople: new Map(people.map((p) => [p.ref, p])),
      carers,
      inviteSizeLimit: 6,
      subGroups: [
        ['YP1', 'YP2', 'YP3'],
        ['YP4', 'YP5', 'YP6'],
      ],
    });
    expect(result.sizeWarning).toMatchObject({ limit: 6, inviteCount: 12 });
    expect(result.sizeWarning?.proposedSessions.map((s) => s.youngPersonRefs)).toEqual([
      ['YP1', 'YP2', 'YP3'],
      ['YP4', 'YP5', 'YP6'],
    ]);
    expect(result.sizeWarning?.proposedSessions.every((s) => s.carerRefs.length <= 6)).toBe(true);
    expect(sort(carers.slice(0, 4)).sizeWarning).toBeUndefined();
  });
});

describe('a held session keeps its record of who came', () => {
  const atTheTime = sort([carer('C1', ['YP1']), carer('C2', ['YP2']), carer('C3', ['YP3'])]);
  const withdrawn = { status: 'withdrawn' as const, recordedOn: '2026-12-01', recordedBy: 'Kim K.' };

  it('keeps a carer who came and has since withdrawn consent on the invite, reached through the key worker', () => {
    const today = sort([carer('C1', ['YP1'], { consent: withdrawn }), carer('C2', ['YP2']), carer('C3', ['YP3'])]);
    const kept = keepRecordedAttendance({ invite: atTheTime.invite, attendance: { C1: 'attended' } }, today);
    expect(kept.invite.map((c) => c.carerRef).sort()).toEqual(['C1', 'C2', 'C3']);
    const c1 = kept.invite.find((c) => c.carerRef === 'C1');
    expect(c1).toMatchObject({ contactRoute: 'key_worker' });
    expect(c1).not.toHaveProperty('phone');
    expect(kept.notInvited.map((c) => c.carerRef)).not.toContain('C1');
  });

  it('lets a carer with nothing recorded, or no longer on the map, follow today', () => {
    const today = sort([carer('C1', ['YP1'], { consent: withdrawn }), carer('C2', ['YP2'])]);
    const kept = keepRecordedAttendance(
      { invite: atTheTime.invite, attendance: { C1: 'invited', C3: 'attended' } },
      today,
    );
    expect(kept).toBe(today);
    expect(kept.notInvited.map((c) => c.carerRef)).toContain('C1');
  });
});
