import { describe, expect, it } from 'vitest';
import {
  ERASED_NAME,
  ERASED_WORDS,
  type ErasureTarget,
  eraseFrom,
  eraseFromAuditEvent,
  eraseFromCarer,
  eraseFromCluster,
  eraseFromFeedback,
  eraseFromInvitationList,
  eraseFromParentGroup,
  eraseFromPlan,
  eraseFromText,
  eraseFromWords,
  erasureMarker,
  isErasureMarker,
} from './erasure';
import { examples } from './examples';
import { YoungPerson } from './map';
import { strengthsInWords } from './plain-words';

const target: ErasureTarget = {
  partnershipId: 'south-kent',
  ref: 'YP1',
  names: ['Sam Doe'],
  marker: erasureMarker('0a1b2c3d4e'),
  removedCarers: ['CR9'],
};

const [planAction] = examples.actionPlan.actions;
if (!planAction) throw new Error('the example plan has an action');

describe('erasure of a young person from what the partnership keeps', () => {
  it('makes a marker that is a ref and says nothing about the person', () => {
    expect(target.marker).toBe('erased-0a1b2c3d');
  });

  it('takes whole refs and names in any case out of free text, and nothing else', () => {
    expect(eraseFromText('Seen with SAM DOE and YP1. YP10 and YP1-2 were not.', target)).toBe(
      `Seen with ${ERASED_NAME} and erased-0a1b2c3d. YP10 and YP1-2 were not.`,
    );
    expect(eraseFromText('Samantha Doers', target)).toBe('Samantha Doers');
  });

  it('takes the person’s own strengths out of what people wrote, keeping a list readable', () => {
    const withStrengths = { ...target, strengths: ['captain of the under-14 side', 'music'] };
    const summary =
      'Group 1: 3 young people. What is going well: Captain of the under-14 side; drawing; music. Concerns: 2 missing.';
    expect(eraseFromWords(summary, withStrengths)).toBe(
      'Group 1: 3 young people. What is going well: drawing. Concerns: 2 missing.',
    );
    expect(eraseFromWords('What is going well: music.', withStrengths)).toBe(`What is going well: ${ERASED_WORDS}.`);
    expect(eraseFromWords('Musical theatre with Sam Doe.', withStrengths)).toBe(`Musical theatre with ${ERASED_NAME}.`);
  });

  it('erases strengths from a plan that was for the person, but leaves another child’s own strengths theirs', () => {
    const withStrengths = { ...target, strengths: ['plays for Ashford Town'] };
    const plan = {
      ...examples.actionPlan,
      summary: 'What is going well: plays for Ashford Town; drawing.',
      actions: [{ ...planAction, description: 'Ask the coach: plays for Ashford Town' }],
    };
    const erased = eraseFromPlan(plan, withStrengths);
    expect(erased.summary).toBe('What is going well: drawing.');
    expect(JSON.stringify(erased)).not.toContain('Ashford Town');
    const other = { ...examples.youngPerson, ref: 'YP7', strengths: ['plays for Ashford Town'] };
    expect(eraseFrom(other, withStrengths).strengths).toEqual(['plays for Ashford Town']);
  });

  it('takes the person’s strengths from a plan drafted for their group even when no action covers them', () => {
    const withStrengths = { ...target, strengths: ['football'] };
    const plan = {
      ...examples.actionPlan,
      youngPersonRefs: ['YP1', 'YP2'],
      summary: 'What is going well: football; drawing.',
      actions: [{ ...planAction, coversRefs: ['YP2'] }],
    };
    expect(eraseFromPlan(plan, withStrengths).summary).toBe('What is going well: drawing.');
  });

  it('leaves the same words as the person’s strengths in every record that was not a plan for them', () => {
    const withStrengths = { ...target, strengths: ['football', 'kind'] };
    const concern = { ...examples.concern, personRef: 'YP2', note: 'Goes to football training; kind to younger ones.' };
    expect(eraseFrom(concern, withStrengths).note).toBe('Goes to football training; kind to younger ones.');
    const namedToo = { ...concern, note: 'Goes to football training with Sam Doe.' };
    expect(eraseFrom(namedToo, withStrengths).note).toBe(`Goes to football training with ${ERASED_NAME}.`);
    // Another group's plan, for other children: their football stays theirs.
    const otherPlan = {
      ...examples.actionPlan,
      youngPersonRefs: ['YP2', 'YP3'],
      summary: 'What is going well: football. Sam Doe is a friend of the group.',
      actions: [{ ...planAction, coversRefs: ['YP2', 'YP3'] }],
    };
    expect(eraseFromPlan(otherPlan, withStrengths).summary).toBe(
      `What is going well: football. ${ERASED_NAME} is a friend of the group.`,
    );
  });

  it('searches only what people write in words, so a short ref never reaches a date, a code or an id', () => {
    const short = { ...target, ref: '20', names: ['Po'] };
    const concern = {
      ...examples.concern,
      personRef: 'YP2',
      note: 'Seen with 20 on the 20th.',
      provenance: { recordedBy: 'chair-1', recordedAt: '2026-11-20T10:20:45.000Z' },
    };
    const erased = eraseFrom(concern, short);
    expect(erased).toEqual({ ...concern, note: 'Seen with erased-0a1b2c3d on the 20th.' });
    expect(erased.provenance.recordedAt).toBe(concern.provenance.recordedAt);
  });

  it('leaves another child of the same name their own name, and only their notes are cleared', () => {
    const namesake = { ...examples.youngPerson, ref: 'YP7', displayName: 'Sam Doe', strengths: ['helps Sam Doe'] };
    expect(eraseFrom(namesake, target)).toMatchObject({ displayName: 'Sam Doe', strengths: [`helps ${ERASED_NAME}`] });
  });

  it('replaces the ref in the fields that hold young people, leaving identifiers and other people alone', () => {
    const record = { id: 'YP1', youngPersonRefs: ['YP1', 'YP2'], coversRefs: ['YP1'], summary: 'YP1 and Sam Doe' };
    expect(eraseFrom(record, target)).toEqual({
      id: 'YP1',
      youngPersonRefs: ['erased-0a1b2c3d', 'YP2'],
      coversRefs: ['erased-0a1b2c3d'],
      summary: `erased-0a1b2c3d and ${ERASED_NAME}`,
    });
  });

  it('keeps a group the same size, with the marker in the person’s place and their strengths gone', () => {
    const cluster = {
      ...examples.cluster,
      memberRefs: ['YP1', 'YP2', 'YP3'],
      strengths: [
        { ref: 'YP1', strengths: ['football'] },
        { ref: 'YP2', strengths: ['music'] },
      ],
      mostConnected: [{ ref: 'YP1', linksInside: 2, linkWeightInside: 2, betweennessInside: 0.5 }],
    };
    const erased = eraseFromCluster(cluster, target);
    expect(erased.memberRefs).toEqual(['erased-0a1b2c3d', 'YP2', 'YP3']);
    expect(erased.strengths).toEqual([{ ref: 'YP2', strengths: ['music'] }]);
    expect(erased.mostConnected[0]?.ref).toBe('erased-0a1b2c3d');
  });

  it('says the group’s strengths again in its summary without the person’s own', () => {
    const strengths = [
      { ref: 'YP1', strengths: ['captain of the under-14 side at Ashford Town'] },
      { ref: 'YP2', strengths: ['music'] },
    ];
    const cluster = {
      ...examples.cluster,
      memberRefs: ['YP1', 'YP2'],
      strengths,
      narrative: `${strengthsInWords(strengths)} Group 1 links 2 young people.`,
    };
    const erased = eraseFromCluster(cluster, target);
    expect(erased.narrative).toBe('What is going well: music. Group 1 links 2 young people.');
    expect(JSON.stringify(erased)).not.toContain('Ashford Town');
  });

  it('takes the carers removed with the person off an invitation list, attendance included', () => {
    const carer = examples.invitationList.invite[0];
    if (!carer) throw new Error('the example list invites someone');
    const list = {
      ...examples.invitationList,
      youngPersonRefs: ['YP1', 'YP2'],
      invite: [
        { ...carer, carerRef: 'CR9', youngPersonRefs: ['YP1'] },
        { ...carer, carerRef: 'CR2', youngPersonRefs: ['YP1', 'YP2'] },
      ],
      attendance: { CR9: 'attended' as const, CR2: 'apologies' as const },
    };
    const erased = eraseFromInvitationList(list, target);
    expect(erased.invite.map((c) => [c.carerRef, c.youngPersonRefs])).toEqual([['CR2', ['erased-0a1b2c3d', 'YP2']]]);
    expect(erased.attendance).toEqual({ CR2: 'apologies' });
    expect(erased.youngPersonRefs).toEqual(['erased-0a1b2c3d', 'YP2']);
  });

  it('takes the carers removed with the person out of a session safety plan and the follow-ups owed', () => {
    const list = {
      ...examples.invitationList,
      riskAssessment: {
        groupDynamics: 'Sam Doe and YP2 fell out at school in October.',
        confidentiality: 'What is said stays in the room.',
        groupAgreement: 'We listen, we do not judge.',
        keepApart: [
          { carerRefs: ['CR9', 'CR2'] as [string, string], reason: 'a safety note' },
          { carerRefs: ['CR1', 'CR2'] as [string, string], reason: 'a conflict between the families' },
        ],
      },
      followUps: [
        {
          id: 'f1',
          carerRef: 'CR9',
          kind: 'share_messages' as const,
          ownerAgency: 'early_help' as const,
          dueOn: '2026-12-12',
        },
        {
          id: 'f2',
          carerRef: 'CR2',
          kind: 'invite_next' as const,
          ownerAgency: 'early_help' as const,
          dueOn: '2026-12-12',
        },
      ],
    };
    const erased = eraseFromInvitationList(list, target);
    expect(erased.riskAssessment?.keepApart.map((pair) => pair.carerRefs)).toEqual([['CR1', 'CR2']]);
    expect(erased.followUps?.map((f) => f.carerRef)).toEqual(['CR2']);
    expect(erased.riskAssessment?.groupDynamics).not.toContain('Sam Doe');
  });

  it('keeps feedback of a carer removed with the person counted, without them or their words', () => {
    const theirs = eraseFromFeedback({ ...examples.sessionFeedback, carerRef: 'CR9' }, target);
    expect(theirs.carerRef).toBeUndefined();
    expect(theirs.words).toBeUndefined();
    expect(theirs.measures).toEqual(examples.sessionFeedback.measures);
    const others = eraseFromFeedback({ ...examples.sessionFeedback, words: 'Sam Doe is doing better.' }, target);
    expect(others.carerRef).toBe('CR1');
    expect(others.words).not.toContain('Sam Doe');
  });

  it('takes the carers removed with the person out of a parent group', () => {
    const group = {
      ...examples.parentGroup,
      members: [
        { carerRef: 'CR9', joinedOn: '2026-12-05' },
        { carerRef: 'CR1', joinedOn: '2026-12-05' },
      ],
    };
    expect(eraseFromParentGroup(group, target).members.map((m) => m.carerRef)).toEqual(['CR1']);
  });

  it('names the marker in an audit event and no longer the carers removed with the person', () => {
    const event = { ...examples.auditEvent, subjects: { youngPeople: ['YP1', 'YP2'], carers: ['CR9', 'CR2'] } };
    expect(eraseFromAuditEvent(event, target).subjects).toEqual({
      youngPeople: ['erased-0a1b2c3d', 'YP2'],
      carers: ['CR2'],
    });
  });

  it('removes a carer of no one else, and keeps a carer of a brother or sister for them', () => {
    expect(eraseFromCarer({ ...examples.carer, youngPersonRefs: ['YP1'] }, target)).toBeUndefined();
    expect(eraseFromCarer({ ...examples.carer, youngPersonRefs: ['YP1', 'YP2'] }, target)?.youngPersonRefs).toEqual([
      'YP2',
    ]);
  });
});

describe('the erasure marker', () => {
  it('is never given to a young person, so it always means someone erased', () => {
    expect(YoungPerson.safeParse(examples.youngPerson).success).toBe(true);
    const marked = { ...examples.youngPerson, ref: 'erased-0a1b2c3d' };
    expect(isErasureMarker(marked.ref)).toBe(true);
    expect(YoungPerson.safeParse(marked).success).toBe(false);
    expect(isErasureMarker('erased-sam')).toBe(false);
  });
});
