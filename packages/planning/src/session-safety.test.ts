import { ConflictError, type InvitedCarer, type RiskAssessment, ValidationError } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import {
  approvedAssessment,
  assessmentAfterChange,
  completedAssessment,
  missingParts,
  offeredAnotherSession,
  refuseUnsoundPairs,
  safetySuggestions,
  withOffersApplied,
} from './session-safety';

const invited = (carerRef: string, youngPersonRefs: string[]): InvitedCarer => ({
  carerRef,
  name: `Carer ${carerRef}`,
  relationship: 'mother',
  parentalResponsibility: true,
  youngPersonRefs,
  interpreterNeeded: false,
  transportNeeded: true,
  contactRoute: 'phone',
  phone: '07700 900000',
});

const WRITTEN = {
  groupDynamics: 'Two families know each other well; one pair is kept apart.',
  confidentiality: 'What is said stays in the room, unless a child needs keeping safe.',
  groupAgreement: 'We listen, we take turns, we keep what is shared here.',
  keepApart: [],
};

const list = (over: Partial<{ riskAssessment: RiskAssessment; status: 'planned' | 'assessed' | 'approved' }> = {}) => ({
  invite: [invited('CA', ['YA']), invited('CB', ['YB']), invited('CC', ['YA'])],
  askConsentFirst: [],
  notInvited: [],
  ...over,
});

describe('what the map suggests for a session’s risk assessment', () => {
  const carers = [
    { ref: 'CA', name: 'Carer CA', youngPersonRefs: ['YA'] },
    { ref: 'CB', name: 'Carer CB', youngPersonRefs: ['YB'] },
    { ref: 'CC', name: 'Carer CC', youngPersonRefs: ['YA'], safetyNote: 'Words nobody else should read.' },
  ];

  it('pairs the carers of young people in conflict, flags safety notes without their words, and says what is unwritten', () => {
    const suggestions = safetySuggestions(list(), carers, [
      { personA: 'YA', personB: 'YB', kind: 'conflict' },
      { personA: 'YA', personB: 'YC', kind: 'friend' },
    ]);
    expect(suggestions.keepApart).toEqual([
      { carerRefs: ['CA', 'CB'], because: 'young_people_in_conflict', kept: false },
      { carerRefs: ['CB', 'CC'], because: 'young_people_in_conflict', kept: false },
      { carerRefs: ['CA', 'CC'], because: 'safety_note_in_family', kept: false },
    ]);
    expect(suggestions.safetyNotes).toEqual([{ carerRef: 'CC', name: 'Carer CC' }]);
    expect(JSON.stringify(suggestions)).not.toContain('Words nobody');
    expect(suggestions.missing).toEqual(['groupDynamics', 'confidentiality', 'groupAgreement']);
  });

  it('says which suggested pairs the assessment already keeps apart', () => {
    const kept = { ...WRITTEN, keepApart: [{ carerRefs: ['CB', 'CA'] as [string, string], reason: 'a conflict' }] };
    const suggestions = safetySuggestions(list({ riskAssessment: kept }), carers, [
      { personA: 'YA', personB: 'YB', kind: 'conflict' },
    ]);
    expect(suggestions.keepApart[0]).toMatchObject({ carerRefs: ['CA', 'CB'], kept: true });
    expect(suggestions.missing).toEqual([]);
  });

  it('finds a part written only in spaces missing', () => {
    expect(missingParts({ ...WRITTEN, confidentiality: '  ' })).toEqual(['confidentiality']);
  });
});

describe('keeping two carers apart', () => {
  it('refuses a pair of one carer, a carer not on the list, and a pair named twice', () => {
    const refused = () =>
      refuseUnsoundPairs(list(), [
        { carerRefs: ['CA', 'CA'], reason: 'x' },
        { carerRefs: ['CA', 'ZZ'], reason: 'x' },
        { carerRefs: ['CA', 'CB'], reason: 'x' },
        { carerRefs: ['CB', 'CA'], reason: 'y' },
      ]);
    expect(refused).toThrow(ValidationError);
    try {
      refused();
    } catch (error) {
      const messages = (error as ValidationError).problems.map((p) => p.message);
      expect(messages).toEqual([
        'choose two different carers',
        "not on this session's list: ZZ",
        'CB and CA are kept apart twice',
      ]);
    }
  });

  it('takes the carer offered another session off this one, for that reason', () => {
    const assessment = offeredAnotherSession(
      { ...WRITTEN, keepApart: [{ carerRefs: ['CA', 'CB'], reason: 'a conflict between the families' }] },
      'CB',
    );
    expect(assessment.keepApart[0]?.offeredAnotherSession).toBe('CB');
    const after = withOffersApplied(list(), assessment);
    expect(after.invite.map((c) => c.carerRef)).toEqual(['CA', 'CC']);
    expect(after.notInvited).toMatchObject([{ carerRef: 'CB', reason: 'another_session_offered' }]);
    expect(after.notInvited[0]).not.toHaveProperty('phone');
    expect(() => offeredAnotherSession(assessment, 'CC')).toThrow(ValidationError);
  });
});

describe('the two-person rule', () => {
  const step = completedAssessment({ status: 'planned', riskAssessment: WRITTEN }, 'lead@p', '2026-12-01T10:00:00Z');
  const completed = step.riskAssessment;

  it('completes only a written assessment of a planned session, naming who completed it', () => {
    expect(step).toMatchObject({
      status: 'assessed',
      riskAssessment: { completedBy: 'lead@p', completedAt: '2026-12-01T10:00:00Z' },
    });
    expect(() =>
      completedAssessment({ status: 'planned', riskAssessment: { ...WRITTEN, groupAgreement: '' } }, 'l', 't'),
    ).toThrow(ValidationError);
    expect(() => completedAssessment({ status: 'planned' }, 'l', 't')).toThrow(ConflictError);
    expect(() => completedAssessment({ status: 'approved', riskAssessment: WRITTEN }, 'l', 't')).toThrow(ConflictError);
  });

  it('is approved by a second person only, once completed', () => {
    expect(() => approvedAssessment(list({ status: 'assessed', riskAssessment: completed }), 'lead@p', 't')).toThrow(
      /A second person approves/,
    );
    expect(() => approvedAssessment(list({ status: 'planned', riskAssessment: WRITTEN }), 'chair@p', 't')).toThrow(
      /not complete yet/,
    );
    const approved = approvedAssessment(list({ status: 'assessed', riskAssessment: completed }), 'chair@p', 'at');
    expect(approved).toMatchObject({
      status: 'approved',
      riskAssessment: { completedBy: 'lead@p', approvedBy: 'chair@p', approvedAt: 'at' },
    });
  });

  it('is refused while two carers kept apart could both be invited', () => {
    const pair = { ...completed, keepApart: [{ carerRefs: ['CA', 'CB'] as [string, string], reason: 'a conflict' }] };
    expect(() => approvedAssessment(list({ status: 'assessed', riskAssessment: pair }), 'chair@p', 't')).toThrow(
      /offer one of each pair another session/,
    );
  });
});

describe('a change to the assessment', () => {
  const approved: RiskAssessment = {
    ...WRITTEN,
    keepApart: [{ carerRefs: ['CA', 'CB'], reason: 'a conflict', offeredAnotherSession: 'CB' }],
    completedBy: 'lead@p',
    completedAt: 't1',
    approvedBy: 'chair@p',
    approvedAt: 't2',
  };

  it('clears the completion and approval and sends the session back to planned, keeping the offers', () => {
    const after = assessmentAfterChange(
      { status: 'approved', riskAssessment: approved },
      { ...WRITTEN, groupAgreement: 'We listen.', keepApart: [{ carerRefs: ['CB', 'CA'], reason: 'a conflict' }] },
    );
    expect(after.status).toBe('planned');
    expect(after.riskAssessment).not.toHaveProperty('approvedBy');
    expect(after.riskAssessment).not.toHaveProperty('completedBy');
    expect(after.riskAssessment.keepApart[0]?.offeredAnotherSession).toBe('CB');
  });

  it('leaves an unchanged assessment approved, and sent invitations sent', () => {
    const same = { ...WRITTEN, keepApart: [{ carerRefs: ['CB', 'CA'] as [string, string], reason: 'a conflict' }] };
    expect(assessmentAfterChange({ status: 'approved', riskAssessment: approved }, same)).toEqual({
      riskAssessment: approved,
      status: 'approved',
    });
    const sent = assessmentAfterChange({ status: 'invitations_sent', riskAssessment: approved }, WRITTEN);
    expect(sent.status).toBe('invitations_sent');
    expect(sent.riskAssessment).not.toHaveProperty('approvedBy');
    expect(() => assessmentAfterChange({ status: 'held', riskAssessment: approved }, WRITTEN)).toThrow(ConflictError);
  });
});
