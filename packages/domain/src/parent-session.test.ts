import { describe, expect, it } from 'vitest';
import { examples } from './examples';
import { isSessionApproved } from './parent-session';
import { sessionAsShown } from './planning';

const assessment = {
  groupDynamics: 'Friendly; two families know each other from school.',
  confidentiality: 'What is said stays in the room, unless a child is at risk.',
  groupAgreement: 'We listen and we do not judge.',
  keepApart: [{ carerRefs: ['CR1', 'CR7'] as [string, string], reason: 'a safety note' }],
  completedBy: 'lead-1',
  approvedBy: 'chair-1',
};
const approved = { ...examples.invitationList, status: 'invitations_sent' as const, riskAssessment: assessment };
const online = { ...approved.session, onlineLink: 'https://meet.example.org/parents' };

describe('whether a session is approved, so contact details and its link may go out', () => {
  it('is when a second person approved its assessment and it invites no pair kept apart', () => {
    expect(isSessionApproved(approved)).toBe(true);
    expect(sessionAsShown({ ...approved, session: online }).onlineLink).toBe(online.onlineLink);
  });

  it('is not once its assessment changed after the invitations went out, until approved again', () => {
    const { approvedBy: _, ...changed } = assessment;
    const session = { ...approved, session: online, riskAssessment: changed };
    expect(isSessionApproved(session)).toBe(false);
    expect(sessionAsShown(session).onlineLink).toBeUndefined();
  });

  it('is not while its list, as it stands today, invites both carers of a pair kept apart', () => {
    const [carer] = approved.invite;
    if (!carer) throw new Error('the example invites a carer');
    const both = { ...approved, invite: [carer, { ...carer, carerRef: 'CR7' }] };
    expect(isSessionApproved(both)).toBe(false);
  });

  it('is not before its approval; a list from before sessions had an assessment stands approved', () => {
    expect(isSessionApproved({ ...approved, status: 'assessed' })).toBe(false);
    expect(isSessionApproved({ ...examples.invitationList })).toBe(true);
  });
});
