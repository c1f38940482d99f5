import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { listFor } from './planning-routes';

describe('an invitation list as a role sees it', () => {
  it("keeps carers' phone and email from a role that may not read contact details", () => {
    const [invited] = listFor('police-analyst', examples.invitationList).invite;
    expect(invited).not.toHaveProperty('phone');
    expect(invited).not.toHaveProperty('email');
    expect(invited?.contactRoute).toBe('phone');
    expect(listFor('early-help-lead', examples.invitationList)).toBe(examples.invitationList);
  });
});
