import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { listFor } from './planning-routes';

describe('an invitation list as a role sees it', () => {
  it("keeps carers' phone and email from a role that may not read contact details", () => {
    const [invited] = listFor('police-analyst', examples.invitationList).invite;
    expect(invited).not.toHaveProperty('phone');
    expect(invited).not.toHaveProperty('email');
    expect(invited?.contactRoute).toBe('phone');
    expect(listFor('early-help-lead', examples.invitationList)).toEqual(examples.invitationList);
  });

  it("keeps contact details and the online link from everyone until the session's risk assessment is approved", () => {
    const online = { ...examples.invitationList.session, onlineLink: 'https://meet.example.org/s' };
    const planned = { ...examples.invitationList, status: 'assessed' as const, session: online };
    const seen = listFor('early-help-lead', planned);
    expect(seen.invite[0]).not.toHaveProperty('phone');
    expect(seen.session).not.toHaveProperty('onlineLink');
    const approved = listFor('early-help-lead', { ...planned, status: 'approved' });
    expect(approved.invite[0]?.phone).toBe('07700 900001');
    expect(approved.session.onlineLink).toBe('https://meet.example.org/s');
  });

  it('never carries the risk assessment: who is kept apart, and why, is read on its own route', () => {
    const assessed = {
      ...examples.invitationList,
      riskAssessment: {
        groupDynamics: 'g',
        confidentiality: 'c',
        groupAgreement: 'a',
        keepApart: [{ carerRefs: ['CR1', 'CR2'] as [string, string], reason: 'a reason kept apart' }],
      },
    };
    expect(listFor('madp-chair', assessed)).not.toHaveProperty('riskAssessment');
  });
});
